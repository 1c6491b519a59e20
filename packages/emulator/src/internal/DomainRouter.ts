/**
 * Each domain's routes built on the first request that reaches the domain, instead of at start.
 *
 * Building a domain's routes compiles the request and response schemas of every endpoint it serves
 * (about 145 ms of CPU for the built-in domains' 178 endpoints, the larger part of a first start), and
 * a test run often calls one or two domains. At start the emulator only fills an index of every route's
 * method and path; a request that matches a domain's route builds that domain once (its handlers, its
 * routes, handed to the index by `addHttpApi`), and the index then serves the route itself, matching
 * the request exactly as one router of every route would: it holds every route of every lazily served
 * domain and of the emulator's own routes, so a static path still wins over a parameter across domains.
 * One match per request, and one change of the request's context (the route's parameters and the
 * caller's tenant), where a router per domain matched twice and changed the context three times.
 *
 * A domain is served lazily when its routes are known without building them: `EmulatorDomain.make`
 * records them from the contract. A domain made by hand (its own `routes` layer) is not, and then
 * every domain is built at start as one router, as before.
 *
 * @internal
 */
import type * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import * as Runtime from "effect/Runtime"
import * as Scope from "effect/Scope"
import * as Tracer from "effect/Tracer"

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

/** A route as HttpLayerRouter holds it. */
type Route = HttpLayerRouter.Route<any, any>

/**
 * Where a domain's routes go while `make` builds the domain: `addHttpApi` hands them to it instead of
 * an HttpLayerRouter, and `make` serves them from its own index. Unset (undefined) anywhere else.
 */
export class Collected extends Context.Reference<Collected>()("@blocks-crm/emulator/internal/DomainRouter/Collected", {
  defaultValue: (): ((routes: ReadonlyArray<Route>) => void) | undefined => undefined
}) {}

/**
 * `HttpLayerRouter.addHttpApi` for the emulator's domains: the contract's routes over the handlers of
 * its groups, each failure answered through the contract's errors, handed to `make` while it builds
 * the domain (`Collected`), else added to the HttpLayerRouter. Unlike HttpLayerRouter's, a route does
 * not merge the services of the layer that added it into each request's: the emulator serves its
 * domains from a server that already has every service of the layers they are built in, so that
 * merge (a copy of the context and a change of it for every request) added nothing.
 */
export const addHttpApi = <Id extends string, Groups extends HttpApiGroup.HttpApiGroup.Any, E, R>(
  api: HttpApi.HttpApi<Id, Groups, E, R>
): ReturnType<typeof HttpLayerRouter.addHttpApi<Id, Groups, E, R>> =>
  HttpApiBuilder.Router.unwrap((router) =>
    Layer.effectDiscard(Effect.gen(function*() {
      const answered = yield* HttpApiBuilder.buildMiddleware(api)
      const endpoints = new Set(keysOfApi(api as unknown as HttpApi.HttpApi.Any).map(keyOf))
      const routes: Array<Route> = []
      for (const route of router.routes) {
        if (!endpoints.has(keyOf(route))) continue
        routes.push(HttpLayerRouter.route(
          route.method as "GET",
          route.path as HttpLayerRouter.PathInput,
          answered(route.handler as Effect.Effect<HttpServerResponse.HttpServerResponse, unknown>),
          { uninterruptible: route.uninterruptible }
        ))
      }
      const collect = yield* Collected
      if (collect !== undefined) collect(routes)
      else yield* Effect.flatMap(HttpLayerRouter.HttpRouter, (router) => router.addAll(routes))
    }))
  ) as any

const keyOf = (key: RouteKey) => `${key.method} ${key.path}`

/**
 * `effect` run with `context` as the fiber's context, then `previous` again, as `Effect.locally` would.
 * A request reaches the router in the platform's uninterruptible region (HttpApp.toHandled), so nothing
 * can interrupt it between the two steps that set the context and start `effect`: the interruption
 * mask `Effect.locally` puts around them (about twenty Effect steps) is not needed on every request.
 */
const inContext = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  previous: Context.Context<never>,
  context: Context.Context<never>
): Effect.Effect<A, E, R> =>
  Effect.zipRight(
    FiberRef.set(FiberRef.currentContext, context),
    Effect.matchCauseEffect(effect, {
      onFailure: (cause) => Effect.zipRight(FiberRef.set(FiberRef.currentContext, previous), Effect.failCause(cause)),
      onSuccess: (value) => Effect.as(FiberRef.set(FiberRef.currentContext, previous), value)
    })
  )

