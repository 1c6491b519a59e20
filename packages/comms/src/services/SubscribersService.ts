/**
 * Subscribers: list, stream, get, create, update, delete, and unsubscribe an address.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { SubscribersGroup } from "../contract/SubscribersGroup.js"
import type {
  ListSubscribersParams,
  CreateSubscriberRequest,
  Subscriber,
  UnsubscribeResult,
  UpdatedSubscriber,
  UpdateSubscriberRequest
} from "../models/Subscriber.js"

/**
 * The CRUD methods of subscribers, plus `unsubscribe`.
 *
 * @since 0.1.0
 */
export interface Subscribers extends
  ResourceClient.CrudClient<
    Subscriber,
    CreateSubscriberRequest,
    UpdateSubscriberRequest,
    UpdatedSubscriber,
    ListSubscribersParams
  >
{
  /**
   * Unsubscribes an address (`POST /communications/unsubscribe`). The answer is the same whether or
   * not the address is a subscriber; it stays unsubscribed, even when added again, until an update
   * sets `subscriptionStatus: "subscribed"`.
   */
  readonly unsubscribe: (email: string) => Effect.Effect<UnsubscribeResult, CrmError>
}

/**
 * The CRM's subscribers as an Effect service (`Subscribers`). Inputs are validated before anything
 * is sent; the client is derived from the group alone, so this entry point bundles no other resource.
 *
 * @example
 * ```ts
 * import { SubscribersService } from "@blocks-crm/comms"
 * import { Effect } from "effect"
 *
 * const optOut = Effect.gen(function*() {
 *   const subscribers = yield* SubscribersService
 *   const ana = yield* subscribers.create({ email: "ana@example.com", firstName: "Ana", tags: ["newsletter"] })
 *   yield* subscribers.unsubscribe("ana@example.com")
 *   return yield* subscribers.get(ana.uniqueId) // subscriptionStatus: "unsubscribed"
 * })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class SubscribersService extends Effect.Service<SubscribersService>()("@blocks-crm/comms/SubscribersService", {
  effect: Effect.map(ApiClient.group(SubscribersGroup), (endpoints): Subscribers => ({
    ...ResourceClient.crud("subscribers", endpoints),
    unsubscribe: (email) => endpoints.unsubscribe({ payload: { email } })
  }))
}) {}
