/**
 * The touches endpoints, declared once: the client is derived from this, the emulator implements it,
 * and the OpenAPI document is generated from it.
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
  CreateTouchRequest,
  TouchListUrlParams,
  TouchResource,
  UpdateTouchRequest,
  UpdatedTouchResource
} from "../models/Touch.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/**
 * The success body of `GET /touches/`: one page of touches and the listing's totals.
 *
 * @since 0.1.0
 */
export const TouchList = JsonApi.listDocument(TouchResource)
/**
 * The success body of `GET /touches/:unique_id` and `POST /touches/`: one touch.
 *
 * @since 0.1.0
 */
export const TouchDocument = JsonApi.document(TouchResource)

/**
 * `GET /touches/`, `GET /touches/:unique_id`, `POST /touches/`, `PUT /touches/:unique_id/`,
 * `DELETE /touches/:unique_id/` (crm-block.md lists no trash, recover or search for touches).
 *
 * @since 0.1.0
 */
export class TouchesGroup extends HttpApiGroup.make("touches")
  .add(
    HttpApiEndpoint.get("list", "/touches/")
      .setUrlParams(TouchListUrlParams)
      .addSuccess(TouchList)
      .annotate(OpenApi.Summary, "List touches a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/touches/${uniqueId}`
      .addSuccess(TouchDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/touches/")
      .setPayload(JsonApi.wrapped("touch", CreateTouchRequest))
      .addSuccess(TouchDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/touches/${uniqueId}/`
      .setPayload(JsonApi.wrapped("touch", UpdateTouchRequest))
      .addSuccess(JsonApi.document(UpdatedTouchResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/touches/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Logged calls, e-mails, meetings and notes")
{}
