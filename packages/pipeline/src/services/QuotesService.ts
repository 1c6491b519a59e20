/**
 * Quotes: list, stream, get, create, update, delete, recover, search, listDeleted, and an account's quotes
 * (listForAccount, createForAccount).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import type { PageParams, PageResult } from "@blocks-crm/core-http/Pagination"
import * as Effect from "effect/Effect"
import { QuotesGroup } from "../contract/QuotesGroup.js"
import { accountScoped } from "../internal/accountScoped.js"
import type {
  ListQuotesParams,
  CreateAccountQuoteRequest,
  CreateQuoteRequest,
  Quote,
  UpdatedQuote,
  UpdateQuoteRequest
} from "../models/Quote.js"

/**
 * What `QuotesService` offers: the standard methods with the trash (`SoftDeleteClient`), plus the
 * quotes of one account.
 *
 * @since 0.2.0
 */
export interface Quotes
  extends ResourceClient.SoftDeleteClient<Quote, CreateQuoteRequest, UpdateQuoteRequest, UpdatedQuote, ListQuotesParams>
{
  /** One page of an account's quotes (`GET /accounts/:unique_id/quotes`); `NotFound` when there is no such account. */
  readonly listForAccount: (accountId: string, params?: PageParams) => Effect.Effect<PageResult<Quote>, CrmError>
  /** Adds a quote to an account (`POST /accounts/:unique_id/quotes`): the quote carries the account's id. */
  readonly createForAccount: (accountId: string, data: CreateAccountQuoteRequest) => Effect.Effect<Quote, CrmError>
}

/**
 * The CRM's quotes as an Effect service (`Quotes`): pages, a lazy `stream`, search, CRUD, the trash and
 * an account's quotes. Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { QuotesService } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const sendQuote = Effect.gen(function*() {
 *   const quotes = yield* QuotesService
 *   const quote = yield* quotes.create({ title: "Enterprise plan", amount: 12_000, currency: "USD" })
 *   return yield* quotes.update(quote.uniqueId, { status: "sent" })
 * })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class QuotesService extends Effect.Service<QuotesService>()("@blocks-crm/pipeline/QuotesService", {
  effect: Effect.map(
    ApiClient.group(QuotesGroup),
    (endpoints): Quotes => ({
      ...ResourceClient.softDelete("quotes", endpoints),
      ...accountScoped(endpoints)
    })
  )
}) {}
