/**
 * Quotes: priced offers sent to an account, moving from draft to accepted or rejected.
 *
 * Assumption: the reference (crm-block.md, "Quotes") documents only the endpoints and the statuses
 * `draft`, `sent`, `accepted`, `rejected`; it shows no attributes, no example body and no resource
 * type. The attributes below follow the leads and opportunities models (snake_case wire keys, ids of
 * linked records as `*_id` plus JSON:API relationships, decimals as numbers or strings, calendar dates
 * as `YYYY-MM-DD`): `unique_id`, `title` (required), `account_id`, `opportunity_id`, `contact_id`,
 * `amount`, `currency` (ISO 4217 code), `status` (required), `valid_until` (calendar date), `notes`,
 * `created_at` (required), `updated_at`. The resource type is assumed to be `quote` and the request body
 * key `quote`. Soft delete (`/quotes/trash/show`, `PUT /quotes/:unique_id/recover`, `?search=`) is
 * assumed to work as it does for leads. Check these against the live API before relying on them.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import * as Struct from "effect/Struct"

/**
 * Where a quote is in its approval workflow: `draft`, `sent`, `accepted` or `rejected` (crm-block.md).
 *
 * @since 0.1.0
 */
export const QuoteStatus = Schema.Literal("draft", "sent", "accepted", "rejected")
/**
 * A quote's status: one of the values this SDK knows, as requests take them (a response may carry others,
 * kept as sent: `Fields.Open<QuoteStatus>`).
 *
 * @since 0.1.0
 */
export type QuoteStatus = typeof QuoteStatus.Type

/**
 * The approval workflow, said once (the emulator enforces it, the `crm` CLI explains a refusal with it):
 * for each status, the statuses a quote in it may move to. `draft → sent → accepted | rejected`, and
 * `sent → draft` for a revision: a customer who asks for changes to a sent quote gets the same quote
 * (its id, account and opportunity links) edited and sent again, instead of a rejected quote and a new
 * one, and `sent` keeps meaning "the customer has this version". `accepted` and `rejected` are final.
 * Staying in the same status is not a transition and is always allowed. Creating a quote is not a
 * transition either: a quote may be recorded in any status (one accepted on paper, say).
 *
 * @since 0.2.0
 */
export const QuoteStatusTransitions: { readonly [Status in QuoteStatus]: ReadonlyArray<QuoteStatus> } = {
  draft: ["sent"],
  sent: ["accepted", "rejected", "draft"],
  accepted: [],
  rejected: []
}

/**
 * The statuses a quote in `status` may move to (`[]` for a final status, and for a status this SDK does
 * not know, which a newer API may send).
 *
 * @since 0.2.0
 */
export const nextQuoteStatuses = (status: string): ReadonlyArray<QuoteStatus> =>
  Object.hasOwn(QuoteStatusTransitions, status) ? QuoteStatusTransitions[status as QuoteStatus] : []

/**
 * Whether a quote in `from` may be set to `to`: a transition of the graph, or no change at all.
 *
 * @since 0.2.0
 */
export const canChangeQuoteStatus = (from: string, to: string): boolean =>
  from === to || nextQuoteStatuses(from).some((status) => status === to)

/**
 * What a person reads about the moves a quote in `status` has: `a draft quote can move to sent`, or
 * `an accepted quote is final`.
 *
 * @since 0.2.0
 */
export const describeQuoteStatusMoves = (status: string): string => {
  const next = nextQuoteStatuses(status)
  const quote = `${/^[aeiou]/i.test(status) ? "an" : "a"} ${status} quote`
  return next.length === 0 ? `${quote} is final` : `${quote} can move to ${next.join(", ")}`
}

