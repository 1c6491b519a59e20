/**
 * The comms services decode wire documents (test/fixtures, after the official SDK's field lists: the
 * reference shows no example body for these resources) into the camelCase models, and send the wire
 * names and paths the reference and the official SDK use. A loopback fixture server answers; nothing is
 * mocked below the HTTP layer. The full stack against the emulator is tested in packages/emulator/test/comms.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { connect, expectTag, fixtureJson, fixtureText, make } from "./support/FixtureServer.js"

const at = (iso: string) => new Date(iso)

/** The subscriber the subscriber fixtures describe; `null` and absent attributes are left out. */
const ana = {
  uniqueId: "sub-uuid-123",
  email: "ana@example.com",
  firstName: "Ana",
  lastName: "Lima",
  phone: "+1-555-0100",
  source: "website",
  status: "active",
  enabled: true,
  payload: { campaign: "spring" },
  tags: ["newsletter"],
  subscriptionStatus: "subscribed",
  subscriptionChangedAt: at("2026-01-10T10:30:00Z"),
  createdAt: at("2026-01-10T10:30:00Z"),
  updatedAt: at("2026-01-11T08:00:00Z")
}

const welcome = {
  uniqueId: "tpl-uuid-123",
  code: "welcome",
  name: "Welcome",
  subject: "Welcome, {{first_name}}",
  fromEmail: "hello@acme.example",
  fromName: "Acme",
  htmlContent: "<p>Hi {{first_name}}, your {{plan}} plan starts today.</p>",
  mergeVariables: ["first_name", "plan"],
  mandrillSlug: "welcome",
  status: "active",
  enabled: true,
  createdAt: at("2026-01-10T10:30:00Z"),
  updatedAt: at("2026-01-12T10:30:00Z")
}

const bodyOf = (request: { readonly body: string } | undefined) => JSON.parse(request?.body ?? "null")

describe("subscribers", () => {
  it.scopedLive("GET /subscribers/ → a page (snake_case meta read too)", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("GET", "/subscribers/?page=1&records=20", { body: fixtureText("subscribers-list") })
      const { subscribers } = yield* connect(server)
      const page = yield* subscribers.list({ page: 1, records: 20 })
      expect(page.meta).toStrictEqual({ totalPages: 1, totalRecords: 2, page: 1, records: 20 })
      expect(page.data).toStrictEqual([ana, {
        uniqueId: "sub-uuid-456",
        email: "leo@example.com",
        status: "active",
        enabled: false,
        createdAt: at("2026-02-01T09:00:00Z"),
        updatedAt: at("2026-02-01T09:00:00Z")
      }])
    }))

  it.scopedLive("GET /subscribers/:id → Subscriber", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("GET", "/subscribers/sub-uuid-123", { body: fixtureText("subscriber-get") })
      const { subscribers } = yield* connect(server)
      expect(yield* subscribers.get("sub-uuid-123")).toStrictEqual(ana)
    }))

  it.scopedLive("POST /subscribers/ sends `{subscriber: {...}}` in snake_case and decodes the 201", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("POST", "/subscribers/", { status: 201, body: fixtureText("subscriber-create") })
      const { subscribers } = yield* connect(server)
      const { updatedAt: _, ...created } = ana
      expect(
        yield* subscribers.create({
          email: "ana@example.com",
          firstName: "Ana",
          lastName: "Lima",
          phone: "+1-555-0100",
          source: "website",
          sourceId: "web-1",
          tags: ["newsletter"]
        })
      ).toStrictEqual(created)
      expect(bodyOf(server.requests[0])).toStrictEqual({
        subscriber: {
          email: "ana@example.com",
          first_name: "Ana",
          last_name: "Lima",
          phone: "+1-555-0100",
          source: "website",
          source_id: "web-1",
          tags: ["newsletter"]
        }
      })
    }))

  it.scopedLive("PUT /subscribers/:id/ sends the re-subscribe and decodes the echo", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("PUT", "/subscribers/sub-uuid-123/", { body: fixtureText("subscriber-update") })
      const { subscribers } = yield* connect(server)
      expect(yield* subscribers.update("sub-uuid-123", { subscriptionStatus: "subscribed" })).toStrictEqual({
        uniqueId: "sub-uuid-123",
        subscriptionStatus: "subscribed",
        updatedAt: at("2026-03-01T12:00:00Z")
      })
      expect(bodyOf(server.requests[0])).toStrictEqual({ subscriber: { subscription_status: "subscribed" } })
    }))

  it.scopedLive("DELETE /subscribers/:id/ → void on 204", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("DELETE", "/subscribers/sub-uuid-123/", { status: 204 })
      const { subscribers } = yield* connect(server)
      yield* subscribers.delete("sub-uuid-123")
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["DELETE /subscribers/sub-uuid-123/"])
    }))

  it.scopedLive("POST /communications/unsubscribe sends a flat `{email}` and reads the top-level answer", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("POST", "/communications/unsubscribe", { body: fixtureText("unsubscribe") })
      const { subscribers } = yield* connect(server)
      expect(yield* subscribers.unsubscribe("ana@example.com")).toStrictEqual({
        success: true,
        email: "ana@example.com",
        unsubscribedAt: at("2026-03-02T09:15:00Z")
      })
      expect(bodyOf(server.requests[0])).toStrictEqual({ email: "ana@example.com" })
    }))

  it.scopedLive("a document without a required attribute is UnexpectedResponse naming its path", () =>
    Effect.gen(function*() {
      const server = yield* make
      const broken = fixtureJson("subscriber-get")
      delete broken.data.attributes.email
      server.route("GET", "/subscribers/sub-uuid-123", { body: broken })
      const { subscribers } = yield* connect(server)
      const error = expectTag(yield* Effect.flip(subscribers.get("sub-uuid-123")), "UnexpectedResponse")
      expect(error.path).toBe("data.attributes.email")
    }))

  it.scopedLive("a subscription state outside subscribed/unsubscribed is kept as sent, never a default", () =>
    Effect.gen(function*() {
      const server = yield* make
      const newer = fixtureJson("subscriber-get")
      newer.data.attributes.subscription_status = "bounced"
      const wrong = fixtureJson("subscriber-get")
      wrong.data.attributes.subscription_status = 0
      server.route("GET", "/subscribers/sub-uuid-123", { body: newer })
      server.route("GET", "/subscribers/sub-uuid-456", { body: wrong })
      const { subscribers } = yield* connect(server)
      expect((yield* subscribers.get("sub-uuid-123")).subscriptionStatus).toBe("bounced")
      // Not a string: no value to keep, so the call fails naming the attribute.
      const error = expectTag(yield* Effect.flip(subscribers.get("sub-uuid-456")), "UnexpectedResponse")
      expect(error.path).toBe("data.attributes.subscription_status")
    }))
})

