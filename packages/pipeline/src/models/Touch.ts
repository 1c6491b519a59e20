/**
 * Touches: logged interactions with a customer (a call, an e-mail, a meeting or a note) with their
 * outcome and when they happened.
 *
 * Assumption: the reference (crm-block.md, "Touches") documents only the plain CRUD endpoints, the
 * types "call, email, meeting, note" and "log outcomes and timestamps"; it shows no attributes, no
 * example body and no resource type. The attributes below follow the leads model (snake_case wire keys,
 * linked records as `*_id` plus JSON:API relationships): `unique_id`, `touch_type` (required), `subject`
 * (required), `notes`, `outcome` (free text), `occurred_at` (required date-time; optional on create, the
 * API presumably defaults it to now), `lead_id`, `contact_id`, `account_id`, `opportunity_id`,
 * `created_at` (required), `updated_at`. The resource type is assumed to be `touch` and the request body
 * key `touch`. Check these against the live API before relying on them.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"

/**
 * The kind of interaction a touch logs: `call`, `email`, `meeting` or `note` (crm-block.md).
 *
 * @since 0.1.0
 */
export const TouchType = Schema.Literal("call", "email", "meeting", "note")
/**
 * A touch's kind: one of the values this SDK knows, as requests take them (a response may carry others,
 * kept as sent: `Fields.Open<TouchType>`).
 *
 * @since 0.1.0
 */
export type TouchType = typeof TouchType.Type

