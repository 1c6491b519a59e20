/**
 * Subscriber: the example resource the domain generator wrote. Replace its attributes with the ones
 * the reference documents for the real resource, and note each assumption on its field.
 *
 * @since 0.1.0
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import type { Pagination } from "@blocks-crm/core-http"
import * as Schema from "effect/Schema"

/**
 * A subscriber as the API returns it. The encoded side is the snake_case wire, the type side the
 * camelCase model; optional attributes are absent when the API leaves them out or sends `null`.
 *
 * @since 0.1.0
 */
export const Subscriber = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Schema.String,
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "Subscriber" })
/** @since 0.1.0 */
export interface Subscriber extends Schema.Schema.Type<typeof Subscriber> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back. Nothing
 * absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedSubscriber = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Fields.optional(Schema.String),
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "UpdatedSubscriber" })
/** @since 0.1.0 */
export interface UpdatedSubscriber extends Schema.Schema.Type<typeof UpdatedSubscriber> {}

/** The JSON:API resource `{ id, type: "subscriber", attributes }`. @since 0.1.0 */
export const SubscriberResource = JsonApi.resource("subscriber", Subscriber, { id: (subscriber) => subscriber.uniqueId })
/** @since 0.1.0 */
export const UpdatedSubscriberResource = JsonApi.resource("subscriber", UpdatedSubscriber, {
  id: (subscriber) => subscriber.uniqueId
})

/**
 * `POST /subscribers/` body (sent as `{ "subscriber": {...} }`), validated before it is sent.
 *
 * @since 0.1.0
 */
export const CreateSubscriberRequest = Schema.Struct({
  name: Fields.NonBlankString,
  ownerEmail: Fields.optionalInput(Fields.EmailAddress).pipe(Schema.fromKey("owner_email")),
  notes: Fields.optionalInput(Schema.String)
}).annotations({ identifier: "CreateSubscriberRequest" })
/** @since 0.1.0 */
export interface CreateSubscriberRequest extends Schema.Schema.Type<typeof CreateSubscriberRequest> {}

/**
 * `PUT /subscribers/:unique_id/` body: any of the attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateSubscriberRequest = Schema.Struct({
  ...CreateSubscriberRequest.fields,
  name: Fields.optionalInput(Fields.NonBlankString)
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateSubscriberRequest" })
/** @since 0.1.0 */
export interface UpdateSubscriberRequest extends Schema.Schema.Type<typeof UpdateSubscriberRequest> {}

/**
 * `page` (from 1) and `records` (page size).
 *
 * @since 0.1.0
 */
export type ListSubscribersParams = Pagination.PageParams
