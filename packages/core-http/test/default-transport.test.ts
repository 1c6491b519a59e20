/**
 * `DefaultTransport`: Node.js resolves the package's `node` export condition (undici first, fetch when
 * named); every other runtime loads `src/DefaultTransport.ts` (fetch only). Both build and release
 * synchronously when nothing was sent, so `createCrmClient` can throw a bad setting at once.
 */
import * as DefaultTransport from "@blocks-crm/core-http/DefaultTransport"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Elsewhere from "../src/DefaultTransport.js"

const settings = { apiUrl: "http://127.0.0.1:9", authToken: "tok_default_transport", apiKey: "pk_default_transport" }

/** Builds the layer and releases it at once, synchronously, as createCrmClient's runtime does. */
const buildSync = <A, E>(layer: Layer.Layer<A, E>) => Effect.runSyncExit(Effect.scoped(Layer.build(layer)))

describe("DefaultTransport", () => {
  it("on Node.js picks undici, and runs either transport by name", () => {
    expect(DefaultTransport.picked).toBe("undici")
    expect(DefaultTransport.available).toEqual(["undici", "fetch"])
    for (const name of [undefined, "undici", "fetch"] as const) {
      expect(Exit.isSuccess(buildSync(DefaultTransport.layer(settings, name)))).toBe(true)
    }
    expect(DefaultTransport.problem("fetch")).toBeUndefined()
    expect(DefaultTransport.problem("xhr")).toBe(`must be "undici" or "fetch", got "xhr"`)
  })

  it("elsewhere picks fetch and refuses undici with a ConfigurationError naming the transport", () => {
    expect(Elsewhere.picked).toBe("fetch")
    expect(Elsewhere.available).toEqual(["fetch"])
    expect(Exit.isSuccess(buildSync(Elsewhere.layer(settings)))).toBe(true)
    expect(buildSync(Elsewhere.layer(settings, "undici"))).toEqual(Exit.fail(expect.objectContaining({
      _tag: "ConfigurationError",
      problems: [{ name: "transport", problem: `"undici" runs on Node.js only; this runtime has "fetch"` }]
    })))
    expect(Elsewhere.problem(42)).toBe(`must be "undici" (Node.js) or "fetch", got number`)
  })

  it("a bad setting fails the build synchronously with the settings' ConfigurationError, on either transport", () => {
    for (const name of ["undici", "fetch"] as const) {
      const exit = buildSync(DefaultTransport.layer({ ...settings, apiUrl: "ftp://example.test" }, name))
      expect(exit).toEqual(Exit.fail(expect.objectContaining({ _tag: "ConfigurationError" })))
    }
  })
})
