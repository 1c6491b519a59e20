/**
 * Where the compiled decoders run: on Node (this test's runtime, `#decoding` resolved with the `node`
 * condition) every document decodes through them; in other runtimes (`internal/decoding.ts`, what a
 * browser bundle gets) only once `FastDecode.install` has run, so a page that does not ask for them
 * does not bundle the compiler (tools/bench's BundleSize test checks the bundle).
 */
import { FastDecode, JsonApi } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Schema from "effect/Schema"
import { Fallback, withFastDecoder } from "../src/internal/decodeHints.js"
import * as BrowserDecoding from "../src/internal/decoding.js"
import { compileWrapped } from "../src/internal/fastDecode.js"
import * as Timestamp from "../src/internal/timestamp.js"
import * as Decoding from "#decoding"

/** A string field whose hand-written fast decoder counts its calls: only the compiled path calls it. */
const counted = () => {
  let calls = 0
  const Name = withFastDecoder(Schema.String.annotations({ identifier: "CountedName" }), (u) => {
    calls++
    return typeof u === "string" ? u : Fallback
  })
  const document = JsonApi.document(JsonApi.resource("thing", Schema.Struct({ name: Name }), { id: () => "t1" }))
  return { document, calls: () => calls }
}

const body = { data: { id: "t1", type: "thing", attributes: { name: "Ada" } } }

describe("compiled decoders", () => {
  it("decode every document on Node, with no install", () => {
    expect(FastDecode.installed()).toBe(true)
    const { calls, document } = counted()
    expect(Schema.decodeUnknownSync(document)(body)).toStrictEqual({ name: "Ada" })
    expect(calls()).toBe(1)
  })

  it("timestamps are read digit by digit on Node, by the reference reading elsewhere (same instants)", () => {
    expect(Decoding.parseTimestamp).toBe(Timestamp.parseTimestamp)
    expect(BrowserDecoding.parseTimestamp).toBe(Timestamp.parseTimestampReference)
  })

  it("elsewhere are absent until installed, then decode as declared", () => {
    const { document } = counted()
    const inner = (document.ast as unknown as { readonly typeParameters: ReadonlyArray<Schema.Schema.Any["ast"]> })
      .typeParameters[0]!
    expect(BrowserDecoding.isInstalled()).toBe(false)
    expect(BrowserDecoding.compiledDecoder(inner, "data")).toBeUndefined()
    BrowserDecoding.install(compileWrapped)
    expect(BrowserDecoding.isInstalled()).toBe(true)
    const decode = BrowserDecoding.compiledDecoder(inner, "data")!
    expect(decode(body, {})).toStrictEqual({ name: "Ada" })
    expect(decode({ data: { id: "t1", type: "thing", attributes: { name: 1 } } }, {})).toBe(Fallback)
  })
})
