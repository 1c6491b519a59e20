/**
 * Touches: list, stream, get, create, update, delete.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { TouchesGroup } from "../contract/TouchesGroup.js"
import type { CreateTouchRequest, ListTouchesParams, Touch, UpdatedTouch, UpdateTouchRequest } from "../models/Touch.js"

/**
 * The CRM's touches (logged calls, e-mails, meetings and notes) as an Effect service (`CrudClient`):
 * pages, a lazy `stream` and CRUD. Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { TouchesService } from "@blocks-crm/pipeline"
 * import { Effect, Stream } from "effect"
 *
 * const logCall = Effect.flatMap(TouchesService, (touches) =>
 *   touches.create({ touchType: "call", subject: "Discovery call", outcome: "Demo booked", leadId: "lead-1" }))
 * const calls = Stream.unwrap(Effect.map(TouchesService, (touches) => touches.stream({ records: 100 }))).pipe(
 *   Stream.filter((touch) => touch.touchType === "call"))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class TouchesService extends Effect.Service<TouchesService>()("@blocks-crm/pipeline/TouchesService", {
  effect: Effect.map(
    ApiClient.group(TouchesGroup),
    (
      endpoints
    ): ResourceClient.CrudClient<Touch, CreateTouchRequest, UpdateTouchRequest, UpdatedTouch, ListTouchesParams> =>
      ResourceClient.crud("touches", endpoints)
  )
}) {}
