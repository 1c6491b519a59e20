/**
 * Quotes: list, stream, get, create, update, delete, recover, search, listDeleted.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { QuotesGroup } from "../contract/QuotesGroup.js"
import { CreateQuoteRequest, UpdateQuoteRequest } from "../models/Quote.js"
import type { Quote, UpdatedQuote } from "../models/Quote.js"

/**
 * The CRM's quotes as an Effect service (`SoftDeleteClient`): pages, a lazy `stream`, search, CRUD and
 * the trash. Inputs are validated before anything is sent.
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
    (endpoints): ResourceClient.SoftDeleteClient<Quote, CreateQuoteRequest, UpdateQuoteRequest, UpdatedQuote> =>
      ResourceClient.softDelete("quotes", endpoints, { create: CreateQuoteRequest, update: UpdateQuoteRequest })
  )
}) {}
