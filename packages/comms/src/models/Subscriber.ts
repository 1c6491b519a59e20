/**
 * Subscribers: the people on the CRM's mailing lists, and whether they still want its e-mails.
 *
 * The reference (crm-block.md, "Subscribers") lists the endpoints only: CRUD on `/subscribers/` and
 * `POST /communications/unsubscribe`. The attributes come from the official SDK (official-fields.md,
 * "Subscribers" and "Communications / unsubscribe"); the subscription state and the time it changed
 * are this package's assumption, each said on its field.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import { Email } from "./Email.js"

/**
 * A subscriber's record status, the official SDK's status set (it reads any other value as `active`;
 * here another value is a decode error).
 *
 * @since 0.1.0
 */
export const SubscriberStatus = Schema.Literal("active", "inactive", "pending", "archived", "deleted")
/**
 * A subscriber's record status: one of the values this SDK knows, as requests take them (a response may
 * carry others, kept as sent: `Fields.Open<SubscriberStatus>`).
 *
 * @since 0.1.0
 */
export type SubscriberStatus = typeof SubscriberStatus.Type

/**
 * Whether the address still receives the CRM's e-mails.
 *
 * @since 0.1.0
 */
export const SubscriptionStatus = Schema.Literal("subscribed", "unsubscribed")
/**
 * A subscriber's subscription state: one of the values this SDK knows, as requests take them (a response
 * may carry others, kept as sent: `Fields.Open<SubscriptionStatus>`).
 *
 * @since 0.1.0
 */
export type SubscriptionStatus = typeof SubscriptionStatus.Type

/** Every attribute of a subscriber as the API may send it: all optional but the id, as after an update. */
const subscriberAttributes = {
  // Assumed from the official SDK (crm-block.md names no attribute): unique_id down to enabled, tags, payload.
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The subscriber's id" }),
  email: Fields.optional(Schema.String).annotations({ description: "The address e-mails go to" }),
  firstName: Fields.optionalRenamed(Schema.String, "first_name").annotations({ description: "First name" }),
  lastName: Fields.optionalRenamed(Schema.String, "last_name").annotations({ description: "Last name" }),
  // The official SDK's mapper reads `phone` (its 5.0.6 request sends `phone_number`; 3.1 sent `phone`).
  phone: Fields.optional(Schema.String).annotations({ description: "Phone number" }),
  source: Fields.optional(Schema.String).annotations({ description: "Where the subscriber came from" }),
  sourceId: Fields.optionalRenamed(Schema.String, "source_id").annotations({
    description: "The subscriber's id in that source"
  }),
  tags: Fields.optional(Schema.Array(Schema.String)).annotations({ description: "Lists or labels" }),
  payload: Fields.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })).annotations({
    description: "Free-form data"
  }),
  status: Fields.optional(Fields.openEnum(SubscriberStatus)).annotations({ description: "Record status" }),
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  // Assumed (the reference names the feature, not the attribute; the official SDK has none).
  subscriptionStatus: Fields.optionalRenamed(Fields.openEnum(SubscriptionStatus), "subscription_status").annotations({
    description: "subscribed or unsubscribed"
  }),
  // Assumed, like subscription_status: when the subscription state last changed.
  subscriptionChangedAt: Fields.optionalRenamed(Fields.Timestamp, "subscription_changed_at").annotations({
    description: "When the subscription state last changed"
  }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({
    description: "When the record was created"
  }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}

/**
 * A subscriber as the API returns it. Optional attributes are absent when the API leaves them out or
 * sends `null`; required ones missing fail decoding with their path.
 *
 * @since 0.1.0
 */
export const Subscriber = Schema.Struct({
  ...subscriberAttributes,
  // Required on the full record (the official SDK types them required).
  email: Schema.propertySignature(Schema.String).annotations({ description: "The address e-mails go to" }),
  status: Schema.propertySignature(Fields.openEnum(SubscriberStatus)).annotations({ description: "Record status" }),
  enabled: Schema.propertySignature(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the record was created" })
}).annotations({
  identifier: "Subscriber",
  // What a table of them shows, in order (the `crm` CLI's listings).
  [Contract.TableColumns]: ["uniqueId", "email", "firstName", "lastName", "subscriptionStatus", "source", "createdAt"]
})
/**
 * A subscriber as the client sees it: camelCase attributes decoded from the wire.
 *
 * @since 0.1.0
 */
export interface Subscriber extends Schema.Schema.Type<typeof Subscriber> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back. Nothing absent
 * is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedSubscriber = Schema.Struct(subscriberAttributes).annotations({ identifier: "UpdatedSubscriber" })
/**
 * What `SubscribersService.update` returns: the subscriber's id plus the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedSubscriber extends Schema.Schema.Type<typeof UpdatedSubscriber> {}

/**
 * The JSON:API resource `{ id, type: "subscriber", attributes }` (the official SDK's label).
 *
 * @since 0.1.0
 */
export const SubscriberResource = JsonApi.resource("subscriber", Subscriber, {
  id: (subscriber) => subscriber.uniqueId
})
/**
 * The resource in an update's answer (type `subscriber`), decoding to an `UpdatedSubscriber`.
 *
 * @since 0.1.0
 */
export const UpdatedSubscriberResource = JsonApi.resource("subscriber", UpdatedSubscriber, {
  id: (subscriber) => subscriber.uniqueId
})

const subscriberInput = {
  email: Schema.propertySignature(Email).annotations({ description: "The address e-mails go to" }),
  firstName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("first_name")).annotations({
    description: "First name"
  }),
  lastName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("last_name")).annotations({
    description: "Last name"
  }),
  // Sent as `phone`, the name the API answers with (see the model's field).
  phone: Fields.optionalInput(Schema.String).annotations({ description: "Phone number" }),
  source: Fields.optionalInput(Schema.String).annotations({ description: "Where the subscriber came from" }),
  sourceId: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("source_id")).annotations({
    description: "The subscriber's id in that source"
  }),
  tags: Fields.optionalInput(Schema.Array(Schema.String)).annotations({ description: "Lists or labels" })
}

