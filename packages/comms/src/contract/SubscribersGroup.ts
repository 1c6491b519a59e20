/**
 * The subscribers endpoints, declared once: the client is derived from this, the emulator implements
 * it, and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  CreateSubscriberRequest,
  SubscriberListUrlParams,
  SubscriberResource,
  UnsubscribeRequest,
  UnsubscribeResult,
  UpdateSubscriberRequest,
  UpdatedSubscriberResource
} from "../models/Subscriber.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/**
 * The success body of `GET /subscribers/`: one page of subscribers and the listing's totals.
 *
 * @since 0.1.0
 */
export const SubscriberList = JsonApi.listDocument(SubscriberResource)
/**
 * The success body of `GET /subscribers/:unique_id` and `POST /subscribers/`: one subscriber.
 *
 * @since 0.1.0
 */
export const SubscriberDocument = JsonApi.document(SubscriberResource)

/**
 * `GET /subscribers/`, `GET /subscribers/:unique_id`, `POST /subscribers/`,
 * `PUT /subscribers/:unique_id/`, `DELETE /subscribers/:unique_id/` and
 * `POST /communications/unsubscribe` (paths as the reference writes them, trailing slashes included).
 *
 * @since 0.1.0
 */
export class SubscribersGroup extends HttpApiGroup.make("subscribers")
  .add(
    HttpApiEndpoint.get("list", "/subscribers/")
      .setUrlParams(SubscriberListUrlParams)
      .addSuccess(SubscriberList)
      .annotate(OpenApi.Summary, "List subscribers a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/subscribers/${uniqueId}`
      .addSuccess(SubscriberDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/subscribers/")
      .setPayload(JsonApi.wrapped("subscriber", CreateSubscriberRequest))
      .addSuccess(SubscriberDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Add a subscriber; an address that unsubscribed stays unsubscribed")
  )
  .add(
    HttpApiEndpoint.put("update")`/subscribers/${uniqueId}/`
      .setPayload(JsonApi.wrapped("subscriber", UpdateSubscriberRequest))
      .addSuccess(JsonApi.document(UpdatedSubscriberResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/subscribers/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("unsubscribe", "/communications/unsubscribe")
      .setPayload(UnsubscribeRequest)
      .addSuccess(UnsubscribeResult)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(
        OpenApi.Summary,
        "Unsubscribe an address; the same answer whether or not it is a subscriber, and it stays unsubscribed"
      )
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Subscribers and unsubscribes")
{}
