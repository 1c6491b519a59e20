/**
 * MailTemplatesService and MandrillTemplatesService against the emulator over loopback HTTP: every
 * endpoint (404s, 422s), input refused before sending, property-based round trips, and what is special
 * here: unique names, merge variables extracted, `updated_at` moving on update, and the emulated
 * Mandrill (a draft pushed and changed, published, 422 without a draft, counters set through the
 * credentialed admin route and read back typed).
 */
import { CreateMailTemplateRequest, MailTemplatesService, MandrillTemplatesService } from "@blocks-crm/comms"
import { Emulator } from "@blocks-crm/emulator"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_B, expectTag, raw, uuid } from "../support/TestEmulator.js"
import type { ClientError, SentRequest, WireDocument, WireErrors } from "../support/TestEmulator.js"

/** Both services over the file's emulator (tenant A unless told otherwise), and every request sent. */
const connect = (apiKey?: string) =>
  Effect.gen(function*() {
    const info = yield* Emulator.Emulator
    const sent: Array<SentRequest> = []
    const options = TestEmulator.transportOptions(info, apiKey === undefined ? {} : { apiKey })
    const services = Layer.mergeAll(MailTemplatesService.Default, MandrillTemplatesService.Default).pipe(
      Layer.provide(TestEmulator.transportLayer(options, sent))
    )
    const { mandrill, templates } = yield* Effect.all({
      templates: MailTemplatesService,
      mandrill: MandrillTemplatesService
    }).pipe(Effect.provide(services))
    return { templates, mandrill, sent }
  })

let counter = 0
/** A template name no other test of the file uses. */
const fresh = (name: string) => `${name} ${++counter} ${Date.now()}`

const welcome = (name: string) => ({
  name,
  subject: "Welcome aboard, {{first_name}}",
  fromEmail: "hello@acme.example",
  fromName: "Acme",
  htmlContent: "<p>Hi {{ first_name }}, your {{{plan_name}}} plan starts today.</p>{{#if coupon}}{{coupon}}{{/if}}",
  textContent: "Hi {{first_name}}, your {{plan_name}} plan starts today. *|UNSUB|*"
})

