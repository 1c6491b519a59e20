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
