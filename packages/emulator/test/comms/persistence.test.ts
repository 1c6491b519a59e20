/**
 * The comms state outlives the emulator: on the same SQLite file, a restarted emulator still keeps an
 * unsubscribed address out, still refuses a taken name, and still has the Mandrill draft and counters.
 */
import { Emulator } from "@blocks-crm/emulator"
import { expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as TestEmulator from "../support/TestEmulator.js"
import type { WireDocument } from "../support/TestEmulator.js"
import { raw } from "../support/TestEmulator.js"

const tempDir = Effect.acquireRelease(
  Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "crm-comms-test-"))),
  (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
)

const withEmulator = <A, E, R>(database: string, f: Effect.Effect<A, E, R | Emulator.Emulator>) =>
  Effect.scoped(
    Effect.flatMap(TestEmulator.start({ database }), (info) => Effect.provideService(f, Emulator.Emulator, info))
  )

it.scopedLive("suppressions, unique names and Mandrill state survive a restart on the same SQLite file", () =>
  Effect.gen(function*() {
    const database = path.join(yield* tempDir, "emulator.db")
    const templateId = yield* withEmulator(
      database,
      Effect.gen(function*() {
        const subscriber = yield* raw<WireDocument>("POST", "/subscribers/", {
          body: { subscriber: { email: "kept.out@example.com" } }
        })
        expect(subscriber.status).toBe(201)
        expect((yield* raw("POST", "/communications/unsubscribe", { body: { email: "kept.out@example.com" } })).status)
          .toBe(200)
        expect((yield* raw("DELETE", `/subscribers/${subscriber.json.data.id}/`)).status).toBe(204)
        const template = yield* raw<WireDocument>("POST", "/mailtemplates", {
          body: { template: { name: "Persistent welcome", from_subject: "Hi {{first_name}}" } }
        })
        expect(template.status).toBe(201)
        const id = template.json.data.id
        expect((yield* raw("POST", "/mailtemplates/mandrill/create", { body: { mandrill: { unique_id: id } } })).status)
          .toBe(201)
        expect((yield* raw("PUT", "/__emulator/mandrill/stats", { body: { unique_id: id, sent_count: 7 } })).status)
          .toBe(200)
        return id
      })
    )

    yield* withEmulator(
      database,
      Effect.gen(function*() {
        const again = yield* raw<WireDocument>("POST", "/subscribers/", {
          body: { subscriber: { email: "Kept.Out@example.com" } }
        })
        expect(again.status).toBe(201)
        expect(again.json.data.attributes["subscription_status"]).toBe("unsubscribed")
        const duplicate = yield* raw("POST", "/mailtemplates", { body: { template: { name: "PERSISTENT WELCOME" } } })
        expect(duplicate.status).toBe(422)
        const stats = yield* raw<WireDocument>("GET", `/mailtemplates/mandrill/stats?unique_id=${templateId}`)
        expect(stats.status).toBe(200)
        expect(stats.json.data.attributes["sent_count"]).toBe(7)
        const published = yield* raw<WireDocument>("PUT", "/mailtemplates/mandrill/publish", {
          body: { mandrill: { unique_id: templateId } }
        })
        expect(published.json.data.attributes["published"]).toEqual({ from_subject: "Hi {{first_name}}" })
      })
    )
  }))
