/**
 * A domain the emulator serves: its contract and the handlers that implement it. The built-in
 * domains and a team's own domain package plug in the same way, without editing the emulator:
 *
 *   const myDomain = EmulatorDomain.make("my-domain", MyApi, MyHandlersLive)
 *   Emulator.layer({ domains: [...Emulator.builtInDomains, myDomain] })
 */
import type * as HttpApi from "@effect/platform/HttpApi"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as Layer from "effect/Layer"

export interface EmulatorDomain {
  readonly name: string
  readonly api: HttpApi.HttpApi.Any
  readonly routes: Layer.Layer<never, never, any>
}

/**
 * A domain from its contract and a layer of handlers for every group (`HttpApiBuilder.group(...)`).
 * The handlers may use the emulator's services (`RecordStore`, `Credentials`) and the auth middlewares.
 */
export const make = <Id extends string, Groups extends HttpApiGroup.HttpApiGroup.Any, E, R, RH>(
  name: string,
  api: HttpApi.HttpApi<Id, Groups, E, R>,
  handlers: Layer.Layer<HttpApiGroup.HttpApiGroup.ToService<Id, Groups>, never, RH>
): EmulatorDomain => ({
  name,
  api: api as unknown as HttpApi.HttpApi.Any,
  routes: HttpLayerRouter.addHttpApi(api).pipe(Layer.provide(handlers))
})
