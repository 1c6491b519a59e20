/**
 * SubscribersService against the emulator over loopback HTTP: every endpoint (404s, 422s), input
 * refused before sending, property-based round trips, and what is special to subscribers: addresses
 * unique per tenant whatever their case, and an unsubscribe that is idempotent, tells no one who
 * subscribes, and keeps the address out when it is added again until it explicitly subscribes.
 */
import { CreateSubscriberRequest, SubscribersService } from "@blocks-crm/comms"
import { Emulator } from "@blocks-crm/emulator"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_B, expectTag, raw, uuid } from "../support/TestEmulator.js"
import type { SentRequest, WireDocument, WireErrors } from "../support/TestEmulator.js"

/** The service over the file's emulator (tenant A unless told otherwise), and every request it sends. */
const connect = (apiKey?: string) =>
  Effect.gen(function*() {
    const info = yield* Emulator.Emulator
    const sent: Array<SentRequest> = []
    const options = TestEmulator.transportOptions(info, apiKey === undefined ? {} : { apiKey })
    const subscribers = yield* SubscribersService.pipe(
      Effect.provide(SubscribersService.Default.pipe(Layer.provide(TestEmulator.transportLayer(options, sent))))
    )
    return { subscribers, sent }
  })

let counter = 0
/** An address no other test of the file uses. */
const fresh = (name: string) => `${name}.${++counter}.${Date.now()}@example.com`

