/**
 * The Zoom hosts endpoints: CRUD, availability, allocations and the hosts free now.
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
  CreateZoomHostRequest,
  TimeRangeUrlParams,
  UpdateZoomHostRequest,
  UpdatedZoomHostResource,
  ZoomAllocationResource,
  ZoomAvailableUserResource,
  ZoomHostAvailabilityResource,
  ZoomHostListUrlParams,
  ZoomHostResource
} from "../models/ZoomHost.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/** One page of hosts. @since 0.1.0 */
export const ZoomHostList = JsonApi.listDocument(ZoomHostResource)
/** One host. @since 0.1.0 */
export const ZoomHostDocument = JsonApi.document(ZoomHostResource)

/**
 * `GET /zoom_hosts/available_users`, `GET /zoom_hosts/`, `GET /zoom_hosts/:unique_id`, `POST /zoom_hosts/`,
 * `PUT /zoom_hosts/:unique_id`, `DELETE /zoom_hosts/:unique_id`, `GET /zoom_hosts/:unique_id/availability`,
 * `GET /zoom_hosts/:unique_id/allocations` (crm-block.md).
 *
 * @since 0.1.0
 */
export class ZoomHostsGroup extends HttpApiGroup.make("zoomHosts")
  .add(
    HttpApiEndpoint.get("availableUsers", "/zoom_hosts/available_users")
      .setUrlParams(TimeRangeUrlParams)
      .addSuccess(JsonApi.collection(ZoomAvailableUserResource))
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "The hosts free now, or for start_time..end_time")
  )
  .add(
    HttpApiEndpoint.get("list", "/zoom_hosts/")
      .setUrlParams(ZoomHostListUrlParams)
      .addSuccess(ZoomHostList)
      .annotate(OpenApi.Summary, "List Zoom hosts a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/zoom_hosts/${uniqueId}`
      .addSuccess(ZoomHostDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/zoom_hosts/")
      .setPayload(JsonApi.wrapped("zoom_host", CreateZoomHostRequest))
      .addSuccess(ZoomHostDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/zoom_hosts/${uniqueId}`
      .setPayload(JsonApi.wrapped("zoom_host", UpdateZoomHostRequest))
      .addSuccess(JsonApi.document(UpdatedZoomHostResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/zoom_hosts/${uniqueId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Delete a host (422 while meetings are allocated to it)")
  )
  .add(
    HttpApiEndpoint.get("availability")`/zoom_hosts/${uniqueId}/availability`
      .setUrlParams(TimeRangeUrlParams)
      .addSuccess(JsonApi.document(ZoomHostAvailabilityResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Whether the host is free now, or for start_time..end_time")
  )
  .add(
    HttpApiEndpoint.get("allocations")`/zoom_hosts/${uniqueId}/allocations`
      .addSuccess(JsonApi.collection(ZoomAllocationResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "The Zoom meetings allocated to the host, released ones included")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Zoom hosts: capacity, working hours, availability")
  .annotate(Contract.CliGroup, { noun: "Zoom host" })
{}
