/**
 * The record store writes records through an encoder compiled from the model (`internal/RecordEncoder`):
 * held here to Effect's encoder, the JSON `parseJson(model)` writes, for arbitrary records of every
 * built-in model, and to its failures for records altered one attribute at a time (which must leave
 * the compiled path for Effect's, so the store reports what it always reported).
 */
import { Database, RecordStore } from "@blocks-crm/emulator"
import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as FastCheck from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as RecordEncoder from "../src/internal/RecordEncoder.js"
import { models } from "./support/Models.js"

/** What Effect's encoder writes for `record`, or `undefined` where it fails. */
const effectJson = (model: Schema.Schema<any, any>, record: unknown): string | undefined => {
  const encoded = Schema.encodeEither(Schema.parseJson(model))(record)
  return Either.isRight(encoded) ? encoded.right : undefined
}

/** What the compiled encoder writes, or `undefined` where it falls back to Effect's. */
const compiledJson = (model: Schema.Schema<any, any>, record: unknown): string | undefined => {
  const value = RecordEncoder.compile(model.ast)(record)
  return value === RecordEncoder.Fallback ? undefined : JSON.stringify(value)
}

/** Values of other types than an attribute's, and an attribute taken away. */
const alterations: ReadonlyArray<unknown> = [undefined, null, 42, "text", true, {}, [], new Date(Number.NaN), -1.5]

describe("records encoded by the compiled encoder", () => {
  it("write the JSON Effect's encoder writes, for arbitrary records of every built-in model", () => {
    let compared = 0
    for (const ast of models) {
      const model = Schema.make(ast)
      for (const record of FastCheck.sample(Arbitrary.make(model), { numRuns: 10, seed: 7 })) {
        const expected = effectJson(model, record)
        expect(expected).toBeTypeOf("string")
        expect(compiledJson(model, record)).toBe(expected)
        compared++
      }
    }
    expect(models.size).toBeGreaterThan(50)
    expect(compared).toBe(models.size * 10)
  })

  it("fall back exactly where Effect's encoder fails, and agree everywhere else, attribute by attribute", () => {
    let failures = 0
    for (const ast of models) {
      const model = Schema.make(ast)
      const [record] = FastCheck.sample(Arbitrary.make(model), { numRuns: 1, seed: 11 }) as Array<object>
      for (const key of Object.keys(record!)) {
        const absent: Record<string, unknown> = { ...record }
        delete absent[key]
        for (const altered of [absent, ...alterations.map((value) => ({ ...record, [key]: value }))]) {
          const expected = effectJson(model, altered)
          expect(compiledJson(model, altered), `${String(key)} of ${String(ast)}`).toBe(expected)
          if (expected === undefined) failures++
        }
      }
    }
    // Most alterations break a record: the fallback was exercised, not only the fast path.
    expect(failures).toBeGreaterThan(500)
  })

  it.effect("a record the model refuses fails the insert with Effect's encoding error, as before", () =>
    Effect.gen(function*() {
      const Note = Schema.Struct({ id: Schema.String, at: Schema.Date })
      const notes = (yield* RecordStore.RecordStore).collection("notes", Note, { idOf: (note) => note.id })
      const exit = yield* Effect.exit(
        Effect.suspend(() => notes.insert("tenant", { id: "n1", at: new Date(Number.NaN) }))
      )
      expect(Exit.isFailure(exit) && ParseResult.isParseError(Cause.squash(exit.cause))).toBe(true)
      const stored = yield* notes.insert("tenant", { id: "n2", at: new Date(Date.UTC(2026, 0, 2)) })
      expect(RecordStore.storedJsonOf(stored)?.text).toBe(`{"id":"n2","at":"2026-01-02T00:00:00.000Z"}`)
    }).pipe(Effect.provide(RecordStore.layer.pipe(Layer.provideMerge(Database.layer(":memory:"))))))
})