/** The attributes of a touch as the API may send them: all optional but the id, as after an update. */
const touchAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The record's id" }),
  touchType: Fields.optionalRenamed(Fields.openEnum(TouchType), "touch_type").annotations({
    description: "Kind of interaction"
  }),
  subject: Fields.optional(Schema.String).annotations({ description: "What it was about" }),
  notes: Fields.optional(Schema.String).annotations({ description: "Free-text notes" }),
  outcome: Fields.optional(Schema.String).annotations({ description: "How it went" }),
  occurredAt: Fields.optionalRenamed(Fields.Timestamp, "occurred_at").annotations({
    description: "When it happened (the API defaults it to now)"
  }),
  leadId: Fields.optionalRenamed(Schema.String, "lead_id").annotations({ description: "The lead it concerns" }),
  contactId: Fields.optionalRenamed(Schema.String, "contact_id").annotations({
    description: "The contact it concerns"
  }),
  accountId: Fields.optionalRenamed(Schema.String, "account_id").annotations({
    description: "The account it concerns"
  }),
  opportunityId: Fields.optionalRenamed(Schema.String, "opportunity_id").annotations({
    description: "The opportunity it concerns"
  }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({
    description: "When the record was created"
  }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}

/**
 * A touch as the API returns it (assumed attributes: see the module's doc). Optional attributes are
 * absent when the API leaves them out or sends `null`; required ones missing fail decoding with their
 * path.
 *
 * @since 0.1.0
 */
export const Touch = Schema.Struct({
  ...touchAttributes,
  // Required on the full record.
  touchType: Fields.renamed(Fields.openEnum(TouchType), "touch_type").annotations({
    description: "Kind of interaction"
  }),
  subject: Schema.propertySignature(Schema.String).annotations({ description: "What it was about" }),
  occurredAt: Fields.renamed(Fields.Timestamp, "occurred_at").annotations({
    description: "When it happened (the API defaults it to now)"
  }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the record was created" })
}).annotations({
  identifier: "Touch",
  // What a table of them shows, in order (the `crm` CLI's listings).
  [Contract.TableColumns]: ["uniqueId", "touchType", "subject", "outcome", "occurredAt", "leadId"]
})
/**
 * A touch as the client sees it: camelCase attributes decoded from the wire (assumed attributes).
 *
 * @since 0.1.0
 */
export interface Touch extends Schema.Schema.Type<typeof Touch> {}

/**
 * What the API echoes after an update: the touch's id and the attributes it chose to send back
 * (assumed to behave like leads, which echo only the changed ones). Nothing absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedTouch = Schema.Struct(touchAttributes).annotations({ identifier: "UpdatedTouch" })
/**
 * What `TouchesService.update` returns: the touch's id plus the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedTouch extends Schema.Schema.Type<typeof UpdatedTouch> {}

const touchLinks = (touch: {
  readonly leadId?: string
  readonly contactId?: string
  readonly accountId?: string
  readonly opportunityId?: string
}) => ({
  lead: touch.leadId === undefined ? null : { id: touch.leadId, type: "lead" },
  contact: touch.contactId === undefined ? null : { id: touch.contactId, type: "contact" },
  account: touch.accountId === undefined ? null : { id: touch.accountId, type: "account" },
  opportunity: touch.opportunityId === undefined ? null : { id: touch.opportunityId, type: "opportunity" }
})

/**
 * The JSON:API resource `{ id, type: "touch", attributes, relationships }` (type assumed), decoding to
 * a `Touch`; `lead`, `contact`, `account` and `opportunity` relationships are written from their ids.
 *
 * @since 0.1.0
 */
export const TouchResource = JsonApi.resource("touch", Touch, {
  id: (touch) => touch.uniqueId,
  relationships: touchLinks
})
/**
 * The resource in an update's answer (type `touch`), decoding to an `UpdatedTouch`.
 *
 * @since 0.1.0
 */
export const UpdatedTouchResource = JsonApi.resource("touch", UpdatedTouch, { id: (touch) => touch.uniqueId })

/**
 * `POST /touches/` body (sent as `{ "touch": {...} }`). `touchType` and `subject` are required;
 * `occurredAt` may be left to the API.
 *
 * @since 0.1.0
 */
export const CreateTouchRequest = Schema.Struct({
  touchType: Fields.renamed(TouchType, "touch_type").annotations({ description: "Kind of interaction" }),
  subject: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "What it was about" }),
  notes: Fields.optionalInput(Schema.String).annotations({ description: "Free-text notes" }),
  outcome: Fields.optionalInput(Schema.String).annotations({ description: "How it went" }),
  occurredAt: Fields.optionalInput(Fields.Timestamp).pipe(Schema.fromKey("occurred_at")).annotations({
    description: "When it happened (the API defaults it to now)"
  }),
  leadId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("lead_id")).annotations({
    description: "The lead it concerns"
  }),
  contactId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("contact_id")).annotations({
    description: "The contact it concerns"
  }),
  accountId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("account_id")).annotations({
    description: "The account it concerns"
  }),
  opportunityId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("opportunity_id")).annotations({
    description: "The opportunity it concerns"
  })
}).annotations({ identifier: "CreateTouchRequest" })
/**
 * The attributes of a new touch, as `TouchesService.create` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface CreateTouchRequest extends Schema.Schema.Type<typeof CreateTouchRequest> {}

/**
 * `PUT /touches/:unique_id/` body: any of the touch's attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateTouchRequest = Schema.Struct({
  ...CreateTouchRequest.fields,
  touchType: Fields.optionalInput(TouchType).pipe(Schema.fromKey("touch_type")).annotations({
    description: "Kind of interaction"
  }),
  subject: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "What it was about" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateTouchRequest" })
/**
 * The attributes to change on a touch, as `TouchesService.update` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface UpdateTouchRequest extends Schema.Schema.Type<typeof UpdateTouchRequest> {}

/**
 * `GET /touches/`'s URL parameters: a page, `sort` and the official SDK's `touch_type` and contact
 * filters (`contact_unique_id`, sent as the reference's `contact_id`). Its `status`, `user_unique_id`
 * and `channel` are left out: the reference's touch has none of them.
 *
 * @since 0.3.0
 */
export const TouchListUrlParams = Pagination.listUrlParams(Touch, {
  sort: ["subject", "occurredAt", "createdAt", "updatedAt"],
  filters: {
    touchType: TouchType.annotations({ description: "Only touches of this kind" }),
    contactId: Fields.ResourceId.annotations({ description: "Only the touches of this contact" })
  }
})

/**
 * What `TouchesService.list` takes: `page` (from 1), `records` (page size, default 15 on the API),
 * `sort`, `touchType` and `contactId`.
 *
 * @since 0.1.0
 */
export type ListTouchesParams = Pagination.ListParamsOf<typeof TouchListUrlParams>
