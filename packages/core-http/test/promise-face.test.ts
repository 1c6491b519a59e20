import { ApiClient, CrmError, PromiseFace, ResourceClient } from "@blocks-crm/core-http"
import type { CrmConfig } from "@blocks-crm/core-http"
import { afterEach, beforeEach, describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import {
  CreateWidget,
  document,
  errorBody,
  pagedListing,
  transport,
  UpdateWidget,
  WidgetsGroup
} from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

let server: TestServer.TestServer
const runtimes: Array<{ dispose: () => Promise<void> }> = []

beforeEach(async () => {
  server = await TestServer.start()
})

afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((runtime) => runtime.dispose()))
  await server.close()
})

/** The Promise face of the widgets resource client, on a runtime for the test server. */
const face = async (overrides: Partial<CrmConfig.CrmOptions> = {}) => {
  const runtime = ManagedRuntime.make(transport(server, overrides))
  runtimes.push(runtime)
  const service = await runtime.runPromise(
    Effect.map(
      ApiClient.group(WidgetsGroup),
      (endpoints) => ResourceClient.softDelete("widgets", endpoints, { create: CreateWidget, update: UpdateWidget })
    )
  )
  return PromiseFace.promisify({ widgets: service, version: "1.0" }, runtime)
}

const rejection = async (promise: Promise<unknown>): Promise<any> => {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error("expected the promise to reject")
}

