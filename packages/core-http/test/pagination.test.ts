import { Pagination } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { clients, expectTag, listBody, pagedListing, widgetJson } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

const pagesRequested = (server: TestServer.TestServer) => server.requests.map((r) => r.query.get("page"))

describe("Pagination.stream over a 5-page listing", () => {
  it.scopedLive("taking the first items fetches only the pages they are on", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback(pagedListing(10, 2))

      const firstThree = yield* Stream.runCollect(widgets.stream({ records: 2 }).pipe(Stream.take(3)))
      expect(Chunk.toReadonlyArray(firstThree).map((w) => w.uniqueId)).toEqual(["w1", "w2", "w3"])
      expect(pagesRequested(server)).toEqual(["1", "2"])
      expect(server.requests.every((r) => r.query.get("records") === "2")).toBe(true)
    }))

  it.scopedLive("taking one item fetches one page", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback(pagedListing(10, 2))

      const first = yield* Stream.runCollect(widgets.stream({ records: 2 }).pipe(Stream.take(1)))
      expect(Chunk.toReadonlyArray(first).map((w) => w.uniqueId)).toEqual(["w1"])
      expect(pagesRequested(server)).toEqual(["1"])
    }))

  it.scopedLive("over the derived endpoint directly, taking 5 items never reaches page 5", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server)
      server.fallback(pagedListing(10, 2))

      const items = yield* Stream.runCollect(
        Pagination.stream((page) => endpoints.list({ urlParams: { page, records: 2 } })).pipe(Stream.take(5))
      )
      expect(Chunk.size(items)).toBe(5)
      expect(pagesRequested(server)).toEqual(["1", "2", "3"])
      expect(pagesRequested(server)).not.toContain("5")
    }))

  it.scopedLive("with prefetch, pages are fetched ahead once each, in order, and the items are unchanged", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback(pagedListing(10, 2))

      const all = yield* Stream.runCollect(widgets.stream({ records: 2, prefetch: 2 }))
      expect(Chunk.toReadonlyArray(all).map((w) => w.uniqueId)).toEqual(
        Array.from({ length: 10 }, (_, i) => `w${i + 1}`)
      )
      expect(pagesRequested(server)).toEqual(["1", "2", "3", "4", "5"])

      // Holding the first item while the stream runs ahead: page 2 is fetched without being asked for.
      const ahead = yield* TestServer.make
      const { widgets: aheadWidgets } = yield* clients(ahead)
      ahead.fallback(pagedListing(10, 2))
      const first = yield* Stream.runCollect(
        aheadWidgets.stream({ records: 2, prefetch: 1 }).pipe(
          Stream.take(1),
          Stream.tap(() => ahead.waitUntil(() => ahead.requests.length >= 2))
        )
      )
      expect(Chunk.toReadonlyArray(first).map((w) => w.uniqueId)).toEqual(["w1"])
      expect(pagesRequested(ahead).slice(0, 2)).toEqual(["1", "2"])
    }))

  it.scopedLive("a full run reads every item and stops after totalPages", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback(pagedListing(10, 2))

      const all = yield* Stream.runCollect(widgets.stream({ records: 2 }))
      expect(Chunk.toReadonlyArray(all).map((w) => w.uniqueId)).toEqual(
        Array.from({ length: 10 }, (_, i) => `w${i + 1}`)
      )
      expect(pagesRequested(server)).toEqual(["1", "2", "3", "4", "5"])
    }))

  it.scopedLive("startPage starts the listing further in", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server)
      server.fallback(pagedListing(10, 2))

      const rest = yield* Stream.runCollect(
        Pagination.stream((page) => endpoints.list({ urlParams: { page, records: 2 } }), { startPage: 4 })
      )
      expect(Chunk.toReadonlyArray(rest).map((w) => w.uniqueId)).toEqual(["w7", "w8", "w9", "w10"])
      expect(pagesRequested(server)).toEqual(["4", "5"])
    }))

  it.scopedLive("an empty page ends the stream even when totalPages claims more", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback((request) => {
        const page = Number(request.query.get("page"))
        const items = page <= 2 ? [widgetJson(`w${page}`, `Widget ${page}`)] : []
        return { body: listBody(items, { totalPages: 9, totalRecords: 9 }) }
      })

      const all = yield* Stream.runCollect(widgets.stream())
      expect(Chunk.toReadonlyArray(all).map((w) => w.uniqueId)).toEqual(["w1", "w2"])
      expect(pagesRequested(server)).toEqual(["1", "2", "3"])
    }))

  it.scopedLive("a server that always claims more pages is stopped by maxPages with an error", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback((request) => {
        const page = Number(request.query.get("page"))
        return {
          body: listBody([widgetJson(`w${page}`, `Widget ${page}`)], { totalPages: 1_000_000, totalRecords: 1_000_000 })
        }
      })

      const error = expectTag(
        yield* Effect.flip(Stream.runCollect(widgets.stream({ maxPages: 3 }))),
        "PageLimitExceeded"
      )
      expect(error.message).toContain("did not end after 3 pages")
      expect(error.maxPages).toBe(3)
      expect(pagesRequested(server)).toEqual(["1", "2", "3"])
    }))

  it.scopedLive("a failing page fails the stream with its error, after the items before it", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { retry: { times: 0 } })
      const listing = pagedListing(10, 2)
      server.fallback((request) => (request.query.get("page") === "3" ? { status: 500 } : listing(request)))

      const seen: Array<string> = []
      const error = yield* widgets.stream({ records: 2 }).pipe(
        Stream.runForEach((w) => Effect.sync(() => seen.push(w.uniqueId))),
        Effect.flip
      )
      expect(expectTag(error, "ServerError").status).toBe(500)
      expect(seen).toEqual(["w1", "w2", "w3", "w4"])
      expect(pagesRequested(server)).toEqual(["1", "2", "3"])
    }))
})
