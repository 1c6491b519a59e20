/**
 * A domain the emulator serves: its contract and the handlers that implement it. The built-in
 * domains and a team's own domain package plug in the same way, without editing the emulator:
 *
 *   const widgets = EmulatorDomain.make("widgets", WidgetsApi, WidgetsHandlers)
 *   startEmulator({ domains: [...builtInDomains, widgets] })
 */
import type * as HttpApi from "@effect/platform/HttpApi"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as Layer from "effect/Layer"
import * as DomainRouter from "./internal/DomainRouter.js"

/** A domain as the emulator serves it. */
export interface EmulatorDomain {
  /** The domain's name: its contract's identifier. */
  readonly name: string
  /** The domain's contract: its routes, and its part of `/openapi.json`. */
  readonly api: HttpApi.HttpApi.Any
  /**
   * The contract's routes over the handlers, which the emulator provides with its services. A domain
   * from `make` is built on the first request that reaches it (or at start when fixtures are given); a
   * hand-made `routes` layer makes the emulator build every domain at start.
   */
  readonly routes: Layer.Layer<never, never, any>
}

/**
 * A domain from its name, its contract and a layer of handlers for every group
 * (`HttpApiBuilder.group(...)`); a group without handlers fails the typecheck. The name must be the
 * contract's identifier (`HttpApi.make("widgets")` → `"widgets"`), which is also the name its client
 * descriptor gives it: the typecheck holds them equal. It is said twice because `HttpApi.make` keeps
 * the identifier only in the type (@effect/platform 0.97 does not store it on the value).
 *
 * The handlers may use the emulator's services (`RecordStore`, `Directory`, `Credentials`) and the
 * auth middlewares of `@blocks-crm/core-http`'s `Contract`. They are built, with the contract's routes,
 * on the first request to one of the contract's endpoints, once per emulator; an emulator given
 * fixtures builds them at start, since fixtures are loaded into the collections the handlers open.
 */
export const make = <Id extends string, Groups extends HttpApiGroup.HttpApiGroup.Any, E, R, RH>(
  name: NoInfer<Id>,
  api: HttpApi.HttpApi<Id, Groups, E, R>,
  handlers: Layer.Layer<HttpApiGroup.HttpApiGroup.ToService<Id, Groups>, never, RH>
): EmulatorDomain => {
  const routes = DomainRouter.addHttpApi(api).pipe(Layer.provide(handlers)) as Layer.Layer<never, never, any>
  // Its routes are the contract's endpoints, so the emulator can build them on the domain's first request.
  const contract = api as unknown as HttpApi.HttpApi.Any
  return {
    name,
    api: contract,
    routes: DomainRouter.describe(routes, { keys: () => DomainRouter.keysOfApi(contract), routes })
  }
}
