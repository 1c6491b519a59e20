/**
 * RecordStore runs its statements without @effect/sql's per-statement scope and span
 * (`Database.runner`); these tests hold it to what the client's own statements guarantee: a
 * statement outside a transaction waits for it, a statement inside uses its connection, failures are
 * `SqlError`s, and with tracing on each statement is an `sql.execute` span.
 */
import { Database, RecordStore } from "@blocks-crm/emulator"
import { describe, expect, layer } from "@effect/vitest"
import * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as Tracer from "effect/Tracer"

const Note = Schema.Struct({ id: Schema.String, text: Schema.String })
type Note = typeof Note.Type

const notes = Effect.map(
  RecordStore.RecordStore,
  (store) => store.collection("notes", Note, { idOf: (note) => note.id, searchText: (note) => note.text })
)

/** As the emulator serves requests: without tracing, so statements take the runner's own path. */
const untraced = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.withTracerEnabled(effect, false)

const testLayer = RecordStore.layer.pipe(Layer.provideMerge(Database.layer(":memory:")))

layer(testLayer)("RecordStore statements", (it) => {
  describe("transactions", () => {
    it.effect("a read outside a transaction waits for it, and never sees what it rolls back", () =>
      untraced(Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const collection = yield* notes
        const written = yield* Deferred.make<void>()
        const release = yield* Deferred.make<void>()
        const transaction = yield* Effect.fork(sql.withTransaction(Effect.gen(function*() {
          yield* collection.insert("tenant-wait", { id: "uncommitted", text: "draft" })
          yield* Deferred.succeed(written, undefined)
          yield* Deferred.await(release)
          return yield* Effect.fail("roll back" as const)
        })))
        yield* Deferred.await(written)
        const reader = yield* Effect.fork(collection.find("tenant-wait", "uncommitted"))
        yield* Effect.repeatN(Effect.yieldNow(), 20)
        // On the one connection, a read that did not wait would run inside the open transaction.
        expect(reader.unsafePoll()).toBeNull()
        yield* Deferred.succeed(release, undefined)
        expect(yield* Effect.flip(Fiber.join(transaction))).toBe("roll back")
        expect(yield* Fiber.join(reader)).toEqual(Option.none())
      })))

    it.effect("statements inside a transaction use its connection: committed together, or rolled back together", () =>
      untraced(Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const collection = yield* notes
        const seen = yield* sql.withTransaction(Effect.gen(function*() {
          yield* collection.insert("tenant-tx", { id: "kept", text: "one" })
          yield* collection.replace("tenant-tx", { id: "kept", text: "two" })
          return yield* collection.find("tenant-tx", "kept")
        }))
        expect(seen).toEqual(Option.some({ id: "kept", text: "two" }))
        const failed = yield* Effect.flip(sql.withTransaction(Effect.gen(function*() {
          yield* collection.insert("tenant-tx", { id: "dropped", text: "three" })
          yield* collection.softDelete("tenant-tx", "kept")
          return yield* Effect.fail("roll back" as const)
        })))
        expect(failed).toBe("roll back")
        expect(yield* collection.find("tenant-tx", "dropped")).toEqual(Option.none())
        expect(yield* collection.find("tenant-tx", "kept")).toEqual(Option.some({ id: "kept", text: "two" }))
      })))
  })

  describe("runner", () => {
    it.effect("a statement SQLite refuses fails with a SqlError, traced or not; others answer their rows", () =>
      Effect.gen(function*() {
        const run = Database.runner(yield* SqlClient.SqlClient)
        for (const tracing of [false, true]) {
          const error = yield* Effect.flip(run("SELECT data FROM no_such_table WHERE id = ?", ["x"])).pipe(
            Effect.withTracerEnabled(tracing)
          )
          expect(error).toBeInstanceOf(SqlError)
          const rows = yield* run<{ readonly answer: number }>("SELECT ? + ? AS answer", [40, 2]).pipe(
            Effect.withTracerEnabled(tracing)
          )
          expect(rows).toEqual([{ answer: 42 }])
        }
      }))

    it.effect("with tracing on, each statement is an sql.execute span with its text; with tracing off, none", () =>
      Effect.gen(function*() {
        const collection = yield* notes
        const spans: Array<Tracer.Span> = []
        const native = yield* Effect.tracer
        const recording = Tracer.make({
          span: (...args) => {
            const span = native.span(...args)
            spans.push(span)
            return span
          },
          context: native.context
        })
        yield* collection.insert("tenant-span", { id: "traced", text: "hello" })
        const found = yield* collection.find("tenant-span", "traced").pipe(
          Effect.withTracer(recording),
          Effect.withTracerEnabled(true)
        )
        expect(found).toEqual(Option.some({ id: "traced", text: "hello" }))
        const executed = spans.filter((span) => span.name === "sql.execute")
        expect(executed).toHaveLength(1)
        expect(executed[0]!.attributes.get("db.query.text")).toMatch(/^SELECT data FROM records WHERE/)
        spans.length = 0
        yield* collection.find("tenant-span", "traced").pipe(
          Effect.withTracer(recording),
          Effect.withTracerEnabled(false)
        )
        expect(spans.filter((span) => span.name === "sql.execute")).toEqual([])
      }))
  })
})