layer(TestEmulator.layer(), { excludeTestServices: true })("comms mail templates on the emulator", (it) => {
  describe("MailTemplatesService", () => {
    it.effect("create, get, list and update round-trip every value; merge variables are extracted", () =>
      Effect.gen(function*() {
        const { templates } = yield* connect()
        const input = welcome(fresh("Welcome"))
        const created = yield* templates.create(input)
        expect(created).toStrictEqual({
          ...input,
          uniqueId: created.uniqueId,
          mergeVariables: ["first_name", "plan_name", "coupon", "UNSUB"],
          status: "active",
          enabled: true,
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(yield* templates.get(created.uniqueId)).toStrictEqual(created)
        const page = yield* templates.list({ records: 100 })
        expect(page.data.map((t) => t.uniqueId)).toContain(created.uniqueId)

        // An update moves updated_at and re-extracts the variables.
        const updated = yield* templates.update(created.uniqueId, { textContent: "Bye {{last_name}}" })
        expect(updated.updatedAt!.getTime()).toBeGreaterThan(created.updatedAt!.getTime())
        expect(updated.mergeVariables).toEqual(["first_name", "plan_name", "coupon", "last_name"])
        expect(yield* templates.get(created.uniqueId)).toStrictEqual({
          ...created,
          textContent: "Bye {{last_name}}",
          mergeVariables: updated.mergeVariables,
          updatedAt: updated.updatedAt
        })
      }))

    it.effect("a template without variables has none", () =>
      Effect.gen(function*() {
        const { templates } = yield* connect()
        const plain = yield* templates.create({ name: fresh("Plain"), subject: "Hello", textContent: "{{ }} {x}" })
        expect(plain.mergeVariables).toEqual([])
      }))

    it.effect("names are unique per tenant whatever their case: a duplicate is a 422 on name", () =>
      Effect.gen(function*() {
        const { templates } = yield* connect()
        const name = fresh("Onboarding")
        const first = yield* templates.create({ name })
        const duplicate = expectTag(
          yield* Effect.flip(templates.create({ name: name.toUpperCase() })),
          "ValidationFailed"
        )
        expect(duplicate.errors.map((error) => error.source?.pointer)).toEqual(["/template/name"])
        const other = yield* templates.create({ name: fresh("Other") })
        expectTag(yield* Effect.flip(templates.update(other.uniqueId, { name })), "ValidationFailed")
        // A change of case keeps the name taken.
        expect((yield* templates.update(first.uniqueId, { name: name.toUpperCase() })).name).toBe(name.toUpperCase())
        expectTag(yield* Effect.flip(templates.create({ name })), "ValidationFailed")
        // Renaming frees the old name.
        yield* templates.update(first.uniqueId, { name: `${name} v2` })
        expect((yield* templates.update(other.uniqueId, { name })).name).toBe(name)
        // Another tenant has its own names.
        const tenantB = yield* connect(API_KEY_B)
        expect((yield* tenantB.templates.create({ name })).name).toBe(name)
      }))

    it.effect("an unknown id is NotFound; a body the API refuses is a 422 naming the field", () =>
      Effect.gen(function*() {
        const { templates } = yield* connect()
        expectTag(yield* Effect.flip(templates.get("no-such-template")), "NotFound")
        expectTag(yield* Effect.flip(templates.update("no-such-template", { subject: "x" })), "NotFound")
        const created = yield* templates.create({ name: fresh("Body") })
        const cases = [
          ["POST", "/mailtemplates", { template: { from_subject: "no name" } }, "/template/name"],
          ["POST", "/mailtemplates", { template: { name: "x", from_address: "nope" } }, "/template/from_address"],
          ["PUT", `/mailtemplates/${created.uniqueId}`, { template: { status: "gone" } }, "/template/status"]
        ] as const
        for (const [method, path, body, pointer] of cases) {
          const response = yield* raw<WireErrors>(method, path, { body })
          expect(response.status, `${method} ${path}`).toBe(422)
          expect(response.json.errors.map((error) => error.source?.pointer)).toEqual([pointer])
        }
      }))

    it.effect("invalid input is refused before anything is sent", () =>
      Effect.gen(function*() {
        const { mandrill, sent, templates } = yield* connect()
        const invalid = expectTag(
          yield* Effect.flip(templates.create({ name: " ", fromEmail: "nope" })),
          "InvalidInput"
        )
        expect(invalid.operation).toBe("mailTemplates.create")
        expect(invalid.issues.map((issue) => issue.path).sort()).toEqual(["fromEmail", "name"])
        expectTag(yield* Effect.flip(templates.update("some-id", {})), "InvalidInput")
        expectTag(yield* Effect.flip(templates.get("a/b")), "InvalidInput")
        expectTag(yield* Effect.flip(mandrill.create({ templateId: "" })), "InvalidInput")
        expectTag(yield* Effect.flip(mandrill.update({ templateId: "t-1" })), "InvalidInput")
        expectTag(yield* Effect.flip(mandrill.update({ templateId: "t-1", fromEmail: "nope" })), "InvalidInput")
        expectTag(yield* Effect.flip(mandrill.publish("a b")), "InvalidInput")
        expectTag(yield* Effect.flip(mandrill.stats("?")), "InvalidInput")
        expect(sent).toEqual([])
      }))
  })

  describe("Mandrill, emulated", () => {
    it.effect("create pushes a draft, update changes it, publish makes it live", () =>
      Effect.gen(function*() {
        const { mandrill, templates } = yield* connect()
        const template = yield* templates.create(welcome(fresh("Mandrill Welcome")))
        const pushed = yield* mandrill.create({ templateId: template.uniqueId, fromName: "The Acme team" })
        expect(pushed).toStrictEqual({
          uniqueId: template.uniqueId,
          slug: template.name.toLowerCase().replace(/ /g, "-"),
          name: template.name,
          draft: {
            subject: template.subject,
            fromEmail: template.fromEmail,
            fromName: "The Acme team",
            htmlContent: template.htmlContent,
            textContent: template.textContent
          },
          createdAt: pushed.createdAt,
          updatedAt: pushed.createdAt
        })
        expect((yield* templates.get(template.uniqueId)).mandrillSlug).toBe(pushed.slug)

        const changed = yield* mandrill.update({ templateId: template.uniqueId, subject: "Welcome, {{first_name}}!" })
        expect(changed.draft.subject).toBe("Welcome, {{first_name}}!")
        expect(changed.draft.fromName).toBe("The Acme team")
        expect(changed.published).toBeUndefined()
        expect(changed.updatedAt!.getTime()).toBeGreaterThan(pushed.updatedAt!.getTime())

        const live = yield* mandrill.publish(template.uniqueId)
        expect(live.published).toStrictEqual(changed.draft)
        expect(live.publishedAt).toBeInstanceOf(Date)
        // Publishing the same draft again changes nothing.
        expect(yield* mandrill.publish(template.uniqueId)).toStrictEqual(live)

        // A later draft leaves the live version alone until it is published.
        const next = yield* mandrill.update({ templateId: template.uniqueId, textContent: "v2" })
        expect(next.published).toStrictEqual(live.published)
        const republished = yield* mandrill.publish(template.uniqueId)
        expect(republished.published?.textContent).toBe("v2")
        expect(republished.publishedAt!.getTime()).toBeGreaterThan(live.publishedAt!.getTime())
      }))

    it.effect("publish, update and stats without a draft are 422; a second create is 422", () =>
      Effect.gen(function*() {
        const { mandrill, templates } = yield* connect()
        const template = yield* templates.create({ name: fresh("Never pushed") })
        for (
          const attempt of [
            mandrill.publish(template.uniqueId),
            mandrill.update({ templateId: template.uniqueId, subject: "x" }),
            mandrill.stats(template.uniqueId)
          ] as ReadonlyArray<Effect.Effect<unknown, ClientError>>
        ) {
          const error = expectTag(yield* Effect.flip(attempt), "ValidationFailed")
          expect(error.errors[0]).toMatchObject({ code: "no_draft", source: { pointer: "/mandrill/unique_id" } })
        }
        yield* mandrill.create({ templateId: template.uniqueId })
        const again = expectTag(
          yield* Effect.flip(mandrill.create({ templateId: template.uniqueId })),
          "ValidationFailed"
        )
        expect(again.errors[0]?.code).toBe("taken")
      }))

    it.effect("an unknown template is NotFound on every Mandrill endpoint; a malformed body is a 422", () =>
      Effect.gen(function*() {
        const { mandrill } = yield* connect()
        expectTag(yield* Effect.flip(mandrill.create({ templateId: "no-such-template" })), "NotFound")
        expectTag(yield* Effect.flip(mandrill.update({ templateId: "no-such-template", subject: "x" })), "NotFound")
        expectTag(yield* Effect.flip(mandrill.publish("no-such-template")), "NotFound")
        expectTag(yield* Effect.flip(mandrill.stats("no-such-template")), "NotFound")
        const response = yield* raw<WireErrors>("POST", "/mailtemplates/mandrill/create", {
          body: { mandrill: { from_email: "x@y.io" } }
        })
        expect(response.status).toBe(422)
        expect(response.json.errors.map((error) => error.source?.pointer)).toEqual(["/mandrill/unique_id"])
        expect((yield* raw<WireErrors>("GET", "/mailtemplates/mandrill/stats")).status).toBe(422)
      }))

    it.effect("stats are typed counters kept per template, set through the credentialed admin route", () =>
      Effect.gen(function*() {
        const { mandrill, templates } = yield* connect()
        const template = yield* templates.create({ name: fresh("Counted") })
        const copy = yield* mandrill.create({ templateId: template.uniqueId })
        const zero = yield* mandrill.stats(template.uniqueId)
        expect(zero).toStrictEqual({
          slug: copy.slug,
          name: template.name,
          sentCount: 0,
          openCount: 0,
          clickCount: 0,
          bounceCount: 0,
          complaintCount: 0,
          createdAt: zero.createdAt,
          updatedAt: zero.updatedAt
        })

        const set = yield* raw<WireDocument>("PUT", "/__emulator/mandrill/stats", {
          body: { unique_id: template.uniqueId, sent_count: 120, open_count: 64, click_count: 17 }
        })
        expect(set.status).toBe(200)
        expect(set.json.data).toMatchObject({ type: "mandrill_stats", attributes: { sent_count: 120 } })
        yield* raw("PUT", "/__emulator/mandrill/stats", { body: { unique_id: template.uniqueId, bounce_count: 3 } })
        const stats = yield* mandrill.stats(template.uniqueId)
        expect(stats).toMatchObject({
          sentCount: 120,
          openCount: 64,
          clickCount: 17,
          bounceCount: 3,
          complaintCount: 0
        })
        expect(stats.updatedAt!.getTime()).toBeGreaterThan(zero.updatedAt!.getTime())

        // Another tenant can neither see nor set them.
        const tenantB = yield* connect(API_KEY_B)
        expectTag(yield* Effect.flip(tenantB.mandrill.stats(template.uniqueId)), "NotFound")
        const foreign = yield* raw<WireErrors>("PUT", "/__emulator/mandrill/stats", {
          apiKey: API_KEY_B,
          body: { unique_id: template.uniqueId, sent_count: 1 }
        })
        expect(foreign.status).toBe(404)
        expect((yield* mandrill.stats(template.uniqueId)).sentCount).toBe(120)
      }))

    it.effect("the stats admin route needs the API's credentials and valid counters", () =>
      Effect.gen(function*() {
        const { mandrill, templates } = yield* connect()
        const template = yield* templates.create({ name: fresh("Guarded") })
        yield* mandrill.create({ templateId: template.uniqueId })
        const body = { unique_id: template.uniqueId, sent_count: 9 }
        const refusals = [
          [{ apiKey: null, token: null }, "The Authorization bearer token is missing."],
          [{ apiKey: null }, "The AppId header (your API key) is missing."],
          [{ apiKey: "pk_not_a_tenant" }, "The API key in AppId is not valid."],
          [{ token: "tok_not_valid" }, "The bearer token is not valid."]
        ] as const
        for (const [credentials, detail] of refusals) {
          const response = yield* raw<WireErrors>("PUT", "/__emulator/mandrill/stats", { ...credentials, body })
          expect(response.status).toBe(401)
          expect(response.json.errors).toEqual([{ status: "401", code: "unauthorized", title: "Unauthorized", detail }])
        }
        for (
          const bad of [
            { unique_id: template.uniqueId, sent_count: -1 },
            { unique_id: template.uniqueId, sent_count: 1.5 },
            { unique_id: template.uniqueId, open_rate: 3 },
            { sent_count: 3 }
          ]
        ) {
          const response = yield* raw<WireErrors>("PUT", "/__emulator/mandrill/stats", { body: bad })
          expect(response.status, JSON.stringify(bad)).toBe(422)
          expect(response.json.errors[0]).toMatchObject({ status: "422", code: "invalid" })
        }
        expect((yield* mandrill.stats(template.uniqueId)).sentCount).toBe(0)
      }))
  })

  describe("property-based", () => {
    it.effect("arbitrary valid create inputs round-trip client → emulator → client unchanged", () =>
      Effect.gen(function*() {
        const { templates } = yield* connect()
        const inputs = fc.sample(Arbitrary.make(CreateMailTemplateRequest), { seed: 25, numRuns: 40 })
        for (const [index, generated] of inputs.entries()) {
          // Names are unique per tenant: make each one distinct, keeping the generated text.
          const input: CreateMailTemplateRequest = { ...generated, name: `${generated.name} #${index}` }
          const created = yield* templates.create(input)
          const {
            createdAt: _c,
            enabled: _e,
            mergeVariables,
            status: _s,
            uniqueId: _u,
            updatedAt: _up,
            ...echoed
          } = created
          expect(echoed).toStrictEqual(input)
          expect(Array.isArray(mergeVariables)).toBe(true)
          expect(yield* templates.get(created.uniqueId)).toStrictEqual(created)
        }
      }))

    it.effect("arbitrary invalid create inputs fail with InvalidInput and send nothing", () =>
      Effect.gen(function*() {
        const { sent, templates } = yield* connect()
        const isValid = Schema.is(CreateMailTemplateRequest)
        const invalid = fc.record({
          name: fc.oneof(fc.constantFrom("", "   ", "\t"), fc.string(), fc.integer()),
          fromEmail: fc.string(),
          subject: fc.oneof(fc.string(), fc.integer())
        }, { requiredKeys: [] }).filter((input) => !isValid(input))
        const inputs = fc.sample(invalid, { seed: 26, numRuns: 60 })
        for (const input of inputs) {
          const error = expectTag(
            yield* Effect.flip(templates.create(input as unknown as CreateMailTemplateRequest)),
            "InvalidInput"
          )
          expect(error.issues.length).toBeGreaterThan(0)
        }
        expect(sent).toEqual([])
      }))
  })

  it.effect("the emulator's OpenAPI document lists every mail template and Mandrill endpoint", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      expect(response.status).toBe(200)
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/mailtemplates")).toEqual(["get", "post"])
      expect(methods("/mailtemplates/{uniqueId}")).toEqual(["get", "put"])
      expect(methods("/mailtemplates/mandrill/create")).toEqual(["post"])
      expect(methods("/mailtemplates/mandrill/update")).toEqual(["put"])
      expect(methods("/mailtemplates/mandrill/publish")).toEqual(["put"])
      expect(methods("/mailtemplates/mandrill/stats")).toEqual(["get"])
      // The admin route is the emulator's, not the API's.
      expect(methods("/__emulator/mandrill/stats")).toEqual([])
    }))
})