/**
 * `POST /subscribers/` body (sent as `{ "subscriber": {...} }`). `email` is required; an address that
 * unsubscribed before stays unsubscribed.
 *
 * @since 0.1.0
 */
export const CreateSubscriberRequest = Schema.Struct(subscriberInput).annotations({
  identifier: "CreateSubscriberRequest"
})
/**
 * The attributes of a new subscriber, as `SubscribersService.create` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface CreateSubscriberRequest extends Schema.Schema.Type<typeof CreateSubscriberRequest> {}

/**
 * `PUT /subscribers/:unique_id/` body: any of the attributes, at least one. `subscriptionStatus:
 * "subscribed"` is how an address that unsubscribed explicitly subscribes again.
 *
 * @since 0.1.0
 */
export const UpdateSubscriberRequest = Schema.Struct({
  ...subscriberInput,
  email: Fields.optionalInput(Email).annotations({ description: "The address e-mails go to" }),
  enabled: Fields.optionalInput(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  subscriptionStatus: Fields.optionalInput(SubscriptionStatus).pipe(Schema.fromKey("subscription_status"))
    .annotations({ description: "subscribed (an explicit re-subscribe) or unsubscribed" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateSubscriberRequest" })
/**
 * The attributes to change on a subscriber, as `SubscribersService.update` takes them.
 *
 * @since 0.1.0
 */
export interface UpdateSubscriberRequest extends Schema.Schema.Type<typeof UpdateSubscriberRequest> {}

/**
 * `POST /communications/unsubscribe` body: flat `{ "email": ... }`, no wrapper (official SDK 5.0.6).
 *
 * @since 0.1.0
 */
export const UnsubscribeRequest = Schema.Struct({
  email: Schema.propertySignature(Email).annotations({ description: "The address to unsubscribe" })
}).annotations({ identifier: "UnsubscribeRequest" })
/**
 * What `SubscribersService.unsubscribe` sends.
 *
 * @since 0.1.0
 */
export interface UnsubscribeRequest extends Schema.Schema.Type<typeof UnsubscribeRequest> {}

/**
 * The answer to an unsubscribe, read from the top level of the body, not as JSON:API (official SDK
 * 5.0.6). It is the same whether or not the address was a subscriber.
 *
 * @since 0.1.0
 */
export const UnsubscribeResult = Schema.Struct({
  // The official SDK reads an absent `success` as true; here it stays absent.
  success: Fields.optional(Schema.Boolean).annotations({ description: "Whether the request was taken" }),
  email: Schema.propertySignature(Schema.String).annotations({ description: "The address unsubscribed" }),
  // The official SDK reads an absent `unsubscribed_at` as now; here it stays absent.
  unsubscribedAt: Fields.optionalRenamed(Fields.Timestamp, "unsubscribed_at").annotations({
    description: "Since when the address is unsubscribed"
  })
}).annotations({ identifier: "UnsubscribeResult" })
/**
 * The answer to an unsubscribe, as the client sees it.
 *
 * @since 0.1.0
 */
export interface UnsubscribeResult extends Schema.Schema.Type<typeof UnsubscribeResult> {}

/**
 * `GET /subscribers/`'s URL parameters: a page, `status`, `sort` and the official SDK's `source` filter.
 *
 * @since 0.3.0
 */
export const SubscriberListUrlParams = Pagination.listUrlParams(Subscriber, {
  status: SubscriberStatus,
  sort: ["email", "firstName", "lastName", "createdAt", "updatedAt"],
  filters: { source: Schema.String.annotations({ description: "Only subscribers from this source" }) }
})

/**
 * What `SubscribersService.list` takes: `page` (from 1), `records` (page size), `status`, `sort` and
 * `source`.
 *
 * @since 0.1.0
 */
export type ListSubscribersParams = Pagination.ListParamsOf<typeof SubscriberListUrlParams>
