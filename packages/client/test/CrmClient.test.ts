/**
 * The Effect face: `CrmClient.compose` and classes made by `CrmClient.Service`, over a domain of one's
 * own (test/support/NotesDomain.ts) against a loopback server that records every request.
 */
import { CrmClient, CrmDomain } from "@blocks-crm/client"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as HttpApi from "@effect/platform/HttpApi"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { notes, NotesService, status, StatusService } from "./support/NotesDomain.js"
import * as NotesServer from "./support/NotesServer.js"

class TeamCrm extends CrmClient.Service<TeamCrm>()("test/TeamCrm", { domains: [notes, status] }) {
  /** A method of the team's own, on the composed client. */
  titles() {
    return Effect.map(this.notes.list(), (page) => page.map((note) => note.title))
  }
}

describe("CrmClient.compose", () => {
  it.scoped("places every service where the descriptors say, nested ones under their parent", () =>
    Effect.gen(function*() {
      const server = yield* NotesServer.make
      const crm = yield* CrmClient.compose([notes, status]).pipe(
        Effect.provide(CrmTransport.layerFetch(NotesServer.settingsFor(server)))
      )
      expect(Object.keys(crm).sort()).toEqual(["notes", "status"])
      expect(Object.keys(crm.notes).sort()).toEqual(["create", "get", "list", "pins"])
      const note = yield* crm.notes.create({ title: "Call Acme back" })
      yield* crm.notes.create({ title: "Send the quote" })
      expect((yield* crm.notes.list()).map((n) => n.title)).toEqual(["Call Acme back", "Send the quote"])
      expect((yield* crm.notes.pins.list(note.uniqueId)).map((n) => n.title)).toEqual(["Send the quote"])
      expect(yield* crm.status.baseUrl()).toBe(`${server.url}/`)

      const sent = server.requests.map((request) => `${request.method} ${request.url}`)
      expect(sent).toEqual(["POST /notes/", "POST /notes/", "GET /notes/", `GET /notes/${note.uniqueId}/pins`])
      expect(JSON.parse(server.requests[0]!.body)).toEqual({ note: { title: "Call Acme back" } })
      for (const request of server.requests) {
        expect(request.headers["authorization"]).toBe(`Bearer ${NotesServer.TOKEN}`)
        expect(request.headers["appid"]).toBe(NotesServer.API_KEY)
      }
    }))

  it.scoped("checks inputs before sending, and fails with the transport's tagged errors", () =>
    Effect.gen(function*() {
      const server = yield* NotesServer.make
      const crm = yield* CrmClient.compose([notes]).pipe(
        Effect.provide(CrmTransport.layerFetch(NotesServer.settingsFor(server)))
      )
      expect((yield* Effect.flip(crm.notes.create({ title: " " })))._tag).toBe("InvalidInput")
      expect(server.requests).toEqual([])
      const missing = yield* Effect.flip(crm.notes.get("no-such-note"))
      expect(missing._tag).toBe("NotFound")
      expect(server.requests.map((request) => request.url)).toEqual(["/notes/no-such-note"])
    }))

  it.scoped("composes no domain into an empty client", () =>
    Effect.gen(function*() {
      const crm = yield* CrmClient.compose([]).pipe(
        Effect.provide(CrmTransport.layerFetch(NotesServer.settingsFor({ url: "http://127.0.0.1:1" })))
      )
      expect(crm).toEqual({})
    }))

  it.effect("dies when two domains claim the same name on the client, naming both", () =>
    Effect.gen(function*() {
      const clash = CrmDomain.make({ name: "other", api: HttpApi.make("other"), services: { notes: StatusService } })
      const cause = yield* Effect.flip(Effect.sandbox(Effect.scoped(CrmClient.compose([notes, clash]))))
      expect(Cause.isDie(cause)).toBe(true)
      expect(Cause.pretty(cause)).toContain(`domains "notes" and "other" both define "notes"`)

      // A nested name counts too.
      const nestedClash = CrmDomain.make({
        name: "pins",
        api: HttpApi.make("pins"),
        services: { status: StatusService },
        nested: { status: { pins: StatusService } }
      })
      const again = yield* Effect.flip(Effect.sandbox(Effect.scoped(CrmClient.compose([nestedClash, status]))))
      expect(Cause.pretty(again)).toContain(`domains "pins" and "status" both define "status"`)
    }).pipe(
      Effect.provide(CrmTransport.layerFetch(NotesServer.settingsFor({ url: "http://127.0.0.1:1" }))),
      Effect.orDie
    ))
})

