/**
 * Every comms service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type * as Layer from "effect/Layer"
import { comms } from "../domain.js"

/**
 * Every service of the comms domain, as `CommsServicesLive` provides them.
 *
 * @since 0.1.0
 */
export type CommsServices = CrmDomain.ServicesOf<typeof comms>

/**
 * Every comms service's `Default` layer, on whatever `CrmTransport` is provided: the services the
 * descriptor lists (`CrmDomain.layer`), so the list is said once.
 *
 * @example
 * ```ts
 * import { CrmTransport } from "@blocks-crm/core-http"
 * import { CommsServicesLive, SubscribersService } from "@blocks-crm/comms"
 * import { Effect, Layer } from "effect"
 *
 * const comms = CommsServicesLive.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))
 * const optOut = Effect.flatMap(SubscribersService, (subscribers) => subscribers.unsubscribe("ana@example.com"))
 * Effect.runPromise(Effect.provide(optOut, comms)).then((result) => console.log(result.unsubscribedAt))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const CommsServicesLive: Layer.Layer<CommsServices, never, CrmTransport> = CrmDomain.layer(comms)