describe("PromiseFace.promisify", () => {
  it("methods resolve the decoded values", async () => {
    const { widgets, version } = await face()
    server.enqueue(
      { body: document("w1", "First") },
      { status: 201, body: document("w2", "Second") },
      { status: 204 },
      pagedListing(3, 2)
    )

    expect(await widgets.get("w1")).toEqual({ uniqueId: "w1", name: "First" })
    expect(await widgets.create({ name: "Second" })).toEqual({ uniqueId: "w2", name: "Second" })
    expect(await widgets.delete("w2")).toBeUndefined()
    expect(await widgets.list({ page: 2, records: 2 })).toEqual({
      data: [{ uniqueId: "w3", name: "Widget 3" }],
      meta: { totalPages: 2, totalRecords: 3 }
    })
    expect(version).toBe("1.0")
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /widgets/w1",
      "POST /widgets/",
      "DELETE /widgets/w2/",
      "GET /widgets/?page=2&records=2"
    ])
  })

  it("a failure rejects with the tagged error itself", async () => {
    const { widgets } = await face()
    server.enqueue({ status: 404, body: errorBody(404, "not_found", "Not Found", "No widget w9") })

    const error = await rejection(widgets.get("w9"))
    expect(error._tag).toBe("NotFound")
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(CrmError.NotFound)
    expect(error.status).toBe(404)
    expect(error.requestId).toBe(server.requests[0]?.headers["x-request-id"])
    expect(error.message).toContain("No widget w9")
  })

  it("invalid input rejects with InvalidInput and sends nothing", async () => {
    const { widgets } = await face()

    const error = await rejection(widgets.get("a/b"))
    expect(error._tag).toBe("InvalidInput")
    expect(error).toBeInstanceOf(CrmError.InvalidInput)
    expect(server.requests).toHaveLength(0)
  })

  it("the timeout option (milliseconds) limits each attempt", async () => {
    const { widgets } = await face({ retry: { times: 0 } })
    server.fallback({ delay: 1_000, body: document("w1", "Slow") })

    const error = await rejection(widgets.get("w1", { timeout: 100 }))
    expect(error._tag).toBe("Timeout")
    expect(error.scope).toBe("attempt")
    expect(error.message).toContain("attempt limit 100ms")
  })

  it("the deadline option limits the whole call", async () => {
    const { widgets } = await face()
    server.fallback({ delay: 1_000 })

    const error = await rejection(widgets.get("w1", { deadline: "120 millis" }))
    expect(error._tag).toBe("Timeout")
    expect(error.scope).toBe("deadline")
  })

  it("idempotencyKey, requestId and headers are sent for that call only", async () => {
    const { widgets } = await face()
    server.enqueue(
      { status: 503 },
      { status: 201, body: document("w1", "First") },
      { status: 201, body: document("w2", "Second") }
    )

    await widgets.create({ name: "First" }, {
      idempotencyKey: "order-7",
      requestId: "req-7",
      headers: { "X-Trace": "t-7" }
    })
    await widgets.create({ name: "Second" })

    const [first, retry, next] = server.requests
    expect(first?.headers["idempotency-key"]).toBe("order-7")
    expect(retry?.headers["idempotency-key"]).toBe("order-7")
    expect(first?.headers["x-request-id"]).toBe("req-7")
    expect(retry?.headers["x-request-id"]).toBe("req-7")
    expect(first?.headers["x-trace"]).toBe("t-7")
    expect(next?.headers["idempotency-key"]).not.toBe("order-7")
    expect(next?.headers["x-request-id"]).not.toBe("req-7")
    expect(next?.headers["x-trace"]).toBeUndefined()
  })

  it("idempotencyKey: false sends no key, and the POST is not retried", async () => {
    const { widgets } = await face()
    server.fallback({ status: 503 })

    const error = await rejection(widgets.create({ name: "x" }, { idempotencyKey: false }))
    expect(error._tag).toBe("ServerError")
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]?.headers["idempotency-key"]).toBeUndefined()
  })

  it("options after an omitted optional argument are recognised by position", async () => {
    const { widgets } = await face()
    server.enqueue(pagedListing(4, 2))

    await widgets.list(undefined, { headers: { "X-Trace": "list" } })
    expect(server.requests[0]?.headers["x-trace"]).toBe("list")
    expect(server.requests[0]?.url).toBe("/widgets/")
    // Each method says how many arguments come before the options: its own parameters.
    expect([widgets.list.length, widgets.get.length, widgets.update.length, widgets.search.length]).toEqual([
      1,
      1,
      2,
      2
    ])
  })

  it("aborting the signal cancels the request in flight and rejects with Aborted", async () => {
    const { widgets } = await face()
    server.fallback({ delay: 2_000, body: document("w1", "First") })

    const controller = new AbortController()
    const pending = rejection(widgets.get("w1", { signal: controller.signal }))
    await Effect.runPromise(server.waitUntil(() => server.requests.length === 1))
    controller.abort()

    const error = await pending
    expect(error._tag).toBe("Aborted")
    expect(error).toBeInstanceOf(Error)
    await Effect.runPromise(server.waitUntil(() => server.requests[0]?.closedEarly === true))
  })

  it("an already aborted signal rejects with Aborted without sending anything", async () => {
    const { widgets } = await face()
    const controller = new AbortController()
    controller.abort()

    const error = await rejection(widgets.get("w1", { signal: controller.signal }))
    expect(error._tag).toBe("Aborted")
    expect(server.requests).toHaveLength(0)
  })

  it("a signal that is never aborted does not disturb the call", async () => {
    const { widgets } = await face()
    server.enqueue({ body: document("w1", "First") })

    expect(await widgets.get("w1", { signal: new AbortController().signal })).toEqual({ uniqueId: "w1", name: "First" })
  })
})

describe("PromiseFace: streams become async iterables", () => {
  it("iterates every item across pages", async () => {
    const { widgets } = await face()
    server.fallback(pagedListing(10, 2))

    const ids: Array<string> = []
    for await (const widget of widgets.stream({ records: 2 })) ids.push(widget.uniqueId)
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `w${i + 1}`))
    expect(server.requests.map((r) => r.query.get("page"))).toEqual(["1", "2", "3", "4", "5"])
  })

  it("breaking out early fetches only the pages already needed", async () => {
    const { widgets } = await face()
    server.fallback(pagedListing(10, 2))

    const ids: Array<string> = []
    for await (const widget of widgets.stream({ records: 2 })) {
      ids.push(widget.uniqueId)
      if (ids.length === 3) break
    }
    expect(ids).toEqual(["w1", "w2", "w3"])
    expect(server.requests.map((r) => r.query.get("page"))).toEqual(["1", "2"])
  })

  it("a failing page throws the tagged error itself", async () => {
    const { widgets } = await face({ retry: { times: 0 } })
    const listing = pagedListing(10, 2)
    server.fallback((request) =>
      request.query.get("page") === "2"
        ? { status: 403, body: errorBody(403, "forbidden", "Forbidden", "No") }
        : listing(request)
    )

    const ids: Array<string> = []
    const error = await rejection((async () => {
      for await (const widget of widgets.stream({ records: 2 })) ids.push(widget.uniqueId)
    })())
    expect(ids).toEqual(["w1", "w2"])
    expect(error._tag).toBe("Forbidden")
    expect(error).toBeInstanceOf(CrmError.Forbidden)
    expect(error.status).toBe(403)
  })
})

