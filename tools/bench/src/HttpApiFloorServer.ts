/**
 * Child process of the emulator benchmark: the floors under the emulator's throughput, each serving
 * one fixed document at `GET /leads/:id` with tracing off and nothing of the emulator in it (no
 * middleware, authentication, storage or schema work). From the top of the stack down:
 *
 * - `httpapi`: `HttpApi` endpoints mounted the way the emulator mounts its domains (HttpLayerRouter);
 *   the ceiling of any emulator built on HttpApiBuilder's serving path. Besides the GET, a fixed
 *   `POST /leads/` whose JSON body the endpoint decodes with a payload schema (a lead's wire attributes)
 *   and does not store, answering 201 with the fixed document: the POST floor.
 * - `router`: the platform's HttpServer and HttpLayerRouter with a plain route, no HttpApi.
 * - `runtime`: node:http, each request answered by one Effect run on a ManagedRuntime; the cost of a
 *   fiber per request and nothing of @effect/platform.
 *
 * Usage: HttpApiFloorServer.ts <json body> [httpapi|router|runtime]; prints its URL once it listens.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import { createServer } from "node:http"

const body: unknown = JSON.parse(process.argv[2] ?? "{}")
const mode = process.argv[3] ?? "httpapi"

// The wire shape of a new lead as the benchmark posts it: decoded on every request, then dropped.
const CreateLeadPayload = Schema.Struct({
  lead: Schema.Struct({
    name: Schema.String,
    source: Schema.optional(Schema.String),
    value: Schema.optional(Schema.Number),
    stage: Schema.optional(Schema.Literal("new", "contacted", "qualified", "proposal", "negotiation", "won", "lost"))
  })
})

class LeadsGroup extends HttpApiGroup.make("leads")
  .add(
    HttpApiEndpoint.get("get", "/leads/:id").setPath(Schema.Struct({ id: Schema.String })).addSuccess(Schema.Unknown)
  )
  .add(
    HttpApiEndpoint.post("create", "/leads/").setPayload(CreateLeadPayload).addSuccess(Schema.Unknown, { status: 201 })
  )
{}
class FloorApi extends HttpApi.make("floor").add(LeadsGroup) {}

const httpApiRoutes = HttpLayerRouter.addHttpApi(FloorApi).pipe(
  Layer.provide(
    HttpApiBuilder.group(
      FloorApi,
      "leads",
      (h) => h.handle("get", () => Effect.succeed(body)).handle("create", () => Effect.succeed(body))
    )
  )
)
// Encoded on every request, as the HttpApi endpoint encodes its answer.
const plainRoutes = HttpLayerRouter.add("GET", "/leads/:id", Effect.sync(() => HttpServerResponse.unsafeJson(body)))

const serveEffect = (routes: typeof httpApiRoutes | typeof plainRoutes) => {
  const server = Layer.unwrapScoped(
    Effect.map(HttpLayerRouter.toHttpEffect(routes), (app) => HttpServer.serve(app))
  )
  const served = HttpMiddleware.withTracerDisabledWhen(
    Layer.locally(server, FiberRef.currentTracerEnabled, false),
    () => true
  )
  const main = Effect.gen(function*() {
    const http = yield* HttpServer.HttpServer
    const address = http.address
    if (address._tag === "TcpAddress") console.log(`listening on http://127.0.0.1:${address.port}`)
    return yield* Effect.never
  })
  Effect.runFork(
    Effect.scoped(
      Effect.flatMap(
        Layer.build(
          served.pipe(Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })))
        ),
        (context) => Effect.provide(main, context)
      )
    )
  )
}

const serveRuntime = () => {
  const runtime = ManagedRuntime.make(Layer.empty)
  const answer = Effect.sync(() => JSON.stringify(body)).pipe(Effect.locally(FiberRef.currentTracerEnabled, false))
  const server = createServer((request, response) => {
    request.resume()
    runtime.runCallback(answer, {
      onExit: (exit) => {
        if (Exit.isSuccess(exit)) {
          response.writeHead(200, { "content-type": "application/json" })
          response.end(exit.value)
        } else {
          response.writeHead(500)
          response.end()
        }
      }
    })
  })
  server.keepAliveTimeout = 60_000
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    if (address !== null && typeof address === "object") console.log(`listening on http://127.0.0.1:${address.port}`)
  })
}

if (mode === "runtime") serveRuntime()
else if (mode === "router") serveEffect(plainRoutes)
else serveEffect(httpApiRoutes)
