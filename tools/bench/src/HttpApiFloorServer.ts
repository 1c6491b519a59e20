/**
 * Child process of the emulator benchmark: the emulator's server stack with nothing of the emulator
 * in it. One `HttpApi` endpoint (`GET /leads/:id`, a fixed document) mounted the way the emulator
 * mounts its domains (HttpLayerRouter, tracing off), with no middleware, authentication, storage or
 * schema work. Its throughput is the ceiling any emulator built on this stack can reach.
 * Usage: HttpApiFloorServer.ts <json body>; prints its URL once it listens.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServer from "@effect/platform/HttpServer"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { createServer } from "node:http"

const body: unknown = JSON.parse(process.argv[2] ?? "{}")

class LeadsGroup extends HttpApiGroup.make("leads")
  .add(
    HttpApiEndpoint.get("get", "/leads/:id").setPath(Schema.Struct({ id: Schema.String })).addSuccess(Schema.Unknown)
  )
{}
class FloorApi extends HttpApi.make("floor").add(LeadsGroup) {}

const handlers = HttpApiBuilder.group(FloorApi, "leads", (h) => h.handle("get", () => Effect.succeed(body)))
const routes = HttpLayerRouter.addHttpApi(FloorApi).pipe(Layer.provide(handlers))
const server = Layer.unwrapScoped(Effect.map(HttpLayerRouter.toHttpEffect(routes), (app) => HttpServer.serve(app)))
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
        served.pipe(
          Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" }))
        )
      ),
      (context) => Effect.provide(main, context)
    )
  )
)
