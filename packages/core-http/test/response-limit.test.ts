/**
 * `maxResponseBytes`: a body up to the limit is read, one byte more fails with `ResponseTooLarge`,
 * whether its size is declared, streamed, or only known after decompression.
 */
import { CrmConfig } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import type * as Http from "node:http"
import * as Zlib from "node:zlib"
import { API_KEY, clients, expectTag, TOKEN } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

/** A widget document of exactly `size` bytes (padded with JSON whitespace). */
const documentOfSize = (size: number) => {
  const json = JSON.stringify({ data: { id: "w1", type: "widget", attributes: { unique_id: "w1", name: "Sized" } } })
  return Buffer.from(json + " ".repeat(size - json.length))
}

type Framing = "content-length" | "chunked" | "gzip"

const send = (body: Buffer, framing: Framing, status = 200) => (res: Http.ServerResponse) => {
  if (framing === "gzip") {
    const compressed = Zlib.gzipSync(body)
    res.writeHead(status, {
      "content-type": "application/json",
      "content-encoding": "gzip",
      "content-length": String(compressed.length)
    })
    res.end(compressed)
  } else if (framing === "content-length") {
    res.writeHead(status, { "content-type": "application/json", "content-length": String(body.length) })
    res.end(body)
  } else {
    res.writeHead(status, { "content-type": "application/json" })
    // Several chunks, so the count spans them.
    for (let i = 0; i < body.length; i += 1000) res.write(body.subarray(i, i + 1000))
    res.end()
  }
}

describe("maxResponseBytes", () => {
  it.scopedLive("a body of exactly the limit is read; one byte more is ResponseTooLarge, for every framing", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const limit = 10_000
      const { widgets } = yield* clients(server, { maxResponseBytes: limit, retry: { times: 2 } })
      for (const framing of ["content-length", "chunked", "gzip"] as const) {
        server.enqueue({ raw: send(documentOfSize(limit), framing) })
        expect((yield* widgets.get("w1")).name, framing).toBe("Sized")

        const before = server.requests.length
        server.enqueue({ raw: send(documentOfSize(limit + 1), framing) })
        const error = expectTag(yield* Effect.flip(widgets.get("w1")), "ResponseTooLarge")
        expect(error.maxBytes).toBe(limit)
        expect(error.status).toBe(200)
        expect(error.method).toBe("GET")
        expect(error.url).toBe(`${server.url}/widgets/w1`)
        expect(error.requestId).toBe(server.requests.at(-1)?.headers["x-request-id"])
        expect(error.message).toBe(
          `GET ${server.url}/widgets/w1 answered 200 with a body larger than the 10000 bytes limit (maxResponseBytes) (request id ${error.requestId})`
        )
        // Not transient: never retried.
        expect(server.requests.length - before, framing).toBe(1)
      }
    }))

  it.scopedLive("error responses are limited too", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { maxResponseBytes: 1024, retry: { times: 0 } })
      server.enqueue({
        raw: send(Buffer.from(JSON.stringify({ errors: [{ detail: "x".repeat(2048) }] })), "chunked", 422)
      })
      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "ResponseTooLarge")
      expect(error.status).toBe(422)
    }))

  it.scopedLive("a body without content (204) still reads as empty", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { maxResponseBytes: 1, retry: { times: 0 } })
      server.enqueue({ status: 204 })
      yield* widgets.delete("w1")
      expect(server.requests[0]?.method).toBe("DELETE")
    }))

  it.effect("defaults to 32 MiB; can be set in code or with BLOCKS_MAX_RESPONSE_BYTES; must be a positive integer", () =>
    Effect.gen(function*() {
      const base = { apiUrl: "https://crm.example.test", authToken: TOKEN, apiKey: API_KEY }
      expect((yield* CrmConfig.make(base)).maxResponseBytes).toBe(32 * 1024 * 1024)
      expect(CrmConfig.defaultMaxResponseBytes).toBe(32 * 1024 * 1024)
      expect((yield* CrmConfig.make({ ...base, maxResponseBytes: 4096 })).maxResponseBytes).toBe(4096)
      for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        const error = yield* Effect.flip(CrmConfig.make({ ...base, maxResponseBytes: bad }))
        expect(error.problems).toEqual([{ name: "maxResponseBytes", problem: "must be a whole number of bytes > 0" }])
      }

      const env = (extra: Record<string, string>) =>
        Effect.withConfigProvider(
          ConfigProvider.fromMap(
            new Map(
              Object.entries({
                BLOCKS_API_URL: base.apiUrl,
                BLOCKS_AUTH_TOKEN: TOKEN,
                BLOCKS_API_KEY: API_KEY,
                ...extra
              })
            )
          )
        )
      expect((yield* CrmConfig.fromEnv().pipe(env({ BLOCKS_MAX_RESPONSE_BYTES: "65536" }))).maxResponseBytes).toBe(
        65536
      )
      const zero = yield* Effect.flip(CrmConfig.fromEnv().pipe(env({ BLOCKS_MAX_RESPONSE_BYTES: "0" })))
      expect(zero.problems.map((p) => p.name)).toEqual(["BLOCKS_MAX_RESPONSE_BYTES"])
      const words = yield* Effect.flip(CrmConfig.fromEnv().pipe(env({ BLOCKS_MAX_RESPONSE_BYTES: "lots" })))
      expect(words.message).toContain("BLOCKS_MAX_RESPONSE_BYTES")
    }))
})
