/**
 * The Promise face: `createCrmClient` over the domains it is given, against a loopback server that
 * records every request.
 */
import { createCrmClient, CrmDomain } from "@blocks-crm/client"
import * as LoopbackServer from "@blocks-crm/test-server"
import * as HttpApi from "@effect/platform/HttpApi"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import { notes, NotesService, status } from "./support/NotesDomain.js"
import * as NotesServer from "./support/NotesServer.js"

describe("createCrmClient", () => {
  const scope = Effect.runSync(Scope.make())
  let server: LoopbackServer.LoopbackServer

  beforeAll(async () => {
    server = await Effect.runPromise(Scope.extend(LoopbackServer.make, scope))
  })
  // A fresh set of notes for every test.
  beforeEach(() => {
    NotesServer.answerNotes(server)
  })
  afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)))

  it("calls the composed services, nested ones included, with per-call options", async () => {
    const client = createCrmClient({ ...NotesServer.settingsFor(server), domains: [notes, status] })
    expect(Object.keys(client.crm).sort()).toEqual(["notes", "status"])
    // Each method's length is its own parameters' (the options come after them).
    expect([client.crm.notes.list.length, client.crm.notes.get.length, client.crm.notes.pins.list.length]).toEqual([
      0,
      1,
      1
    ])
    const before = server.requests.length
    const note = await client.crm.notes.create({ title: "Call Acme back" }, { idempotencyKey: "note-acme-1" })
    await client.crm.notes.create({ title: "Send the quote" })
    expect((await client.crm.notes.list({ timeout: 5_000 })).map((n) => n.title)).toEqual([
      "Call Acme back",
      "Send the quote"
    ])
    expect((await client.crm.notes.pins.list(note.uniqueId)).map((n) => n.title)).toEqual(["Send the quote"])
    expect(await client.crm.status.baseUrl()).toBe(`${server.url}/`)
    const sent = server.requests.slice(before)
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      "POST /notes/",
      "POST /notes/",
      "GET /notes/",
      `GET /notes/${note.uniqueId}/pins`
    ])
    expect(sent[0]!.headers["idempotency-key"]).toBe("note-acme-1")
    await client.close()
  })

  it("rejects with the SDK's tagged errors, sends nothing for a bad input, and honours an abort signal", async () => {
    const client = createCrmClient({ ...NotesServer.settingsFor(server), domains: [notes] })
    const before = server.requests.length
    await expect(client.crm.notes.create({ title: " " })).rejects.toMatchObject({ _tag: "InvalidInput" })
    expect(server.requests.length).toBe(before)
    await expect(client.crm.notes.get("nope")).rejects.toMatchObject({ _tag: "NotFound", status: 404 })
    await expect(client.crm.notes.list({ signal: AbortSignal.abort() })).rejects.toMatchObject({ _tag: "Aborted" })
    await client.close()
  })

  it("with cache: 16 concurrent gets of one note are one request, kept until a write to notes", async () => {
    const cached = createCrmClient({
      ...NotesServer.settingsFor(server),
      domains: [notes],
      cache: { ttl: "1 minute", capacity: 100 }
    })
    const plain = createCrmClient({ ...NotesServer.settingsFor(server), domains: [notes] })
    const note = await cached.crm.notes.create({ title: "Call Acme back" })
    const gets = () => server.requests.filter((request) => request.method === "GET").length
    const sixteen = (client: typeof cached) =>
      Promise.all(Array.from({ length: 16 }, () => client.crm.notes.get(note.uniqueId)))
    let before = gets()
    expect((await sixteen(cached)).every((n) => n.title === "Call Acme back")).toBe(true)
    await cached.crm.notes.get(note.uniqueId)
    expect(gets() - before).toBe(1)
    // Off by default: every get is a request.
    before = gets()
    await sixteen(plain)
    expect(gets() - before).toBe(16)
    // A write to notes through the cached client drops its entries.
    await cached.crm.notes.create({ title: "Send the quote" })
    before = gets()
    await cached.crm.notes.get(note.uniqueId)
    expect(gets() - before).toBe(1)
    expect(() =>
      createCrmClient({ ...NotesServer.settingsFor(server), domains: [notes], cache: { ttl: "1 minute", capacity: 0 } })
    )
      .toThrow(
        expect.objectContaining({ _tag: "ConfigurationError", message: expect.stringContaining("cache.capacity") })
      )
    await cached.close()
    await plain.close()
  })

  it("runs an Effect program over the same services, failing with its error and interrupted by a signal", async () => {
    const client = createCrmClient({ ...NotesServer.settingsFor(server), domains: [notes] })
    const note = await client.run((crm) => crm.notes.create({ title: "Call Acme back" }))
    const titles = await client.run((crm) =>
      Effect.map(Effect.all([crm.notes.list(), crm.notes.get(note.uniqueId)]), ([all, one]) => [all.length, one.title])
    )
    expect(titles).toEqual([1, "Call Acme back"])
    await expect(client.run((crm) => crm.notes.get("nope"))).rejects.toMatchObject({ _tag: "NotFound" })
    await expect(client.run(() => Effect.fail("own error"))).rejects.toBe("own error")
    const controller = new AbortController()
    const interrupted = client.run(() => Effect.never, { signal: controller.signal })
    controller.abort()
    await expect(interrupted).rejects.toMatchObject({ _tag: "Aborted" })
    await expect(client.run(() => Effect.succeed(1), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      _tag: "Aborted"
    })
    await client.close()
  })

  it("fails every call after close", async () => {
    const client = createCrmClient({ ...NotesServer.settingsFor(server), domains: [notes] })
    expect(await client.crm.notes.list()).toEqual([])
    await client.close()
    const before = server.requests.length
    await expect(client.crm.notes.list()).rejects.toBeDefined()
    expect(server.requests.length).toBe(before)
  })

  it("throws the ConfigurationError at once for bad settings, listing every problem", () => {
    expect(() => createCrmClient({ apiUrl: "ftp://example.com", authToken: "", apiKey: "k", domains: [notes] }))
      .toThrow(
        expect.objectContaining({
          _tag: "ConfigurationError",
          message: expect.stringMatching(/apiUrl[\s\S]*authToken|authToken[\s\S]*apiUrl/)
        })
      )
  })

  it("throws a ConfigurationError for domains that are not a list of descriptors, sending nothing", () => {
    const before = server.requests.length
    const settings = NotesServer.settingsFor(server)
    for (const domains of [undefined, null, notes, [notes, { name: "x" }]]) {
      expect(() => createCrmClient({ ...settings, domains } as any)).toThrow(
        expect.objectContaining({ _tag: "ConfigurationError", message: expect.stringContaining("domains - must be") })
      )
    }
    expect(() => createCrmClient({ ...settings } as any)).toThrow(`domains - must be a list of domain descriptors`)
    expect(server.requests.length).toBe(before)
  })

  it("settings from JavaScript (an unset variable, a number, no options) throw the ConfigurationError, never a TypeError", () => {
    const before = server.requests.length
    const { apiUrl, apiKey } = NotesServer.settingsFor(server)
    const unset = { apiUrl, authToken: process.env["BLOCKS_NO_SUCH_VARIABLE"]!, apiKey, domains: [notes] }
    expect(() => createCrmClient(unset)).toThrow(expect.objectContaining({
      _tag: "ConfigurationError",
      problems: [{ name: "authToken", problem: "must be a string or a Redacted string, got undefined" }]
    }))
    // Every problem at once, the domains' with the settings'.
    expect(() => createCrmClient({ apiUrl, authToken: 42, apiKey, timeout: null, domains: null } as any)).toThrow(
      expect.objectContaining({
        problems: [
          { name: "authToken", problem: "must be a string or a Redacted string, got a number" },
          expect.objectContaining({ name: "timeout" }),
          expect.objectContaining({ name: "domains" })
        ]
      })
    )
    for (const options of [undefined, null, "https://crm.example.test"]) {
      expect(() => createCrmClient(options as any)).toThrow(
        expect.objectContaining({
          _tag: "ConfigurationError",
          problems: [expect.objectContaining({ name: "options" })]
        })
      )
    }
    expect(server.requests.length).toBe(before)
  })

  // undici's `request` sends only the headers it is given; fetch adds its own (`sec-fetch-mode`, `user-agent`).
  it("sends over undici on Node.js unless told otherwise; transport: \"fetch\" sends over fetch", async () => {
    const sentWith = async (transport?: "fetch" | "undici") => {
      const client = createCrmClient({
        ...NotesServer.settingsFor(server),
        domains: [notes],
        ...(transport === undefined ? {} : { transport })
      })
      const before = server.requests.length
      expect(await client.crm.notes.list()).toEqual([])
      await client.close()
      return server.requests.slice(before).map((request) => request.headers["sec-fetch-mode"])
    }
    expect(await sentWith()).toEqual([undefined])
    expect(await sentWith("undici")).toEqual([undefined])
    expect(await sentWith("fetch")).toEqual(["cors"])
  })

  it("throws a ConfigurationError for a transport it does not know, with the other problems, sending nothing", () => {
    const before = server.requests.length
    const { apiKey, apiUrl } = NotesServer.settingsFor(server)
    expect(() => createCrmClient({ apiUrl, authToken: 42, apiKey, transport: "xhr", domains: [notes] } as any)).toThrow(
      expect.objectContaining({
        _tag: "ConfigurationError",
        problems: [
          { name: "authToken", problem: "must be a string or a Redacted string, got a number" },
          { name: "transport", problem: `must be "undici" or "fetch", got "xhr"` }
        ]
      })
    )
    expect(server.requests.length).toBe(before)
  })

  it("throws at once when two domains claim the same name, naming both", () => {
    const clash = CrmDomain.make({ name: "other", api: HttpApi.make("other"), services: { notes: NotesService } })
    expect(() => createCrmClient({ ...NotesServer.settingsFor(server), domains: [notes, clash] })).toThrow(
      `domains "notes" and "other" both define "notes"`
    )
  })
})

// Type-level: `domains` is required (the package knows no domain), and the face follows the descriptors.
export const types = (settings: ReturnType<typeof NotesServer.settingsFor>) => {
  // @ts-expect-error: `domains` is required
  createCrmClient(settings)
  const client = createCrmClient({ ...settings, domains: [notes] })
  // @ts-expect-error: only the notes domain was composed
  const _status = client.crm.status
  const titles: Promise<ReadonlyArray<{ readonly title: string }>> = client.crm.notes.pins.list("note-1", {
    timeout: 1_000
  })
  return titles
}
