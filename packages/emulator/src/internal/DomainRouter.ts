/**
 * Each domain's routes built on the first request that reaches the domain, instead of at start.
 *
 * Building a domain's routes compiles the request and response schemas of every endpoint it serves
 * (about 145 ms of CPU for the built-in domains' 178 endpoints, the larger part of a first start), and
 * a test run often calls one or two domains. At start the emulator only fills an index of every route's
 * method and path; a request that matches a domain's route builds that domain once (its handlers, its
 * routes) and is then served by the domain's own router, which matches the request exactly as one
 * router of every route would: the index holds every route of every lazily served domain and of the
 * emulator's own routes, so a static path still wins over a parameter across domains.
 *
 * A domain is served lazily when its routes are known without building them: `EmulatorDomain.make`
 * records them from the contract. A domain made by hand (its own `routes` layer) is not, and then
 * every domain is built at start as one router, as before.
 *
 * @internal
 */
import type * as HttpApi from "@effect/platform/HttpApi"
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Runtime from "effect/Runtime"
import * as Scope from "effect/Scope"

/** A route's method (or `*`) and path template, as the router is given them. */
export interface RouteKey {
  readonly method: string
  readonly path: string
}

/** How a domain's routes are served lazily. */
export interface LazyRoutes {
  /** Every route that `routes` adds. */
  readonly keys: () => ReadonlyArray<RouteKey>
  /** The routes, built on the first request that matches one of `keys`. */
  readonly routes: Layer.Layer<never, never, any>
  /** Routes added to the emulator's own router at start, alongside (cheap ones, whose paths are not listed). */
  readonly atStart?: Layer.Layer<never, never, any> | undefined
}

const described = new WeakMap<Layer.Layer<never, never, any>, LazyRoutes>()

/** Records how the domain routes `routes` (a domain's `routes` layer) can be served lazily. */
export const describe = <L extends Layer.Layer<never, never, any>>(routes: L, lazy: LazyRoutes): L => {
  described.set(routes, lazy)
  return routes
}

/** How a domain's `routes` layer can be served lazily, when it was described. */
export const lazyRoutesOf = (routes: Layer.Layer<never, never, any>): LazyRoutes | undefined => described.get(routes)

/** The method and path of every endpoint of a contract. */
export const keysOfApi = (api: HttpApi.HttpApi.Any): ReadonlyArray<RouteKey> => {
  const keys: Array<RouteKey> = []
  const groups = (api as unknown as { readonly groups: Record<string, HttpApiGroup.HttpApiGroup.AnyWithProps> })
    .groups
  for (const group of Object.values(groups)) {
    for (const endpoint of Object.values(group.endpoints) as Array<HttpApiEndpoint.HttpApiEndpoint.AnyWithProps>) {
      keys.push({ method: endpoint.method, path: endpoint.path })
    }
  }
  return keys
}

/** A router as an app; a domain's routes may require and fail with anything its handlers do. */
type App = HttpApp.Default<any, any>

/**
 * The emulator's router: `main` (its own routes, `mainKeys`, and every `atStart` layer), and each
 * domain of `domains` built on its first request, in the scope and with the services of the caller
 * (the server's layer). `buildAll` builds every domain now (fixtures are loaded into the collections
 * the handlers open).
 */
export const make = (
  domains: ReadonlyArray<LazyRoutes>,
  main: App,
  mainKeys: ReadonlyArray<RouteKey>,
  options: { readonly buildAll: boolean }
): Effect.Effect<App, never, Scope.Scope | HttpLayerRouter.RouterConfig> =>
  Effect.gen(function*() {
    const index = HttpLayerRouter.FindMyWay.make<number>(yield* HttpLayerRouter.RouterConfig)
    const add = (key: RouteKey, value: number) => {
      const path = key.path as HttpLayerRouter.PathInput
      if (key.method === "*") index.all(path, value)
      else index.on(key.method, path, value)
    }
    for (const key of mainKeys) add(key, -1)
    domains.forEach((domain, i) => {
      for (const key of domain.keys()) add(key, i)
    })

    // Each domain is built on a fiber of its own, with the server's services and fiber refs (not those of
    // the request that arrives first) and in its scope: a client that goes away mid-build interrupts only
    // its wait, and every request that arrives meanwhile waits for the same build.
    const runtime = yield* Effect.runtime<Scope.Scope>()
    const scope = yield* Effect.scope
    const apps: Array<App | undefined> = domains.map(() => undefined)
    const building: Array<Fiber.RuntimeFiber<App> | undefined> = domains.map(() => undefined)
    const build = (i: number) =>
      HttpLayerRouter.toHttpEffect(domains[i]!.routes).pipe(
        Effect.map((app) => (apps[i] = app as App)),
        Scope.extend(scope),
        // A router of its own: the emulator's memo map holds its own router, built already.
        Effect.provideServiceEffect(Layer.CurrentMemoMap, Layer.makeMemoMap)
      )
    const built = (i: number) =>
      Effect.suspend(() => Fiber.join(building[i] ??= Runtime.runFork(runtime)(build(i), { scope })))
    if (options.buildAll) yield* Effect.forEach(domains, (_, i) => built(i), { discard: true })

    return Effect.withFiberRuntime<HttpServerResponse.HttpServerResponse, any, any>((fiber) => {
      const request = Context.unsafeGet(fiber.currentContext, HttpServerRequest.HttpServerRequest)
      const found = index.find(request.method, request.url) ??
        (request.method === "HEAD" ? index.find("GET", request.url) : undefined)
      if (found === undefined || found.handler < 0) return main
      return apps[found.handler] ?? Effect.flatMap(built(found.handler), (app) => app)
    })
  })
