/**
 * Once a JSON or text success is decoded, the transport lets go of the body's buffer (so a stream's
 * pages do not pile up until a full GC). A success decoded as bytes is a view of that buffer: it must
 * keep it, whole. A body that fails to decode keeps it for the error report.
 */
import { ApiClient } from "@blocks-crm/core-http"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { expectTag, options, transport } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

const Items = Schema.Struct({ items: Schema.Array(Schema.Struct({ n: Schema.Number, text: Schema.String })) })

class BodiesGroup extends HttpApiGroup.make("bodies")
  .add(HttpApiEndpoint.get("bytes")`/bytes`.addSuccess(HttpApiSchema.Uint8Array()))
  .add(HttpApiEndpoint.get("json")`/json`.addSuccess(Items))
{}

// Larger than the size from which a body is released.
const size = 256 * 1024
const binary = Uint8Array.from({ length: size }, (_, i) => (i * 31) % 251)
const items = Array.from({ length: 2000 }, (_, n) => ({ n, text: `item ${n} `.repeat(12) }))

const makers = {
  fetch: transport,
  undici: (server: Pick<TestServer.TestServer, "url">) => NodeTransport.layer(options(server, { retry: { times: 0 } }))
}

describe("the body after decoding", () => {
  for (const [name, make] of Object.entries(makers)) {
    it.scopedLive(`${name}: a bytes success keeps its whole buffer; a JSON success decodes whole`, () =>
      Effect.gen(function*() {
        const server = yield* TestServer.make
        const context = yield* Layer.build(make(server))
        const bodies = yield* Effect.provide(ApiClient.group(BodiesGroup), context)
        server.enqueue(
          {
            raw: (res) => {
              res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(size) })
              res.end(binary)
            }
          },
          { body: { items } }
        )

        const bytes = yield* bodies.bytes()
        expect(bytes.byteLength).toBe(size)
        expect(Buffer.compare(Buffer.from(bytes), Buffer.from(binary))).toBe(0)
        const json = yield* bodies.json()
        expect(json.items).toHaveLength(items.length)
        expect(json.items[1999]).toEqual(items[1999])
      }))

    it.scopedLive(`${name}: a large body that fails to decode is still quoted in the error`, () =>
      Effect.gen(function*() {
        const server = yield* TestServer.make
        const context = yield* Layer.build(make(server))
        const bodies = yield* Effect.provide(ApiClient.group(BodiesGroup), context)
        server.enqueue({ body: { items: [...items, { n: "not a number", text: "x" }] } })

        const error = expectTag(yield* Effect.flip(bodies.json()), "UnexpectedResponse")
        expect(error.path).toBe("items[2000].n")
        expect(error.bodyExcerpt).toContain(`{"items":[{"n":0,"text":"item 0 item 0`)
      }))
  }
})
