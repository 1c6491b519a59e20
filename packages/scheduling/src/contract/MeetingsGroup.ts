/**
 * The meetings endpoints, declared once: the client is derived from this, the emulator
 * implements it, and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import { Contract, Fields, JsonApi, Pagination } from "@blocks-crm/core-http"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  MeetingResource,
  CreateMeetingRequest,
  UpdatedMeetingResource,
  UpdateMeetingRequest
} from "../models/Meeting.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/** @since 0.1.0 */
export const MeetingList = JsonApi.listDocument(MeetingResource)
/** @since 0.1.0 */
export const MeetingDocument = JsonApi.document(MeetingResource)

/**
 * `GET /meetings/`, `GET /meetings/:unique_id`, `POST /meetings/`,
 * `PUT /meetings/:unique_id/`, `DELETE /meetings/:unique_id/` (paths as the reference
 * writes them, trailing slashes included).
 *
 * @since 0.1.0
 */
export class MeetingsGroup extends HttpApiGroup.make("meetings")
  .add(
    HttpApiEndpoint.get("list", "/meetings/")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(MeetingList)
      .annotate(OpenApi.Summary, "List meetings a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/meetings/${uniqueId}`
      .addSuccess(MeetingDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/meetings/")
      .setPayload(JsonApi.wrapped("meeting", CreateMeetingRequest))
      .addSuccess(MeetingDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/meetings/${uniqueId}/`
      .setPayload(JsonApi.wrapped("meeting", UpdateMeetingRequest))
      .addSuccess(JsonApi.document(UpdatedMeetingResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/meetings/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
{}
