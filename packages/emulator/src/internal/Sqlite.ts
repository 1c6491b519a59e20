/**
 * The emulator's SQLite client: @effect/sql's `SqlClient` over one better-sqlite3 connection, as
 * `@effect/sql-sqlite-node`'s `SqliteClient.make` builds it (the same statements, semaphore,
 * transactions and errors), with the connection's prepared statements kept where `Database.runner`
 * can run them directly.
 *
 * `SqliteClient.make` keeps its prepared statements in an Effect `Cache` behind the connection, and a
 * statement found there costs more than running it: hashing its text, the cache's clock and LRU
 * bookkeeping, Effect steps (an indexed SELECT: about 5 µs to run, 25 through the cache). The statements
 * here are a plain map by text, bounded and least-recently-used first out as the cache is.
 *
 * @internal
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as Client from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import { SqlError } from "@effect/sql/SqlError"
import * as Statement from "@effect/sql/Statement"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import { createRequire } from "node:module"

/** What this module uses of a better-sqlite3 statement (the package ships no types). */
export interface SqliteStatement {
  readonly reader: boolean
  all(...params: ReadonlyArray<unknown>): Array<any>
  run(...params: ReadonlyArray<unknown>): unknown
  raw(on: boolean): this
  safeIntegers(on: boolean): this
}

/** What this module uses of a better-sqlite3 database. */
interface SqliteDatabase {
  prepare(text: string): SqliteStatement
  pragma(text: string): unknown
  close(): void
  serialize(): Uint8Array
  backup(destination: string): Promise<any>
  loadExtension(path: string): void
}

// The emulator's own dependency, as @effect/sql-sqlite-node opens it.
const Sqlite = createRequire(import.meta.url)("better-sqlite3") as new(filename: string) => SqliteDatabase

/** A prepared statement by its text, prepared on first use; throws what better-sqlite3 throws. */
export type Prepare = (text: string) => SqliteStatement

/** How many prepared statements a connection keeps (`SqliteClient`'s default). */
const capacity = 200

/** The prepared statements of each client this module made. */
const prepared = new WeakMap<Client.SqlClient, Prepare>()

/** The prepared statements of `sql`, when this module made it. */
export const preparedOf = (sql: Client.SqlClient): Prepare | undefined => prepared.get(sql)

/** Runs a prepared statement: its rows, or (`raw`) better-sqlite3's result of a write. */
export const runPrepared = (
  statement: SqliteStatement,
  params: ReadonlyArray<unknown>,
  safeIntegers: boolean,
  raw = false
): unknown => {
  if (safeIntegers) statement.safeIntegers(true)
  if (statement.reader) return statement.all(...params)
  const result = statement.run(...params)
  return raw ? result : []
}

/**
 * Prepares and runs `text` in one step of `fiber` (better-sqlite3 is synchronous), failing with the
 * `SqlError`s `SqliteClient` gives.
 */
export const runIn = <A>(
  fiber: Fiber.RuntimeFiber<any, any>,
  prepare: Prepare,
  text: string,
  params: ReadonlyArray<unknown>,
  raw = false
): Effect.Effect<ReadonlyArray<A>, SqlError> => {
  let statement: SqliteStatement
  try {
    statement = prepare(text)
  } catch (cause) {
    return Effect.fail(new SqlError({ cause, message: "Failed to prepare statement " }))
  }
  try {
    const safeIntegers = Context.get(fiber.currentContext, Client.SafeIntegers)
    return Effect.succeed(runPrepared(statement, params, safeIntegers, raw) as ReadonlyArray<A>)
  } catch (cause) {
    return Effect.fail(new SqlError({ cause, message: "Failed to execute statement" }))
  }
}

const make = (filename: string) =>
  Effect.gen(function*() {
    const compiler = Statement.makeCompilerSqlite()
    const db = new Sqlite(filename)
    yield* Effect.addFinalizer(() => Effect.sync(() => db.close()))
    db.pragma("journal_mode = WAL")

    const statements = new Map<string, SqliteStatement>()
    const prepare: Prepare = (text) => {
      let statement = statements.get(text)
      if (statement !== undefined) {
        // Most recently used last, so the first is the one to drop.
        statements.delete(text)
      } else {
        statement = db.prepare(text)
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!)
      }
      statements.set(text, statement)
      return statement
    }

    const run = (text: string, params: ReadonlyArray<unknown>, raw = false) =>
      Effect.withFiberRuntime<ReadonlyArray<any>, SqlError>((fiber) => runIn(fiber, prepare, text, params, raw))

    const connection: Connection = {
      execute: (text, params, transformRows) =>
        transformRows ? Effect.map(run(text, params), transformRows) : run(text, params),
      executeRaw: (text, params) => run(text, params, true),
      executeValues: (text, params) =>
        Effect.try({
          try: () => {
            const statement = prepare(text)
            if (!statement.reader) {
              statement.run(...params)
              return []
            }
            statement.raw(true)
            try {
              return statement.all(...params) as Array<any>
            } finally {
              statement.raw(false)
            }
          },
          catch: (cause) => new SqlError({ cause, message: "Failed to execute statement" })
        }),
      executeUnprepared: (text, params, transformRows) => {
        const effect = Effect.try({
          try: () => runPrepared(db.prepare(text), params ?? [], false) as ReadonlyArray<any>,
          catch: (cause) => new SqlError({ cause, message: "Failed to execute statement" })
        })
        return transformRows ? Effect.map(effect, transformRows) : effect
      },
      executeStream: () => Effect.dieMessage("executeStream not implemented") as any
    }

    const semaphore = yield* Effect.makeSemaphore(1)
    const acquirer = semaphore.withPermits(1)(Effect.succeed(connection))
    const transactionAcquirer = Effect.uninterruptibleMask((restore) =>
      Effect.as(
        Effect.zipRight(
          restore(semaphore.take(1)),
          Effect.tap(Effect.scope, (scope) => Scope.addFinalizer(scope, semaphore.release(1)))
        ),
        connection
      )
    )
    const client = yield* Client.make({
      acquirer,
      compiler,
      transactionAcquirer,
      spanAttributes: [["db.system.name", "sqlite"]]
    })
    const sqlite = Object.assign(client, {
      [SqliteClient.TypeId]: SqliteClient.TypeId,
      config: { filename },
      export: Effect.try({
        try: () => db.serialize(),
        catch: (cause) => new SqlError({ cause, message: "Failed to export database" })
      }),
      backup: (destination: string) =>
        Effect.tryPromise({
          try: () => db.backup(destination),
          catch: (cause) => new SqlError({ cause, message: "Failed to backup database" })
        }),
      loadExtension: (path: string) =>
        Effect.try({
          try: () => {
            db.loadExtension(path)
            statements.clear()
          },
          catch: (cause) => new SqlError({ cause, message: "Failed to load extension" })
        })
    }) as unknown as SqliteClient.SqliteClient
    prepared.set(sqlite, prepare)
    return sqlite
  })

/** The client as both `SqliteClient` and `SqlClient`, as `SqliteClient.layer({ filename })` provides it. */
export const layer = (
  filename: string
): Layer.Layer<SqliteClient.SqliteClient | Client.SqlClient> =>
  Layer.scopedContext(
    Effect.map(make(filename), (client) =>
      Context.make(SqliteClient.SqliteClient, client).pipe(Context.add(Client.SqlClient, client)))
  ).pipe(Layer.provide(Reactivity.layer))