describe("mail templates", () => {
  it.scopedLive("GET /mailtemplates → a page; GET /mailtemplates/:id → MailTemplate", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("GET", "/mailtemplates", { body: fixtureText("mail-templates-list") })
      server.route("GET", "/mailtemplates/tpl-uuid-123", { body: fixtureText("mail-template-get") })
      const { templates } = yield* connect(server)
      const page = yield* templates.list()
      expect(page.data).toStrictEqual([welcome])
      expect(page.meta.totalRecords).toBe(1)
      expect(yield* templates.get("tpl-uuid-123")).toStrictEqual(welcome)
    }))

  it.scopedLive("POST /mailtemplates and PUT /mailtemplates/:id send the official SDK's request names", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("POST", "/mailtemplates", { status: 201, body: fixtureText("mail-template-get") })
      server.route("PUT", "/mailtemplates/tpl-uuid-123", { body: fixtureText("mail-template-get") })
      const { templates } = yield* connect(server)
      const created = yield* templates.create({
        name: "Welcome",
        code: "welcome",
        subject: "Welcome, {{first_name}}",
        fromEmail: "hello@acme.example",
        fromName: "Acme",
        htmlContent: "<p>Hi {{first_name}}</p>",
        textContent: "Hi {{first_name}}"
      })
      expect(created).toStrictEqual(welcome)
      expect(bodyOf(server.requests[0])).toStrictEqual({
        template: {
          name: "Welcome",
          code: "welcome",
          from_subject: "Welcome, {{first_name}}",
          from_address: "hello@acme.example",
          from_name: "Acme",
          template_html: "<p>Hi {{first_name}}</p>",
          template_text: "Hi {{first_name}}"
        }
      })
      yield* templates.update("tpl-uuid-123", { enabled: false, status: "inactive" })
      expect(bodyOf(server.requests[1])).toStrictEqual({ template: { enabled: false, status: "inactive" } })
    }))

  it.scopedLive("a template without its name is UnexpectedResponse naming the path", () =>
    Effect.gen(function*() {
      const server = yield* make
      const broken = fixtureJson("mail-template-get")
      delete broken.data.attributes.name
      server.route("GET", "/mailtemplates/tpl-uuid-123", { body: broken })
      const { templates } = yield* connect(server)
      const error = expectTag(yield* Effect.flip(templates.get("tpl-uuid-123")), "UnexpectedResponse")
      expect(error.path).toBe("data.attributes.name")
    }))
})

