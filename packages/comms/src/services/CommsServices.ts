/**
 * Every comms service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Layer from "effect/Layer"
import { MailTemplatesService } from "./MailTemplatesService.js"
import { MandrillTemplatesService } from "./MandrillTemplatesService.js"
import { SubscribersService } from "./SubscribersService.js"

/**
 * Every service of the comms domain, as `CommsServicesLive` provides them.
 *
 * @since 0.1.0
 */
export type CommsServices = SubscribersService | MailTemplatesService | MandrillTemplatesService

/**
 * Every comms service's `Default` layer, on whatever `CrmTransport` is provided.
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
export const CommsServicesLive: Layer.Layer<CommsServices, never, CrmTransport> = Layer.mergeAll(
  SubscribersService.Default,
  MailTemplatesService.Default,
  MandrillTemplatesService.Default
)
