/**
 * `RecordCache`'s TTL on the TestClock, against the emulator (its own file: the emulator layer of
 * record-cache.test.ts runs without the test services).
 */
import { RecordCache } from "@blocks-crm/core-http"
import { LeadsService, PipelineServicesLive } from "@blocks-crm/pipeline"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import * as TestEmulator from "./support/TestEmulator.js"
import type { SentRequest } from "./support/TestEmulator.js"

describe("RecordCache TTL", () => {
  it.scoped("an entry is served until its TTL has passed on the clock, then asked again", () =>
    Effect.gen(function*() {
      // Starting the emulator and building the client put the live clock back in this fiber, so the
      // TestClock is named for each step that reads it.
      const testClock = yield* TestClock.testClock()
      const onTestClock = <A, E>(effect: Effect.Effect<A, E>) => Effect.withClock(effect, testClock)
      const info = yield* TestEmulator.start()
      const sent: Array<SentRequest> = []
      const leads = yield* LeadsService.pipe(
        Effect.provide(PipelineServicesLive.pipe(Layer.provide(Layer.merge(
          TestEmulator.transportLayer(TestEmulator.transportOptions(info), sent),
          RecordCache.layer({ ttl: "30 seconds", capacity: 10 })
        ))))
      )
      const crm = { leads, gets: () => sent.filter((request) => request.method === "GET").length }
      const lead = yield* crm.leads.create({ name: "Hooli" })
      yield* onTestClock(crm.leads.get(lead.uniqueId))
      yield* onTestClock(TestClock.adjust("29 seconds"))
      yield* onTestClock(crm.leads.get(lead.uniqueId))
      expect(crm.gets()).toBe(1)
      yield* onTestClock(TestClock.adjust("2 seconds"))
      yield* onTestClock(crm.leads.get(lead.uniqueId))
      expect(crm.gets()).toBe(2)
    }))
})
