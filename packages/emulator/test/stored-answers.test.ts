/**
 * Answers written around stored JSON (`StoredAnswers`, through `Resources.group`) are the bytes the
 * endpoint's success schema encodes, and decode with it: checked for every success schema of every
 * built-in domain that holds a resource, with arbitrary records of the resource's model stored and
 * read back through a real RecordStore (the JSON the answer carries is the stored one).
 */
import { Database, RecordStore } from "@blocks-crm/emulator"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as FastCheck from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { answerer } from "../src/StoredAnswers.js"
import { attributeModels, models, successes } from "./support/Models.js"

/** The endpoints whose answers can be written around stored JSON. */
const answering = successes.flatMap((success) => {
  const answer = answerer(success.schema)
  return answer === undefined ? [] : [{ ...success, answer }]
})

const store = RecordStore.layer.pipe(Layer.provideMerge(Database.layer(":memory:")))

/** Arbitrary records of `model`, stored and read back: each carries the JSON it is stored as. */
const storedRecords = (model: Schema.Schema<any, any>, index: number) =>
  Effect.gen(function*() {
    const ids = new WeakMap<object, string>()
    const collection = (yield* RecordStore.RecordStore).collection(`model_${index}`, model, {
      idOf: (record) => ids.get(record) ?? ""
    })
    const read: Array<unknown> = []
    for (const [i, sample] of FastCheck.sample(Arbitrary.make(model), { numRuns: 4, seed: 42 }).entries()) {
      ids.set(sample, `r${i}`)
      yield* collection.insert("tenant", sample)
      read.push(Option.getOrThrow(yield* collection.find("tenant", `r${i}`)))
    }
    return read
  })

describe("answers written around stored JSON", () => {
  it.effect("are the bytes the success schema encodes, for every built-in resource that has records", () =>
    Effect.gen(function*() {
      let compared = 0
      let index = 0
      const answered = new Set<string>()
      for (const modelAst of models) {
        const model = Schema.make(modelAst)
        const records = yield* storedRecords(model, index++)
        for (const { answer, ...success } of answering) {
          const values = [
            ...records,
            { data: records, meta: { totalPages: 3, totalRecords: 31, page: 2, records: 15 } },
            records
          ]
          for (const value of values) {
            const response = answer(value)
            if (response === undefined) continue
            const text = response.body._tag === "Uint8Array" ? new TextDecoder().decode(response.body.body) : ""
            const encoded = Schema.encodeEither(success.schema)(value)
            expect(encoded._tag, success.name).toBe("Right")
            expect(text, success.name).toBe(JSON.stringify(Option.getOrThrow(Option.getRight(encoded))))
            expect(Schema.decodeUnknownEither(success.schema)(JSON.parse(text))._tag, success.name).toBe("Right")
            compared++
            answered.add(success.name)
          }
        }
      }
      // Every model ran (63 today), and each built-in domain's gets, creates and pages were compared.
      expect(index).toBe(models.size)
      expect(compared).toBeGreaterThan(200)
      // Creates too: their success is annotated with its status (201), which annotates a copy of the
      // document's surrogate; those answers once went to the schema's encoder.
      const creates = answering.filter((success) =>
        HttpApiSchema.getStatusSuccessAST(success.schema.ast) === 201 &&
        attributeModels(success.schema.ast, new Set()).size > 0
      )
      expect(creates.map((success) => success.name)).toContain("pipeline leads create")
      expect(creates.filter((success) => !answered.has(success.name)).map((success) => success.name)).toEqual([])
    }).pipe(Effect.provide(store)))
})
