/**
 * Each domain's routes are built on the first request that reaches the domain (the first start of an
 * emulator only fills an index of the routes): once, even when several requests arrive together; a
 * request is still matched as one router of every route would match it (a static path wins over a
 * parameter across domains, HEAD is answered by GET, an unknown route is a 404); a domain made by hand
 * is served as before; with fixtures every domain is built at start. Two small public domains of the
 * test's own, raw fetch over loopback.
 */
import { builtInDomains, EmulatorDomain, PipelineDomain, startEmulator } from "@blocks-crm/emulator"
import type { RunningEmulator } from "@blocks-crm/emulator"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as net from "node:net"
import { afterEach, describe, expect, it } from "vitest"

const Answer = Schema.Struct({ by: Schema.String, id: Schema.optional(Schema.String) })
const id = HttpApiSchema.param("id", Schema.String)

/** Domain "items": `/items/:id`, and `/:anything` (a parameter at the root, which `/health` must beat). */
const ItemsApi = HttpApi.make("items").add(
  HttpApiGroup.make("items")
    .add(HttpApiEndpoint.get("get")`/items/${id}`.addSuccess(Answer))
    .add(HttpApiEndpoint.get("root")`/${id}`.addSuccess(Answer))
)
/** Domain "specials": `/items/special`, a static path under the other domain's parameter. */
const SpecialsApi = HttpApi.make("specials").add(
  HttpApiGroup.make("specials").add(HttpApiEndpoint.get("special", "/items/special").addSuccess(Answer))
)

/** How many times each domain's handlers were built. */
const builds = { items: 0, specials: 0 }

const items = EmulatorDomain.make(
  "items",
  ItemsApi,
  // A build that waits (as one reading a file would), so requests arriving together overlap it.
  HttpApiBuilder.group(
    ItemsApi,
    "items",
    (handlers) =>
      Effect.sleep("20 millis").pipe(
        Effect.as(handlers),
        Effect.map((handlers) => {
          builds.items++
          return handlers
            .handle("get", ({ path }) => Effect.succeed({ by: "items", id: path.id }))
            .handle("root", ({ path }) => Effect.succeed({ by: "items root", id: path.id }))
        })
      )
  )
)
const specials = EmulatorDomain.make(
  "specials",
  SpecialsApi,
  HttpApiBuilder.group(SpecialsApi, "specials", (handlers) =>
    Effect.sync(() => {
      builds.specials++
      return handlers.handle("special", () => Effect.succeed({ by: "specials" }))
    }))
)

const get = async (emulator: RunningEmulator, path: string, method = "GET") => {
  const response = await fetch(`${emulator.url}${path}`, { method })
  return { status: response.status, body: await response.text() }
}

let emulator: RunningEmulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
  builds.items = 0
  builds.specials = 0
})

describe("domains built on their first request", () => {
  it("a domain is built once, on the first request that reaches it, however many arrive together", async () => {
    emulator = await startEmulator({ domains: [items, specials] })
    expect((await get(emulator, "/health")).status).toBe(200)
    expect(builds).toEqual({ items: 0, specials: 0 })

    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => get(emulator!, `/items/${i}`)))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(JSON.parse(answers[5]!.body)).toEqual({ by: "items", id: "5" })
    expect(builds).toEqual({ items: 1, specials: 0 })
  })

  it("a client that goes away while its request builds a domain leaves the domain built, once", async () => {
    let slowBuilds = 0
    const SlowApi = HttpApi.make("slow").add(
      HttpApiGroup.make("slow").add(HttpApiEndpoint.get("get", "/slow").addSuccess(Answer))
    )
    const slow = EmulatorDomain.make(
      "slow",
      SlowApi,
      HttpApiBuilder.group(SlowApi, "slow", (handlers) =>
        Effect.sync(() => slowBuilds++).pipe(
          Effect.zipRight(Effect.sleep("150 millis")),
          Effect.as(handlers.handle("get", () => Effect.succeed({ by: "slow" })))
        ))
    )
    emulator = await startEmulator({ domains: [slow] })
    // A raw socket that sends the request and goes away while the domain is being built.
    const { hostname, port } = new URL(emulator.url)
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write("GET /slow HTTP/1.1\r\nHost: emulator\r\n\r\n")
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 50)
      })
      socket.on("error", reject)
    })
    expect(JSON.parse((await get(emulator, "/slow")).body)).toEqual({ by: "slow" })
    expect(slowBuilds).toBe(1)
  })

  it("a request is matched as one router of every route would: static beats a parameter, across domains", async () => {
    emulator = await startEmulator({ domains: [items, specials] })
    expect(JSON.parse((await get(emulator, "/items/special")).body)).toEqual({ by: "specials" })
    expect(JSON.parse((await get(emulator, "/items/7")).body)).toEqual({ by: "items", id: "7" })
    expect(JSON.parse((await get(emulator, "/health")).body)).toEqual({ status: "ok" })
    expect(JSON.parse((await get(emulator, "/elsewhere")).body)).toEqual({ by: "items root", id: "elsewhere" })
    // HEAD is answered by the GET route; an unknown route or method is the emulator's 404.
    expect(await get(emulator, "/items/special", "HEAD")).toEqual({ status: 200, body: "" })
    const unknown = await get(emulator, "/items/7/more")
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body).errors[0].detail).toBe("No route for GET /items/7/more")
    expect((await get(emulator, "/items/7", "DELETE")).status).toBe(404)
  })

  it("the built-in domains are served lazily beside a team's own", async () => {
    emulator = await startEmulator({ domains: [...builtInDomains, items] })
    const leads = await fetch(`${emulator.url}/leads/`, {
      headers: { Authorization: `Bearer ${emulator.authToken}`, AppId: emulator.apiKey }
    })
    expect(leads.status).toBe(200)
    expect((await get(emulator, "/leads/")).status).toBe(401)
    expect(JSON.parse((await get(emulator, "/items/1")).body)).toEqual({ by: "items", id: "1" })
  })

  it("a domain made by hand (its own routes layer) is served beside the others, built at start", async () => {
    const hand: EmulatorDomain.EmulatorDomain = {
      name: "hand",
      api: SpecialsApi as unknown as EmulatorDomain.EmulatorDomain["api"],
      routes: HttpLayerRouter.add("GET", "/hand", Effect.succeed(HttpServerResponse.unsafeJson({ by: "hand" })))
    }
    emulator = await startEmulator({ domains: [PipelineDomain, items, hand] })
    expect(builds.items).toBe(1)
    expect(JSON.parse((await get(emulator, "/hand")).body)).toEqual({ by: "hand" })
    expect(JSON.parse((await get(emulator, "/items/2")).body)).toEqual({ by: "items", id: "2" })
  })

  it("with fixtures, every domain is built at start (fixtures go into the collections handlers open)", async () => {
    emulator = await startEmulator({ domains: [items, specials], seed: { tenants: {} } })
    expect(builds).toEqual({ items: 1, specials: 1 })
  })
})
