/**
 * The quotes endpoints, declared once: the client is derived from this, the emulator implements it,
 * and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  CreateAccountQuoteRequest,
  CreateQuoteRequest,
  QuoteListUrlParams,
  QuoteResource,
  UpdateQuoteRequest,
  UpdatedQuoteResource
} from "../models/Quote.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)
// The account's id is only a path segment here: no domain package imports another.
const accountId = HttpApiSchema.param("accountId", Fields.ResourceId)

/**
 * The success body of `GET /quotes/`, `GET /quotes/trash/show` and `GET /accounts/:unique_id/quotes`: one
 * page of quotes and the listing's totals.
 *
 * @since 0.1.0
 */
export const QuoteList = JsonApi.listDocument(QuoteResource)
/**
 * The success body of `GET /quotes/:unique_id`, `POST /quotes/`, `POST /accounts/:unique_id/quotes` and
 * `PUT /quotes/:unique_id/recover`: one quote.
 *
 * @since 0.1.0
 */
export const QuoteDocument = JsonApi.document(QuoteResource)

/**
 * `GET /quotes/` (with `?search=`), `GET /quotes/trash/show`, `GET /quotes/:unique_id`, `POST /quotes/`,
 * `PUT /quotes/:unique_id/`, `DELETE /quotes/:unique_id/` (soft delete), `PUT /quotes/:unique_id/recover`, and an
 * account's quotes: `GET`/`POST /accounts/:unique_id/quotes`.
 * crm-block.md lists only the CRUD endpoints; trash, recover and search are assumed to work as they do
 * for leads.
 *
 * @since 0.1.0
 */
export class QuotesGroup extends HttpApiGroup.make("quotes")
  .add(
    HttpApiEndpoint.get("list", "/quotes/")
      .setUrlParams(QuoteListUrlParams)
      .addSuccess(QuoteList)
      .annotate(OpenApi.Summary, "List quotes a page at a time; `search` filters by text")
  )
  .add(
    HttpApiEndpoint.get("listDeleted", "/quotes/trash/show")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(QuoteList)
      .annotate(Contract.CliCommand, { name: "deleted" })
  )
  .add(
    HttpApiEndpoint.get("get")`/quotes/${uniqueId}`
      .addSuccess(QuoteDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/quotes/")
      .setPayload(JsonApi.wrapped("quote", CreateQuoteRequest))
      .addSuccess(QuoteDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/quotes/${uniqueId}/`
      .setPayload(JsonApi.wrapped("quote", UpdateQuoteRequest))
      .addSuccess(JsonApi.document(UpdatedQuoteResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/quotes/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("recover")`/quotes/${uniqueId}/recover`
      .addSuccess(QuoteDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.get("listForAccount")`/accounts/${accountId}/quotes`
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(QuoteList)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "List the quotes of an account")
  )
  .add(
    HttpApiEndpoint.post("createForAccount")`/accounts/${accountId}/quotes`
      .setPayload(JsonApi.wrapped("quote", CreateAccountQuoteRequest))
      .addSuccess(QuoteDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Add a quote to an account")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Quotes: draft, sent, accepted, rejected")
{}
