/**
 * Child process of the emulator benchmark: the floor of any serving path over the emulator's own
 * services. node:http, and per request one Effect on a ManagedRuntime that resolves the caller
 * (`Credentials.resolve`), reads or writes one lead through `RecordStore` (SQLite through @effect/sql),
 * and encodes the answer with the contract's schemas (`LeadDocument`; `POST` decodes its payload with
 * the contract's `{ lead }` schema). No HttpApi, router, middleware or error documents: what is left
 * is the work every request of the emulator must do, however it is served.
 * Usage: ServicesFloorServer.ts <json document of one lead> <api key> <token>; the lead is stored first,
 * so `GET /leads/<its id>` finds it. Prints its URL once it listens.
 */
import { Credentials, Database, RecordStore } from "@blocks-crm/emulator"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import { CreateLeadRequest, Lead, LeadDocument } from "@blocks-crm/pipeline"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { createServer } from "node:http"

const [document = "{}", apiKey = "", token = ""] = process.argv.slice(2)

const runtime = ManagedRuntime.make(
  Layer.mergeAll(RecordStore.layer, Credentials.layer({ apiKeys: [apiKey], tokens: [token] })).pipe(
    Layer.provideMerge(Database.layer(":memory:"))
  )
)
const encodeDocument = Schema.encodeSync(LeadDocument)
const decodePayload = Schema.decodeUnknownSync(JsonApi.wrapped("lead", CreateLeadRequest))

const { credentials, leads } = await runtime.runPromise(Effect.gen(function*() {
  const store = yield* RecordStore.RecordStore
  const leads = store.collection("leads", Lead, {
    idOf: (lead) => lead.uniqueId,
    searchText: (lead) => [lead.name, lead.source ?? "", lead.stage ?? ""].join(" ")
  })
  yield* leads.insert(Credentials.tenantIdOf(apiKey), Schema.decodeUnknownSync(LeadDocument)(JSON.parse(document)))
  return { credentials: yield* Credentials.Credentials, leads }
}))

type Answer = readonly [status: number, body: string]

const answer = (method: string, url: string, headers: Record<string, string | undefined>, body: string) =>
  Effect.flatMap(credentials.resolve(headers), (caller): Effect.Effect<Answer> => {
    if (caller.tenantId === undefined || caller.tokenRefusal !== undefined) return Effect.succeed([401, "{}"])
    if (method === "POST") {
      const payload = decodePayload(JSON.parse(body))
      const now = new Date()
      const lead: Lead = { ...payload, uniqueId: crypto.randomUUID(), status: "active", createdAt: now, updatedAt: now }
      return Effect.map(
        Effect.orDie(leads.insert(caller.tenantId, lead)),
        (stored) => [201, JSON.stringify(encodeDocument(stored))]
      )
    }
    return Effect.map(
      Effect.orDie(leads.find(caller.tenantId, url.slice("/leads/".length))),
      (found) => (Option.isSome(found) ? [200, JSON.stringify(encodeDocument(found.value))] : [404, "{}"])
    )
  }).pipe(Effect.locally(FiberRef.currentTracerEnabled, false))

const server = createServer((request, response) => {
  const chunks: Array<Buffer> = []
  request.on("data", (chunk: Buffer) => chunks.push(chunk))
  request.on("end", () => {
    runtime.runCallback(
      answer(
        request.method ?? "GET",
        request.url ?? "/",
        request.headers as Record<string, string | undefined>,
        Buffer.concat(chunks).toString()
      ),
      {
        onExit: (exit) => {
          const [status, text] = Exit.isSuccess(exit) ? exit.value : [500, "{}"] as const
          response.writeHead(status, { "content-type": "application/json" })
          response.end(text)
        }
      }
    )
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, "127.0.0.1", () => {
  const address = server.address()
  if (address !== null && typeof address === "object") console.log(`listening on http://127.0.0.1:${address.port}`)
})
