/**
 * A domain the emulator serves: its contract and the handlers that implement it. The built-in
 * domains and a team's own domain package plug in the same way, without editing the emulator:
 *
 *   const widgets = EmulatorDomain.make(WidgetsApi, WidgetsHandlers)
 *   startEmulator({ domains: [...builtInDomains, widgets] })
 *
 * The domain's name is its contract's (`HttpApi.make("widgets")`), the name its client descriptor
 * (`CrmDomain.make({ name: "widgets", api: WidgetsApi, ... })`) gives it too.
 */
import type * as HttpApi from "@effect/platform/HttpApi"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as Layer from "effect/Layer"

/** A domain as the emulator serves it. */
export interface EmulatorDomain {
  /** The domain's name: its contract's identifier unless given. */
  readonly name: string
  /** The domain's contract: its routes, and its part of `/openapi.json`. */
  readonly api: HttpApi.HttpApi.Any
  /** The contract's routes over the handlers, which the emulator provides with its services. */
  readonly routes: Layer.Layer<never, never, any>
}

/**
 * A domain from its contract and a layer of handlers for every group (`HttpApiBuilder.group(...)`),
 * named after the contract (`HttpApi.make("widgets")` → `widgets`), or by `name` when given first.
 * A group without handlers fails the typecheck. The handlers may use the emulator's services
 * (`RecordStore`, `Directory`, `Credentials`) and the auth middlewares of `@blocks-crm/core-http`'s
 * `Contract`.
 */
export const make: {
  <Id extends string, Groups extends HttpApiGroup.HttpApiGroup.Any, E, R, RH>(
    api: HttpApi.HttpApi<Id, Groups, E, R>,
    handlers: Layer.Layer<HttpApiGroup.HttpApiGroup.ToService<Id, Groups>, never, RH>
  ): EmulatorDomain
  <Id extends string, Groups extends HttpApiGroup.HttpApiGroup.Any, E, R, RH>(
    name: string,
    api: HttpApi.HttpApi<Id, Groups, E, R>,
    handlers: Layer.Layer<HttpApiGroup.HttpApiGroup.ToService<Id, Groups>, never, RH>
  ): EmulatorDomain
} = (...args: ReadonlyArray<any>): EmulatorDomain => {
  const [name, api, handlers] = typeof args[0] === "string"
    ? [args[0] as string, args[1], args[2]]
    : [(args[0] as { readonly identifier: string }).identifier, args[0], args[1]]
  return {
    name,
    api: api as HttpApi.HttpApi.Any,
    routes: HttpLayerRouter.addHttpApi(api).pipe(Layer.provide(handlers)) as Layer.Layer<never, never, any>
  }
}
