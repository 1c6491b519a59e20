/**
 * Subscribers: list, stream, get, create, update, delete.
 *
 * @since 0.1.0
 */
import { ApiClient } from "@blocks-crm/core-http"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { SubscribersGroup } from "../contract/SubscribersGroup.js"
import { CreateSubscriberRequest, UpdateSubscriberRequest } from "../models/Subscriber.js"
import type { Subscriber, UpdatedSubscriber } from "../models/Subscriber.js"

/**
 * The client is derived from the group alone, so this entry point bundles no other resource.
 *
 * @since 0.1.0
 * @category services
 */
export class SubscribersService extends Effect.Service<SubscribersService>()("@blocks-crm/comms/SubscribersService", {
  effect: Effect.map(
    ApiClient.group(SubscribersGroup),
    (endpoints): ResourceClient.CrudClient<Subscriber, CreateSubscriberRequest, UpdateSubscriberRequest, UpdatedSubscriber> =>
      ResourceClient.crud("subscribers", endpoints, { create: CreateSubscriberRequest, update: UpdateSubscriberRequest })
  )
}) {}
