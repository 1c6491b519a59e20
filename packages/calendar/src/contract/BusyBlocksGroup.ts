/**
 * A user's busy blocks.
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
  BusyBlockInput,
  BusyBlockListUrlParams,
  BusyBlockResource,
  CreateBusyBlockRequest
} from "../models/BusyBlock.js"

const userId = HttpApiSchema.param("userId", Fields.ResourceId)
const blockId = HttpApiSchema.param("blockId", Fields.ResourceId)

/**
 * `GET|POST /users/:user_unique_id/busy_blocks`, `DELETE /users/:user_unique_id/busy_blocks/:id`. The
 * body is checked attribute by attribute here; the rules between attributes (start before end, a rule
 * when recurring) by the service before sending and by the API (422 on the attribute).
 *
 * @since 0.1.0
 */
export class BusyBlocksGroup extends HttpApiGroup.make("busyBlocks")
  .add(
    HttpApiEndpoint.get("list")`/users/${userId}/busy_blocks`
      .setUrlParams(BusyBlockListUrlParams)
      .addSuccess(JsonApi.collection(BusyBlockResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "A user's busy blocks")
  )
  .add(
    HttpApiEndpoint.post("create")`/users/${userId}/busy_blocks`
      // The client checks the rules across attributes too; the server reports them under the wire's names.
      .setPayload(JsonApi.wrapped("busy_block", BusyBlockInput, { model: CreateBusyBlockRequest }))
      .addSuccess(JsonApi.document(BusyBlockResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Block time, once or by an RFC 5545 recurrence rule")
  )
  .add(
    HttpApiEndpoint.del("delete")`/users/${userId}/busy_blocks/${blockId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Delete a busy block")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Busy blocks of a user")
  .annotate(Contract.CliGroup, { path: ["busy-blocks"], noun: "busy block" })
{}
