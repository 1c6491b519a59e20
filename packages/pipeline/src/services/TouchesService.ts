/**
 * Touches: list, stream, get, create, update, delete.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { TouchesGroup } from "../contract/TouchesGroup.js"
import { CreateTouchRequest, UpdateTouchRequest } from "../models/Touch.js"
import type { Touch, UpdatedTouch } from "../models/Touch.js"

/**
 * @since 0.1.0
 * @category services
 */
export class TouchesService extends Effect.Service<TouchesService>()("@blocks-crm/pipeline/TouchesService", {
  effect: Effect.map(
    ApiClient.group(TouchesGroup),
    (endpoints): ResourceClient.CrudClient<Touch, CreateTouchRequest, UpdateTouchRequest, UpdatedTouch> =>
      ResourceClient.crud("touches", endpoints, { create: CreateTouchRequest, update: UpdateTouchRequest })
  )
}) {}