describe("PromiseFace: request options are inputs too", () => {
  it("request options a JavaScript caller mistypes reject with InvalidInput and send nothing", async () => {
    const { widgets } = await face()
    server.fallback({ body: document("w1", "First") })

    const typo = await rejection(widgets.get("w1", { timout: 5_000 } as {}))
    expect(typo).toBeInstanceOf(CrmError.InvalidInput)
    expect(typo.operation).toBe("widgets.get")
    expect(typo.issues).toEqual([{
      path: "options.timout",
      message: "unknown key (known: signal, timeout, deadline, idempotencyKey, requestId, headers)"
    }])
    const wrongKinds = await rejection(
      widgets.list({ page: 1 }, { timeout: "soon", requestId: 7, headers: { "X-Trace": 1 } } as {})
    )
    expect(wrongKinds.operation).toBe("widgets.list")
    expect(wrongKinds.issues.map((i: { path: string }) => i.path)).toEqual([
      "options.timeout",
      "options.requestId",
      "options.headers.X-Trace"
    ])
    const notAnObject = await rejection(widgets.delete("w1", 5_000 as {}))
    expect(notAnObject.issues.map((i: { path: string }) => i.path)).toEqual(["options"])
    const tooMany = await rejection((widgets.get as (...args: Array<unknown>) => Promise<unknown>)("w1", {}, {}))
    expect(tooMany.message).toBe(
      "Invalid input for widgets.get: (input): takes 1 argument and the request options, got 3"
    )
    expect(server.requests).toHaveLength(0)
  })

  it("a stream takes request options: each page request carries them; a typo fails the iteration", async () => {
    const { widgets } = await face()
    server.fallback(pagedListing(5, 2))

    const ids: Array<string> = []
    for await (
      const widget of widgets.stream({ records: 2 }, { requestId: "req-stream", headers: { "X-Trace": "t1" } })
    ) {
      ids.push(widget.uniqueId)
    }
    expect(ids).toEqual(["w1", "w2", "w3", "w4", "w5"])
    expect(server.requests.map((r) => [r.query.get("page"), r.headers["x-request-id"], r.headers["x-trace"]])).toEqual([
      ["1", "req-stream", "t1"],
      ["2", "req-stream", "t1"],
      ["3", "req-stream", "t1"]
    ])
    const typo = await rejection((async () => {
      for await (const _ of widgets.stream({ records: 2 }, { sginal: undefined, timout: 1 } as {})) {
        // never reached
      }
    })())
    expect(typo).toBeInstanceOf(CrmError.InvalidInput)
    expect(typo.operation).toBe("widgets.stream")
    expect(server.requests).toHaveLength(3)
  })

  it("a stream's signal stops the iteration with Aborted, cancelling the page in flight", async () => {
    const { widgets } = await face()
    const listing = pagedListing(10, 2)
    server.fallback((request) =>
      request.query.get("page") === "2" ? { ...listing(request), delay: 5_000 } : listing(request)
    )

    const controller = new AbortController()
    const ids: Array<string> = []
    const error = await rejection((async () => {
      for await (const widget of widgets.stream({ records: 2 }, { signal: controller.signal })) {
        ids.push(widget.uniqueId)
        if (ids.length === 2) setTimeout(() => controller.abort(), 50)
      }
    })())
    expect(error).toBeInstanceOf(CrmError.Aborted)
    expect(ids).toEqual(["w1", "w2"])
    await Effect.runPromise(server.waitUntil(() => server.requests[1]?.closedEarly === true, 2_000))
  })
})
