import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { clients, type CreateWidget, document, expectTag, listBody, pagedListing } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

const idMessage = "must be a non-blank id without /, ?, #, % or spaces"

describe("ResourceClient input validation (before anything is sent)", () => {
  it.scopedLive("create with a blank required field fails with InvalidInput naming the field; no request", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback({ status: 201, body: document("w1", "x") })

      const error = expectTag(yield* Effect.flip(widgets.create({ name: "   " })), "InvalidInput")
      expect(error.operation).toBe("widgets.create")
      expect(error.issues).toEqual([{ path: "name", message: "must not be blank" }])
      expect(error.message).toBe("Invalid input for widgets.create: name: must not be blank")
      expect(server.requests).toHaveLength(0)
    }))

  it.scopedLive("every problem of an input is listed at once", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)

      const input = { name: "", color: 7 } as unknown as CreateWidget
      const error = expectTag(yield* Effect.flip(widgets.create(input)), "InvalidInput")
      expect(error.issues.map((i) => i.path)).toEqual(["name", "color"])
      expect(server.requests).toHaveLength(0)
    }))

  it.scopedLive("a missing required field is named", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)

      const error = expectTag(yield* Effect.flip(widgets.create({} as unknown as CreateWidget)), "InvalidInput")
      expect(error.issues).toEqual([{ path: "name", message: "is missing" }])
      expect(server.requests).toHaveLength(0)
    }))

  it.scopedLive("update validates the id and the data", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)

      const error = expectTag(yield* Effect.flip(widgets.update("w1", { name: "" })), "InvalidInput")
      expect(error.operation).toBe("widgets.update")
      expect(error.issues).toEqual([{ path: "name", message: "must not be blank" }])
      expect(server.requests).toHaveLength(0)
    }))

  for (
    const [method, badId] of [["get", "a/b"], ["get", ""], ["delete", "a b"], ["recover", "x?y"], ["get", "50%"], [
      "get",
      "a#b"
    ]] as const
  ) {
    it.scopedLive(`${method}(${JSON.stringify(badId)}) fails with InvalidInput; no request`, () =>
      Effect.gen(function*() {
        const server = yield* TestServer.make
        const { widgets } = yield* clients(server)
        server.fallback({ body: document("w1", "x") })

        const error = expectTag(yield* Effect.flip(widgets[method](badId)), "InvalidInput")
        expect(error.operation).toBe(`widgets.${method}`)
        expect(error.issues).toEqual([{ path: "", message: idMessage }])
        expect(error.message).toBe(`Invalid input for widgets.${method}: (input): ${idMessage}`)
        expect(server.requests).toHaveLength(0)
      }))
  }

  it.scopedLive("update with a bad id sends nothing", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)

      expect((yield* Effect.flip(widgets.update("a/b", { name: "ok" })))._tag).toBe("InvalidInput")
      expect(server.requests).toHaveLength(0)
    }))

  it.scopedLive("page parameters are checked: page >= 1, 1 <= records <= 1000", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)

      const page = expectTag(yield* Effect.flip(widgets.list({ page: 0 })), "InvalidInput")
      expect(page.operation).toBe("widgets.list")
      expect(page.issues.map((i) => i.path)).toEqual(["page"])
      const records = expectTag(yield* Effect.flip(widgets.list({ records: 5_000 })), "InvalidInput")
      expect(records.issues.map((i) => i.path)).toEqual(["records"])
      const fraction = expectTag(yield* Effect.flip(widgets.listDeleted({ page: 1.5 })), "InvalidInput")
      expect(fraction.operation).toBe("widgets.listDeleted")
      expect(server.requests).toHaveLength(0)
    }))

  it.scopedLive("properties set to undefined count as not given", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ status: 201, body: document("w1", "ok") }, { body: listBody([]) })

      yield* widgets.create({ name: "ok", color: undefined } as unknown as CreateWidget)
      expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ widget: { name: "ok" } })
      yield* widgets.list({ page: undefined, records: 3 })
      expect(server.requests[1]?.url).toBe("/widgets/?records=3")
    }))

  it.scopedLive("a key the request does not know is InvalidInput naming it and the known keys; no request", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback({ status: 201, body: document("w1", "x") })

      const input = { name: "ok", colour: "red", size: 3 } as unknown as CreateWidget
      const error = expectTag(yield* Effect.flip(widgets.create(input)), "InvalidInput")
      expect(error.issues).toEqual([
        { path: "colour", message: "unknown key (known: name, color)" },
        { path: "size", message: "unknown key (known: name, color)" }
      ])
      const update = expectTag(
        yield* Effect.flip(widgets.update("w1", { name: "ok", nmae: "typo" } as unknown as CreateWidget)),
        "InvalidInput"
      )
      expect(update.issues.map((i) => i.path)).toEqual(["nmae"])
      const list = expectTag(yield* Effect.flip(widgets.list({ pgae: 2 } as {})), "InvalidInput")
      expect(list.message).toBe("Invalid input for widgets.list: pgae: unknown key (known: page, records)")
      expect(server.requests).toHaveLength(0)
    }))

  it.scopedLive("a stream's parameters are checked before the first page: unknown keys, bad numbers", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback(pagedListing(3, 2))

      const typo = expectTag(
        yield* Effect.flip(Stream.runCollect(widgets.stream({ recrods: 2 } as {}))),
        "InvalidInput"
      )
      expect(typo.operation).toBe("widgets.stream")
      expect(typo.issues).toEqual([{ path: "recrods", message: "unknown key (known: records, maxPages, prefetch)" }])
      for (const params of [{ maxPages: 0 }, { prefetch: -1 }, { records: 0 }, { maxPages: 1.5 }]) {
        const bad = expectTag(yield* Effect.flip(Stream.runCollect(widgets.stream(params))), "InvalidInput")
        expect(bad.issues.map((i) => i.path)).toEqual(Object.keys(params))
      }
      expect(server.requests).toHaveLength(0)
      const all = yield* Stream.runCollect(widgets.stream({ records: 2, maxPages: 5, prefetch: 1 }))
      expect(Array.from(all, (w) => w.uniqueId)).toEqual(["w1", "w2", "w3"])
    }))
})