layer(TestEmulator.layer(), { excludeTestServices: true })("comms subscribers on the emulator", (it) => {
  describe("SubscribersService", () => {
    it.effect("create, get, list, update and delete round-trip every value", () =>
      Effect.gen(function*() {
        const { subscribers } = yield* connect()
        const email = fresh("ana")
        const created = yield* subscribers.create({
          email,
          firstName: "Ana",
          lastName: "Lima",
          phone: "+1-555-0100",
          source: "website",
          sourceId: "web-42",
          tags: ["newsletter", "product-updates"]
        })
        expect(created).toStrictEqual({
          uniqueId: created.uniqueId,
          email,
          firstName: "Ana",
          lastName: "Lima",
          phone: "+1-555-0100",
          source: "website",
          sourceId: "web-42",
          tags: ["newsletter", "product-updates"],
          status: "active",
          enabled: true,
          subscriptionStatus: "subscribed",
          subscriptionChangedAt: created.createdAt,
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(yield* subscribers.get(created.uniqueId)).toStrictEqual(created)

        const page = yield* subscribers.list({ records: 100 })
        expect(page.data.map((subscriber) => subscriber.uniqueId)).toContain(created.uniqueId)
        expect(page.meta.totalRecords).toBe(page.data.length)

        const updated = yield* subscribers.update(created.uniqueId, { lastName: "Lima Souza", tags: ["vip"] })
        expect(updated).toMatchObject({ uniqueId: created.uniqueId, lastName: "Lima Souza", tags: ["vip"] })
        expect(updated.updatedAt!.getTime()).toBeGreaterThan(created.updatedAt!.getTime())
        expect(yield* subscribers.get(created.uniqueId)).toMatchObject({ lastName: "Lima Souza", tags: ["vip"] })

        yield* subscribers.delete(created.uniqueId)
        expectTag(yield* Effect.flip(subscribers.get(created.uniqueId)), "NotFound")
      }))

    it.effect("an unknown id is NotFound for get, update and delete", () =>
      Effect.gen(function*() {
        const { subscribers } = yield* connect()
        expectTag(yield* Effect.flip(subscribers.get("no-such-subscriber")), "NotFound")
        expectTag(yield* Effect.flip(subscribers.update("no-such-subscriber", { firstName: "X" })), "NotFound")
        expectTag(yield* Effect.flip(subscribers.delete("no-such-subscriber")), "NotFound")
      }))

    it.effect("a body the API refuses is a 422 naming the field, for create, update and unsubscribe", () =>
      Effect.gen(function*() {
        const { subscribers } = yield* connect()
        const created = yield* subscribers.create({ email: fresh("body") })
        const cases = [
          ["POST", "/subscribers/", { subscriber: { email: "not-an-address" } }, "/subscriber/email"],
          ["POST", "/subscribers/", { subscriber: { first_name: "No address" } }, "/subscriber/email"],
          [
            "PUT",
            `/subscribers/${created.uniqueId}/`,
            { subscriber: { subscription_status: "maybe" } },
            "/subscriber/subscription_status"
          ],
          ["POST", "/communications/unsubscribe", { email: "nope" }, "/email"]
        ] as const
        for (const [method, path, body, pointer] of cases) {
          const response = yield* raw<WireErrors>(method, path, { body })
          expect(response.status, `${method} ${path}`).toBe(422)
          expect(response.json.errors.map((error) => error.source?.pointer), `${method} ${path}`).toEqual([pointer])
        }
      }))

    it.effect("invalid input is refused before anything is sent", () =>
      Effect.gen(function*() {
        const { sent, subscribers } = yield* connect()
        const invalid = expectTag(
          yield* Effect.flip(subscribers.create({ email: "nope", tags: [1] as unknown as Array<string> })),
          "InvalidInput"
        )
        expect(invalid.operation).toBe("subscribers.create")
        expect(invalid.issues.map((issue) => issue.path).sort()).toEqual(["email", "tags[0]"])
        expectTag(yield* Effect.flip(subscribers.update("some-id", {})), "InvalidInput")
        expectTag(yield* Effect.flip(subscribers.update("a/b", { firstName: "X" })), "InvalidInput")
        expectTag(yield* Effect.flip(subscribers.unsubscribe("not an address")), "InvalidInput")
        expectTag(yield* Effect.flip(subscribers.list({ records: 0 })), "InvalidInput")
        expect(sent).toEqual([])
      }))
  })

  describe("addresses", () => {
    it.effect("an address is unique per tenant whatever its case: a duplicate is a 422 on email", () =>
      Effect.gen(function*() {
        const { subscribers } = yield* connect()
        const email = fresh("Case")
        const first = yield* subscribers.create({ email })
        const duplicate = expectTag(
          yield* Effect.flip(subscribers.create({ email: email.toUpperCase() })),
          "ValidationFailed"
        )
        expect(duplicate.status).toBe(422)
        expect(duplicate.errors.map((error) => error.source?.pointer)).toEqual(["/subscriber/email"])

        // Moving another subscriber onto the address is refused the same way.
        const other = yield* subscribers.create({ email: fresh("other") })
        const moved = expectTag(
          yield* Effect.flip(subscribers.update(other.uniqueId, { email: email.toLowerCase() })),
          "ValidationFailed"
        )
        expect(moved.errors[0]?.detail).toContain("taken")
        // Its own address in another case is fine, and frees nothing.
        yield* subscribers.update(first.uniqueId, { email: email.toLowerCase() })
        expectTag(yield* Effect.flip(subscribers.create({ email })), "ValidationFailed")

        // Another tenant has its own addresses.
        const tenantB = yield* connect(API_KEY_B)
        expect((yield* tenantB.subscribers.create({ email })).email).toBe(email)

        // Deleting frees the address.
        yield* subscribers.delete(first.uniqueId)
        expect((yield* subscribers.create({ email })).subscriptionStatus).toBe("subscribed")
      }))
  })

  describe("unsubscribe", () => {
    it.effect("unsubscribes a subscriber, idempotently, and records when", () =>
      Effect.gen(function*() {
        const { subscribers } = yield* connect()
        const email = fresh("leaving")
        const subscriber = yield* subscribers.create({ email, firstName: "Leo" })
        const first = yield* subscribers.unsubscribe(email.toUpperCase())
        expect(first).toStrictEqual({ success: true, email: email.toUpperCase(), unsubscribedAt: first.unsubscribedAt })
        const after = yield* subscribers.get(subscriber.uniqueId)
        expect(after).toMatchObject({ subscriptionStatus: "unsubscribed", subscriptionChangedAt: first.unsubscribedAt })
        expect(after.updatedAt!.getTime()).toBeGreaterThan(subscriber.updatedAt!.getTime())

        // Again: the same answer, the same time, and the record does not move.
        const second = yield* subscribers.unsubscribe(email)
        expect(second).toStrictEqual({ success: true, email, unsubscribedAt: first.unsubscribedAt })
        expect(yield* subscribers.get(subscriber.uniqueId)).toStrictEqual(after)
      }))

    it.effect("answers an unknown address exactly as a known one: same status, same body shape", () =>
      Effect.gen(function*() {
        const { subscribers } = yield* connect()
        const known = fresh("known")
        yield* subscribers.create({ email: known })
        const unknown = fresh("unknown")
        const answers = []
        for (const email of [known, unknown]) {
          const response = yield* raw<Record<string, unknown>>("POST", "/communications/unsubscribe", {
            body: { email }
          })
          answers.push(response)
        }
        const [a, b] = answers
        expect(a!.status).toBe(200)
        expect(b!.status).toBe(a!.status)
        expect(Object.keys(b!.json).sort()).toEqual(Object.keys(a!.json).sort())
        expect(a!.json).toMatchObject({ success: true, email: known })
        expect(b!.json).toMatchObject({ success: true, email: unknown })
        expect(b!.headers.get("content-type")).toBe(a!.headers.get("content-type"))
      }))

    it.effect("a suppressed address stays out when added again, until it explicitly subscribes", () =>
      Effect.gen(function*() {
        const { subscribers } = yield* connect()
        // Unsubscribed before ever subscribing.
        const early = fresh("early")
        const suppression = yield* subscribers.unsubscribe(early)
        const added = yield* subscribers.create({ email: early })
        expect(added).toMatchObject({
          subscriptionStatus: "unsubscribed",
          subscriptionChangedAt: suppression.unsubscribedAt
        })

        // Unsubscribed, deleted, added again: still out.
        const email = fresh("returning")
        const first = yield* subscribers.create({ email })
        yield* subscribers.unsubscribe(email)
        yield* subscribers.delete(first.uniqueId)
        const readded = yield* subscribers.create({ email: email.toUpperCase() })
        expect(readded.subscriptionStatus).toBe("unsubscribed")
        // An unrelated update does not subscribe it.
        expect((yield* subscribers.update(readded.uniqueId, { firstName: "Rita" })).subscriptionStatus).toBe(
          "unsubscribed"
        )

        // The explicit re-subscribe.
        const back = yield* subscribers.update(readded.uniqueId, { subscriptionStatus: "subscribed" })
        expect(back.subscriptionStatus).toBe("subscribed")
        expect(back.subscriptionChangedAt!.getTime()).toBeGreaterThan(readded.subscriptionChangedAt!.getTime())
        // Off the suppression list: deleted and added again, it is subscribed.
        yield* subscribers.delete(readded.uniqueId)
        expect((yield* subscribers.create({ email })).subscriptionStatus).toBe("subscribed")
      }))

    it.effect("an update to unsubscribed suppresses the address too", () =>
      Effect.gen(function*() {
        const { subscribers } = yield* connect()
        const email = fresh("update-out")
        const subscriber = yield* subscribers.create({ email })
        const out = yield* subscribers.update(subscriber.uniqueId, { subscriptionStatus: "unsubscribed" })
        expect(out.subscriptionStatus).toBe("unsubscribed")
        yield* subscribers.delete(subscriber.uniqueId)
        expect((yield* subscribers.create({ email })).subscriptionStatus).toBe("unsubscribed")
        // Suppression is per tenant.
        const tenantB = yield* connect(API_KEY_B)
        expect((yield* tenantB.subscribers.create({ email })).subscriptionStatus).toBe("subscribed")
      }))

    it.effect("the subscriber's wire document carries the subscription state", () =>
      Effect.gen(function*() {
        const { subscribers } = yield* connect()
        const email = fresh("wire")
        const created = yield* subscribers.create({ email })
        yield* subscribers.unsubscribe(email)
        const response = yield* raw<WireDocument>("GET", `/subscribers/${created.uniqueId}`)
        expect(response.json.data.type).toBe("subscriber")
        expect(response.json.data.attributes).toMatchObject({
          email,
          subscription_status: "unsubscribed",
          status: "active",
          enabled: true
        })
      }))
  })

  describe("property-based", () => {
    it.effect("arbitrary valid create inputs round-trip client → emulator → client unchanged", () =>
      Effect.gen(function*() {
        const { subscribers } = yield* connect()
        const inputs = fc.sample(Arbitrary.make(CreateSubscriberRequest), { seed: 15, numRuns: 40 })
        for (const [index, generated] of inputs.entries()) {
          // Addresses are unique per tenant: make each one distinct, keeping the generated text.
          const input: CreateSubscriberRequest = { ...generated, email: `p${index}.${generated.email}` }
          const created = yield* subscribers.create(input)
          const {
            createdAt: _c,
            enabled: _e,
            status: _s,
            subscriptionChangedAt: _sc,
            subscriptionStatus: _ss,
            uniqueId: _u,
            updatedAt: _up,
            ...echoed
          } = created
          expect(echoed).toStrictEqual(input)
          expect(yield* subscribers.get(created.uniqueId)).toStrictEqual(created)
        }
      }))

    it.effect("arbitrary invalid create inputs fail with InvalidInput and send nothing", () =>
      Effect.gen(function*() {
        const { sent, subscribers } = yield* connect()
        const isValid = Schema.is(CreateSubscriberRequest)
        const invalid = fc.record({
          email: fc.oneof(fc.constantFrom("", " ", "a@b", "@x.io", "a b@c.de"), fc.string()),
          firstName: fc.oneof(fc.string(), fc.integer()),
          tags: fc.oneof(fc.array(fc.string()), fc.array(fc.integer(), { minLength: 1 }), fc.string())
        }, { requiredKeys: [] }).filter((input) => !isValid(input))
        const inputs = fc.sample(invalid, { seed: 16, numRuns: 60 })
        for (const input of inputs) {
          const error = expectTag(
            yield* Effect.flip(subscribers.create(input as unknown as CreateSubscriberRequest)),
            "InvalidInput"
          )
          expect(error.issues.length).toBeGreaterThan(0)
        }
        expect(sent).toEqual([])
      }))
  })

  it.effect("the emulator's OpenAPI document lists every subscriber endpoint", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      expect(response.status).toBe(200)
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/subscribers/")).toEqual(["get", "post"])
      expect(methods("/subscribers/{uniqueId}")).toEqual(["get"])
      expect(methods("/subscribers/{uniqueId}/")).toEqual(["delete", "put"])
      expect(methods("/communications/unsubscribe")).toEqual(["post"])
    }))
})