/** Where a request goes: a route of a domain (`domain`, built or not yet), or the emulator's own router (-1). */
interface Slot {
  readonly domain: number
  /** The route, once its domain is built and its routes were collected. */
  served: Served | undefined
}

/** A collected route, and its handler as the router runs it: interruptible unless the route says otherwise. */
interface Served {
  readonly route: Route
  readonly handler: Route["handler"]
}

/**
 * The emulator's router: `main` (its own routes, `mainKeys`, and every `atStart` layer), and each
 * domain of `domains` built on its first request, in the scope and with the services of the caller
 * (the server's layer). `buildAll` builds every domain now (fixtures are loaded into the collections
 * the handlers open). A domain's route is served as HttpLayerRouter serves it (its parameters, search
 * parameters and route in the request's context), from this router's own match of the request, with
 * the services `routeServices` adds for the request in the same context.
 */
export const make = (
  domains: ReadonlyArray<LazyRoutes>,
  main: App,
  mainKeys: ReadonlyArray<RouteKey>,
  options: {
    readonly buildAll: boolean
    readonly routeServices: (request: HttpServerRequest.HttpServerRequest, services: Map<string, unknown>) => void
  }
): Effect.Effect<App, never, Scope.Scope | HttpLayerRouter.RouterConfig> =>
  Effect.gen(function*() {
    const index = HttpLayerRouter.FindMyWay.make<Slot>(yield* HttpLayerRouter.RouterConfig)
    const slots = new Map<string, Slot>()
    const add = (key: RouteKey, domain: number) => {
      const path = key.path as HttpLayerRouter.PathInput
      const slot: Slot = { domain, served: undefined }
      slots.set(keyOf(key), slot)
      if (key.method === "*") index.all(path, slot)
      else index.on(key.method, path, slot)
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
    // A domain whose routes were not collected (routes made some other way) is served by its own router.
    const apps: Array<App | undefined> = domains.map(() => undefined)
    const building: Array<Fiber.RuntimeFiber<unknown> | undefined> = domains.map(() => undefined)
    const build = (i: number) => {
      let collected = false
      const collect = (routes: ReadonlyArray<Route>) => {
        collected = true
        for (const route of routes) {
          const slot = slots.get(keyOf(route))
          if (slot === undefined || slot.domain !== i) continue
          slot.served = { route, handler: route.uninterruptible ? route.handler : Effect.interruptible(route.handler) }
        }
      }
      return HttpLayerRouter.toHttpEffect(domains[i]!.routes).pipe(
        Effect.map((app) => {
          if (!collected) apps[i] = app as App
        }),
        Scope.extend(scope),
        // A router of its own: the emulator's memo map holds its own router, built already.
        Effect.provideServiceEffect(Layer.CurrentMemoMap, Layer.makeMemoMap),
        Effect.provideService(Collected, collect)
      )
    }
    const built = (i: number) =>
      Effect.suspend(() => Fiber.join(building[i] ??= Runtime.runFork(runtime)(build(i), { scope })))
    if (options.buildAll) yield* Effect.forEach(domains, (_, i) => built(i), { discard: true })

    const serve = (
      context: Context.Context<never>,
      request: HttpServerRequest.HttpServerRequest,
      { handler, route }: Served,
      found: HttpLayerRouter.FindMyWay.FindResult<Slot>
    ) => {
      const services = new Map(context.unsafeMap)
      services.set(HttpServerRequest.ParsedSearchParams.key, found.searchParams)
      services.set(HttpRouter.RouteContext.key, {
        [HttpRouter.RouteContextTypeId]: HttpRouter.RouteContextTypeId,
        route,
        params: found.params
      })
      options.routeServices(request, services)
      const span = services.get(Tracer.ParentSpan.key) as Tracer.AnySpan | undefined
      if (span !== undefined && span._tag === "Span") span.attribute("http.route", route.path)
      return inContext(handler, context, Context.unsafeMake(services))
    }

    const dispatch: App = Effect.withFiberRuntime<HttpServerResponse.HttpServerResponse, any, any>((fiber) => {
      const context = fiber.currentContext
      const request = Context.unsafeGet(context, HttpServerRequest.HttpServerRequest)
      const found = index.find(request.method, request.url) ??
        (request.method === "HEAD" ? index.find("GET", request.url) : undefined)
      if (found === undefined || found.handler.domain < 0) return main
      const { domain, served } = found.handler
      if (served !== undefined) return serve(context, request, served, found)
      // Not built yet (then matched again, now against its routes), or served by its own router.
      return apps[domain] ?? Effect.flatMap(built(domain), () => apps[domain] ?? dispatch)
    })
    return dispatch
  })