describe("CrmClient.Service", () => {
  it.scoped("makes a service class whose instance is the composed client, with the team's own methods", () =>
    Effect.gen(function*() {
      const server = yield* NotesServer.make
      const program = Effect.gen(function*() {
        const crm = yield* TeamCrm
        expect(crm).toBeInstanceOf(TeamCrm)
        yield* crm.notes.create({ title: "Renewal" })
        expect(yield* crm.titles()).toEqual(["Renewal"])
        return yield* crm.status.baseUrl()
      })
      expect(yield* Effect.provide(program, TeamCrm.layer(NotesServer.settingsFor(server)))).toBe(`${server.url}/`)
      expect(TeamCrm.domains.map((domain) => domain.name)).toEqual(["notes", "status"])
      expect(TeamCrm.key).toBe("test/TeamCrm")
    }))

  it.scoped("layerWithTransport takes any transport layer, and Default needs one", () =>
    Effect.gen(function*() {
      const server = yield* NotesServer.make
      const transport = CrmTransport.layerFetch(NotesServer.settingsFor(server))
      const viaTransport = yield* Effect.provide(
        Effect.flatMap(TeamCrm, (crm) => crm.notes.create({ title: "Via transport" })),
        TeamCrm.layerWithTransport(transport)
      )
      const viaDefault = yield* Effect.provide(
        Effect.flatMap(TeamCrm, (crm) => crm.notes.get(viaTransport.uniqueId)),
        TeamCrm.Default.pipe(Layer.provide(transport))
      )
      expect(viaDefault.title).toBe("Via transport")
      expect(server.requests.map((request) => request.method)).toEqual(["POST", "GET"])
    }))

  it.scoped("layerFromEnv reads BLOCKS_API_URL, BLOCKS_AUTH_TOKEN and BLOCKS_API_KEY", () =>
    Effect.gen(function*() {
      const server = yield* NotesServer.make
      const env = ConfigProvider.fromMap(
        new Map([
          ["BLOCKS_API_URL", server.url],
          ["BLOCKS_AUTH_TOKEN", NotesServer.TOKEN],
          ["BLOCKS_API_KEY", NotesServer.API_KEY]
        ])
      )
      const listed = yield* Effect.provide(
        Effect.flatMap(TeamCrm, (crm) => crm.notes.list()),
        TeamCrm.layerFromEnv({ retry: { times: 0 } }).pipe(Layer.provide(Layer.setConfigProvider(env)))
      )
      expect(listed).toEqual([])
      expect(server.requests[0]?.headers["authorization"]).toBe(`Bearer ${NotesServer.TOKEN}`)

      const missing = yield* Effect.flip(
        Effect.provide(
          TeamCrm,
          TeamCrm.layerFromEnv().pipe(Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map()))))
        )
      )
      expect(missing._tag).toBe("ConfigurationError")
      expect(missing.message).toContain("BLOCKS_API_URL")
      expect(missing.message).toContain("BLOCKS_AUTH_TOKEN")
    }))

  it.effect("a bad setting in code fails the layer with a ConfigurationError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        Effect.provide(TeamCrm, TeamCrm.layer({ apiUrl: "ftp://example.com", authToken: "", apiKey: "k" }))
      )
      expect(error._tag).toBe("ConfigurationError")
      expect(error.message).toContain("authToken")
    }))

  it.effect("a class over clashing domains dies when its layer is built", () =>
    Effect.gen(function*() {
      const clash = CrmDomain.make({ name: "other", api: HttpApi.make("other"), services: { notes: NotesService } })
      class Clashing extends CrmClient.Service<Clashing>()("test/Clashing", { domains: [notes, clash] }) {}
      const cause = yield* Effect.flip(
        Effect.sandbox(Effect.provide(Clashing, Clashing.layer(NotesServer.settingsFor({ url: "http://127.0.0.1:1" }))))
      )
      expect(Cause.isDie(cause)).toBe(true)
      expect(Cause.pretty(cause)).toContain(`domains "notes" and "other" both define "notes"`)
    }))
})

// Type-level: the client's type is read from the descriptors.
export const types = Effect.gen(function*() {
  const crm = yield* TeamCrm
  const titles: ReadonlyArray<string> = (yield* crm.notes.pins.list("note-1")).map((note) => note.title)
  // @ts-expect-error: the notes domain has no `leads`
  const _leads = crm.leads
  // @ts-expect-error: a class needs its own type as `Self`
  CrmClient.Service()("test/NoSelf", { domains: [notes] })
  return titles
})
