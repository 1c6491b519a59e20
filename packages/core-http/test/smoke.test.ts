import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { CrmConfig } from "@blocks-crm/core-http"

describe("smoke", () => {
  it.effect("config rejects blank token", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(CrmConfig.make({ apiUrl: "http://x", authToken: "", apiKey: "k" }))
      expect(error.problems.map((p) => p.name)).toEqual(["authToken"])
    }))
})