/** The attributes of a quote as the API may send them: all optional but the id, as after an update. */
const quoteAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The record's id" }),
  title: Fields.optional(Schema.String).annotations({ description: "The quote's title" }),
  accountId: Fields.optionalRenamed(Schema.String, "account_id").annotations({ description: "The associated account" }),
  opportunityId: Fields.optionalRenamed(Schema.String, "opportunity_id").annotations({
    description: "The associated opportunity"
  }),
  contactId: Fields.optionalRenamed(Schema.String, "contact_id").annotations({ description: "The associated contact" }),
  amount: Fields.optional(Fields.Decimal).annotations({ description: "Quoted amount" }),
  currency: Fields.optional(Schema.String).annotations({ description: "ISO 4217 currency code (USD, EUR)" }),
  status: Fields.optional(Fields.openEnum(QuoteStatus)).annotations({ description: "Approval status" }),
  validUntil: Fields.optionalRenamed(Fields.CalendarDate, "valid_until").annotations({
    description: "Last day the quote holds"
  }),
  notes: Fields.optional(Schema.String).annotations({ description: "Free-text notes" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({
    description: "When the record was created"
  }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}

/**
 * A quote as the API returns it (assumed attributes: see the module's doc). `validUntil` is a calendar
 * date (`2026-06-30`), kept as the string. Optional attributes are absent when the API leaves them out
 * or sends `null`; required ones missing fail decoding with their path.
 *
 * @since 0.1.0
 */
export const Quote = Schema.Struct({
  ...quoteAttributes,
  // Required on the full record.
  title: Schema.propertySignature(Schema.String).annotations({ description: "The quote's title" }),
  status: Schema.propertySignature(Fields.openEnum(QuoteStatus)).annotations({ description: "Approval status" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the record was created" })
}).annotations({
  identifier: "Quote",
  // What a table of them shows, in order (the `crm` CLI's listings).
  [Contract.TableColumns]: ["uniqueId", "title", "status", "amount", "currency", "validUntil", "opportunityId"]
})
/**
 * A quote as the client sees it: camelCase attributes decoded from the wire (assumed attributes).
 *
 * @since 0.1.0
 */
export interface Quote extends Schema.Schema.Type<typeof Quote> {}

/**
 * What the API echoes after an update: the quote's id and the attributes it chose to send back
 * (assumed to behave like leads, which echo only the changed ones). Nothing absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedQuote = Schema.Struct(quoteAttributes).annotations({ identifier: "UpdatedQuote" })
/**
 * What `QuotesService.update` returns: the quote's id plus the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedQuote extends Schema.Schema.Type<typeof UpdatedQuote> {}

const quoteLinks = (
  quote: { readonly accountId?: string; readonly opportunityId?: string; readonly contactId?: string }
) => ({
  account: quote.accountId === undefined ? null : { id: quote.accountId, type: "account" },
  opportunity: quote.opportunityId === undefined ? null : { id: quote.opportunityId, type: "opportunity" },
  contact: quote.contactId === undefined ? null : { id: quote.contactId, type: "contact" }
})

/**
 * The JSON:API resource `{ id, type: "quote", attributes, relationships }` (type assumed), decoding to
 * a `Quote`; `account`, `opportunity` and `contact` relationships are written from their ids.
 *
 * @since 0.1.0
 */
export const QuoteResource = JsonApi.resource("quote", Quote, {
  id: (quote) => quote.uniqueId,
  relationships: quoteLinks
})
/**
 * The resource in an update's answer (type `quote`), decoding to an `UpdatedQuote`.
 *
 * @since 0.1.0
 */
export const UpdatedQuoteResource = JsonApi.resource("quote", UpdatedQuote, { id: (quote) => quote.uniqueId })

/**
 * `POST /quotes/` body (sent as `{ "quote": {...} }`). `title` is required; `status` may be left to the
 * API (presumably `draft`).
 *
 * @since 0.1.0
 */
export const CreateQuoteRequest = Schema.Struct({
  title: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "The quote's title" }),
  accountId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("account_id")).annotations({
    description: "The associated account"
  }),
  opportunityId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("opportunity_id")).annotations({
    description: "The associated opportunity"
  }),
  contactId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("contact_id")).annotations({
    description: "The associated contact"
  }),
  amount: Fields.optionalInput(Fields.NonNegativeAmount).annotations({ description: "Quoted amount" }),
  currency: Fields.optionalInput(Fields.CurrencyCode).annotations({ description: "ISO 4217 currency code (USD, EUR)" }),
  status: Fields.optionalInput(QuoteStatus).annotations({ description: "Approval status" }),
  validUntil: Fields.optionalInput(Fields.CalendarDate).pipe(Schema.fromKey("valid_until")).annotations({
    description: "Last day the quote holds"
  }),
  notes: Fields.optionalInput(Schema.String).annotations({ description: "Free-text notes" })
}).annotations({ identifier: "CreateQuoteRequest" })
/**
 * The attributes of a new quote, as `QuotesService.create` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface CreateQuoteRequest extends Schema.Schema.Type<typeof CreateQuoteRequest> {}

/**
 * `POST /accounts/:unique_id/quotes` body (sent as `{ "quote": {...} }`): a quote's attributes without
 * `accountId`, which the path names. Assumed to use the same wrapper as `POST /quotes/`.
 *
 * @since 0.2.0
 */
export const CreateAccountQuoteRequest = Schema.Struct(Struct.omit(CreateQuoteRequest.fields, "accountId"))
  .annotations({ identifier: "CreateAccountQuoteRequest" })
/**
 * The attributes of a quote added to an account, as `QuotesService.createForAccount` takes them.
 *
 * @since 0.2.0
 */
export interface CreateAccountQuoteRequest extends Schema.Schema.Type<typeof CreateAccountQuoteRequest> {}

/**
 * `PUT /quotes/:unique_id/` body: any of the quote's attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateQuoteRequest = Schema.Struct({
  ...CreateQuoteRequest.fields,
  title: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "The quote's title" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateQuoteRequest" })
/**
 * The attributes to change on a quote, as `QuotesService.update` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface UpdateQuoteRequest extends Schema.Schema.Type<typeof UpdateQuoteRequest> {}

/**
 * `GET /quotes/`'s URL parameters: a page, `search`, `status`, `sort` and the account and contact
 * filters (the official SDK's `account_unique_id` and `contact_unique_id`, sent as the reference's
 * `account_id` and `contact_id`). Its `owner_unique_id` filter is left out: the reference's quote has
 * no owner.
 *
 * @since 0.3.0
 */
export const QuoteListUrlParams = Pagination.listUrlParams(Quote, {
  search: true,
  status: QuoteStatus,
  sort: ["title", "amount", "validUntil", "createdAt", "updatedAt"],
  filters: {
    accountId: Fields.ResourceId.annotations({ description: "Only the quotes of this account" }),
    contactId: Fields.ResourceId.annotations({ description: "Only the quotes of this contact" })
  }
})

/**
 * What `QuotesService.list` takes: `page` (from 1), `records` (page size, default 15 on the API),
 * `status`, `sort`, `accountId` and `contactId`.
 *
 * @since 0.1.0
 */
export type ListQuotesParams = Pagination.ListParamsOf<typeof QuoteListUrlParams>