describe("Mandrill", () => {
  const copy = {
    uniqueId: "tpl-uuid-123",
    slug: "welcome",
    name: "Welcome",
    draft: {
      subject: "Welcome, {{first_name}}",
      fromEmail: "hello@acme.example",
      fromName: "The Acme team",
      htmlContent: "<p>Hi {{first_name}}</p>"
    },
    createdAt: at("2026-01-12T10:30:00Z"),
    updatedAt: at("2026-01-12T10:30:00Z")
  }

  it.scopedLive("create, update and publish use the reference's paths, the template named in the body", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("POST", "/mailtemplates/mandrill/create", { status: 201, body: fixtureText("mandrill-template") })
      server.route("PUT", "/mailtemplates/mandrill/update", { body: fixtureText("mandrill-template") })
      server.route("PUT", "/mailtemplates/mandrill/publish", { body: fixtureText("mandrill-template") })
      const { mandrill } = yield* connect(server)
      expect(yield* mandrill.create({ templateId: "tpl-uuid-123", fromName: "The Acme team" })).toStrictEqual(copy)
      yield* mandrill.update({ templateId: "tpl-uuid-123", htmlContent: "<p>Hi {{first_name}}</p>" })
      yield* mandrill.publish("tpl-uuid-123")
      expect(server.requests.map((r) => [`${r.method} ${r.url}`, bodyOf(r)])).toEqual([
        ["POST /mailtemplates/mandrill/create", {
          mandrill: { unique_id: "tpl-uuid-123", from_name: "The Acme team" }
        }],
        ["PUT /mailtemplates/mandrill/update", {
          mandrill: { unique_id: "tpl-uuid-123", template_html: "<p>Hi {{first_name}}</p>" }
        }],
        ["PUT /mailtemplates/mandrill/publish", { mandrill: { unique_id: "tpl-uuid-123" } }]
      ])
    }))

  it.scopedLive("GET /mailtemplates/mandrill/stats?unique_id= → typed counters", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("GET", "/mailtemplates/mandrill/stats?unique_id=tpl-uuid-123", {
        body: fixtureText("mandrill-stats")
      })
      const { mandrill } = yield* connect(server)
      expect(yield* mandrill.stats("tpl-uuid-123")).toStrictEqual({
        slug: "welcome",
        name: "Welcome",
        sentCount: 120,
        openCount: 64,
        clickCount: 17,
        bounceCount: 3,
        complaintCount: 0,
        createdAt: at("2026-01-12T10:30:00Z"),
        updatedAt: at("2026-03-01T00:00:00Z")
      })
    }))

  it.scopedLive("a counter that is missing or not a whole number is UnexpectedResponse, never 0", () =>
    Effect.gen(function*() {
      const server = yield* make
      const missing = fixtureJson("mandrill-stats")
      delete missing.data.attributes.open_count
      server.route("GET", "/mailtemplates/mandrill/stats?unique_id=a", { body: missing })
      const fractional = fixtureJson("mandrill-stats")
      fractional.data.attributes.sent_count = 1.5
      server.route("GET", "/mailtemplates/mandrill/stats?unique_id=b", { body: fractional })
      const { mandrill } = yield* connect(server)
      expect(expectTag(yield* Effect.flip(mandrill.stats("a")), "UnexpectedResponse").path).toBe(
        "data.attributes.open_count"
      )
      expect(expectTag(yield* Effect.flip(mandrill.stats("b")), "UnexpectedResponse").path).toBe(
        "data.attributes.sent_count"
      )
    }))

  it.scopedLive("a 422 without a draft is ValidationFailed with the API's errors", () =>
    Effect.gen(function*() {
      const server = yield* make
      const errors = [{
        status: "422",
        code: "no_draft",
        title: "Invalid Attribute",
        detail: "the template has no draft on Mandrill",
        source: { pointer: "/mandrill/unique_id" }
      }]
      server.route("PUT", "/mailtemplates/mandrill/publish", { status: 422, body: { errors } })
      const { mandrill } = yield* connect(server)
      const error = expectTag(yield* Effect.flip(mandrill.publish("tpl-uuid-123")), "ValidationFailed")
      expect(error.errors[0]).toMatchObject({ code: "no_draft", source: { pointer: "/mandrill/unique_id" } })
    }))
})

describe("inputs are validated before anything is sent", () => {
  it.scopedLive("bad addresses, empty updates and bad ids never reach the server", () =>
    Effect.gen(function*() {
      const server = yield* make
      const { mandrill, subscribers, templates } = yield* connect(server)
      const refused: ReadonlyArray<Effect.Effect<unknown, { readonly _tag: string }>> = [
        subscribers.create({ email: "ana" }),
        subscribers.update("sub-1", {}),
        subscribers.unsubscribe("ana@"),
        templates.create({ name: "  " }),
        templates.create({ name: "Welcome", fromEmail: "hello" }),
        templates.update("tpl-1", {}),
        mandrill.update({ templateId: "tpl-1" }),
        mandrill.stats("a/b")
      ]
      for (const effect of refused) expectTag(yield* Effect.flip(effect), "InvalidInput")
      expect(server.requests).toEqual([])
    }))
})
