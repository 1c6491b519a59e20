/**
 * The emulator's SQLite database: a file by default, `:memory:` for tests. Migrations run on start.
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import type { Row } from "@effect/sql/SqlConnection"
import type { SqlError } from "@effect/sql/SqlError"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as Sqlite from "./internal/Sqlite.js"
import * as SqliteMigrator from "@effect/sql-sqlite-node/SqliteMigrator"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"

/**
 * Where the database lives when no `--db` is given: `CRM_EMULATOR_DB` if set (`:memory:` works), else
 * `$XDG_DATA_HOME/blocks-crm/emulator.db` (or the platform's user data directory), falling back to
 * `./.crm/emulator.db`.
 */
export const defaultDatabasePath = (): string => {
  const configured = process.env.CRM_EMULATOR_DB?.trim()
  if (configured !== undefined && configured !== "") return configured
  const home = os.homedir()
  const dataHome = process.env.XDG_DATA_HOME ??
    (process.platform === "darwin"
      ? path.join(home, "Library", "Application Support")
      : process.platform === "win32"
      ? process.env.APPDATA ?? path.join(home, "AppData", "Roaming")
      : path.join(home, ".local", "share"))
  const candidate = path.join(dataHome, "blocks-crm", "emulator.db")
  try {
    fs.mkdirSync(path.dirname(candidate), { recursive: true })
    fs.accessSync(path.dirname(candidate), fs.constants.W_OK)
    return candidate
  } catch {
    return path.resolve(".crm", "emulator.db")
  }
}

/** Records of every domain live in one table: each row is one resource's attributes as JSON. */
const migrations = {
  "0001_records": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.all([
      sql`CREATE TABLE records (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL,
        collection TEXT NOT NULL,
        unique_id TEXT NOT NULL,
        parent_id TEXT,
        data TEXT NOT NULL,
        search_text TEXT NOT NULL DEFAULT '',
        deleted_at TEXT,
        UNIQUE (tenant_id, collection, unique_id)
      )`,
      sql`CREATE INDEX records_listing ON records (tenant_id, collection, parent_id, deleted_at, seq)`
    ])),
  "0002_idempotency_keys": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql`CREATE TABLE idempotency_keys (
      tenant_id TEXT NOT NULL,
      idempotency_key TEXT NOT NULL,
      method TEXT NOT NULL,
      path TEXT NOT NULL,
      status INTEGER NOT NULL,
      content_type TEXT,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, idempotency_key)
    )`),
  // Listings without a parent filter ORDER BY seq: without this index SQLite sorts the tenant's whole
  // collection for every page (0.87 s a page at 100k rows; 8 ms with it).
  "0003_records_listing_by_seq": Effect.flatMap(
    SqlClient.SqlClient,
    (sql) => sql`CREATE INDEX records_listing_by_seq ON records (tenant_id, collection, deleted_at, seq)`
  ),
  // A key reused with a different body answers 422; the hash of the first body tells them apart.
  "0004_idempotency_fingerprint": Effect.flatMap(
    SqlClient.SqlClient,
    (sql) => sql`ALTER TABLE idempotency_keys ADD COLUMN fingerprint TEXT`
  ),
  // Archived records (accounts, contacts) leave the main listing but are neither deleted nor trashed.
  "0005_records_archived": Effect.flatMap(
    SqlClient.SqlClient,
    (sql) => sql`ALTER TABLE records ADD COLUMN archived INTEGER NOT NULL DEFAULT 0`
  ),
  // Presigned uploads (account logos, documents): the pending key until its bytes arrive, then the
  // bytes themselves, counted per tenant for storage.
  "0006_uploads": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.all([
      sql`CREATE TABLE uploads (
        upload_key TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        scope TEXT NOT NULL,
        filename TEXT NOT NULL,
        content_type TEXT,
        expires_at INTEGER NOT NULL,
        size INTEGER,
        bytes BLOB,
        uploaded_at TEXT,
        record_id TEXT
      )`,
      sql`CREATE INDEX uploads_by_tenant ON uploads (tenant_id)`
    ])),
  // Credentials the companies domain issues (API keys, exchanged and impersonation tokens), by the
  // SHA-256 of the secret: the secret itself is never stored.
  "0007_credentials": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.all([
      sql`CREATE TABLE credentials (
        secret_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        company TEXT NOT NULL,
        key_id TEXT,
        enabled INTEGER NOT NULL DEFAULT 1,
        expires_at INTEGER,
        acting_as TEXT
      )`,
      sql`CREATE INDEX credentials_by_key ON credentials (tenant_id, key_id)`
    ])),
  // Listings filtered by status (the reference's advice for smaller answers) read this index instead of
  // every record's JSON: `status=active&sort=-value`, a page with its count, 2.6 → 0.56 ms at 1,000 records,
  // 16 → 2.8 ms at 10,000 (SQLite alone, idle machine); an insert costs about the same with it.
  "0008_records_by_status": Effect.flatMap(
    SqlClient.SqlClient,
    (sql) => sql`CREATE INDEX records_by_status ON records (tenant_id, collection, json_extract(data, '$."status"'))`
  ),
  // Only records kept under a parent are read by parent (`parent_id = ?`, which SQLite knows implies
  // `IS NOT NULL`, so the partial index serves it): top-level records (leads, accounts) no longer write
  // an entry they are never found by, one index fewer on every create.
  "0009_records_listing_children_only": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.all([
      sql`DROP INDEX records_listing`,
      sql`CREATE INDEX records_listing ON records (tenant_id, collection, parent_id, deleted_at, seq)
        WHERE parent_id IS NOT NULL`
    ], { discard: true })),
  // `seq` only orders records (insertion order, and ties): a plain rowid key is given the largest
  // `seq` plus one, which keeps that order, without AUTOINCREMENT's write to `sqlite_sequence` on
  // every create. A rowid of a record removed for good may be given again; nothing refers to one.
  "0010_records_rowid_seq": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.all([
      sql`CREATE TABLE records_next (
        seq INTEGER PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        collection TEXT NOT NULL,
        unique_id TEXT NOT NULL,
        parent_id TEXT,
        data TEXT NOT NULL,
        search_text TEXT NOT NULL DEFAULT '',
        deleted_at TEXT,
        archived INTEGER NOT NULL DEFAULT 0,
        UNIQUE (tenant_id, collection, unique_id)
      )`,
      sql`INSERT INTO records_next (seq, tenant_id, collection, unique_id, parent_id, data, search_text, deleted_at, archived)
        SELECT seq, tenant_id, collection, unique_id, parent_id, data, search_text, deleted_at, archived FROM records`,
      sql`DROP TABLE records`,
      sql`ALTER TABLE records_next RENAME TO records`,
      sql`CREATE INDEX records_listing ON records (tenant_id, collection, parent_id, deleted_at, seq)
        WHERE parent_id IS NOT NULL`,
      sql`CREATE INDEX records_listing_by_seq ON records (tenant_id, collection, deleted_at, seq)`,
      sql`CREATE INDEX records_by_status ON records (tenant_id, collection, json_extract(data, '$."status"'))`
    ], { discard: true }))
}

/** The migrations in order, for a database created at once. */
const steps: ReadonlyArray<Effect.Effect<unknown, SqlError, SqlClient.SqlClient>> = Object.values(migrations)

/**
 * SQLite at `filename` (`:memory:` for a throwaway database), migrated.
 */
export class DatabaseError extends Data.TaggedError("DatabaseError")<{
  readonly filename: string
  readonly reason: string
}> {
  override get message() {
    return `The emulator could not open its database at ${this.filename}: ${this.reason}`
  }
}

const failure = (filename: string) => (cause: Cause.Cause<unknown>) => {
  const error = Cause.squash(cause)
  return new DatabaseError({ filename, reason: error instanceof Error ? error.message : String(error) })
}

/** The emulator's SQLite database at `filename` (`:memory:` for a throwaway one), migrated. */
export const layer = (
  filename: string
): Layer.Layer<SqlClient.SqlClient | SqliteClient.SqliteClient, DatabaseError> => {
  const directory = filename === ":memory:"
    ? Effect.void
    : Effect.asVoid(Effect.try(() => fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true })))
  const client = Layer.unwrapEffect(Effect.as(directory, Sqlite.layer(filename))).pipe(
    Layer.map((context) => {
      const sql = counted(Context.get(context, SqliteClient.SqliteClient))
      return context.pipe(Context.add(SqliteClient.SqliteClient, sql), Context.add(SqlClient.SqlClient, sql))
    })
  )
  // A database in memory starts empty and ends with the process: its tables are created at once, in one
  // transaction, without the migrator's bookkeeping (its table, its lock, a transaction per migration).
  const schema = filename === ":memory:"
    ? Layer.effectDiscard(
      Effect.flatMap(
        SqlClient.SqlClient,
        (sql) => sql.withTransaction(Effect.forEach(steps, (migration) => migration, { discard: true }))
      )
    )
    : Layer.merge(
      SqliteMigrator.layer({ loader: Migrator.fromRecord(migrations) }).pipe(Layer.provide(NodeContext.layer)),
      // WAL (the client's default) with synchronous=NORMAL: a commit is a write to the log, without an
      // fsync each time. A committed transaction survives the process being killed (the log is in the
      // OS's cache); only a crash of the OS itself may lose the last commits, which a local emulator can
      // afford.
      Layer.effectDiscard(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`PRAGMA synchronous = NORMAL`))
    )
  return Layer.provideMerge(schema, client).pipe(
    Layer.catchAllCause((cause) => Layer.fail(failure(filename)(cause)))
  )
}

/** The tables that hold tenants' data (emptied by `reset`); the migrations table stays. */
export const tenantTables: ReadonlyArray<string> = ["records", "uploads", "idempotency_keys", "credentials"]

/** Runs one statement, `?` placeholders bound to `params` in order; answers its rows. */
export type Run = <A extends object = Row>(
  text: string,
  params: ReadonlyArray<unknown>
) => Effect.Effect<ReadonlyArray<A>, SqlError>

/**
 * What `sql.unsafe(text, params)` does, for the statements every request runs, without what
 * @effect/sql builds around each one (a scope, a disabled span, the client's semaphore, the prepared
 * statement looked up in an Effect cache): an indexed SELECT took 36 µs through `sql`, about 5 this way.
 * The emulator's client (internal/Sqlite.ts) keeps its prepared statements where this runs them, in one
 * step, on the client's one connection, while no transaction is open (this client's are counted); a
 * transaction's own statements, statements while another's is open, and everything with tracing on go
 * through `sql.unsafe`, as does every statement of a client made elsewhere.
 */
export const runner = (sql: SqlClient.SqlClient): Run => {
  let run = runners.get(sql)
  if (run === undefined) {
    run = makeRunner(sql)
    runners.set(sql, run)
  }
  return run
}

/** One runner per client, so a caller may ask for it on every request. */
const runners = new WeakMap<SqlClient.SqlClient, Run>()

/** A client's transactions, begun or waiting for the connection: a statement skips the client only while there are none. */
interface Traffic {
  transactions: number
}

const traffic = new WeakMap<SqlClient.SqlClient, Traffic>()

/** The prepared statements of the (counted) clients made by internal/Sqlite.ts. */
const preparedStatements = new WeakMap<SqlClient.SqlClient, Sqlite.Prepare>()

/** The client, with its transactions counted (`Traffic`); everything else is the client's own. */
const counted = <C extends SqlClient.SqlClient>(sql: C): C => {
  const state: Traffic = { transactions: 0 }
  const withTransaction: SqlClient.SqlClient["withTransaction"] = (effect) =>
    Effect.suspend(() => {
      state.transactions++
      return Effect.ensuring(
        sql.withTransaction(effect),
        Effect.sync(() => {
          state.transactions--
        })
      )
    })
  const client = new Proxy(sql, {
    get: (target, key) => (key === "withTransaction" ? withTransaction : Reflect.get(target, key, target))
  })
  traffic.set(client, state)
  const prepare = Sqlite.preparedOf(sql)
  if (prepare !== undefined) preparedStatements.set(client, prepare)
  return client
}

const makeRunner = (sql: SqlClient.SqlClient): Run => {
  const state = traffic.get(sql)
  const prepare = preparedStatements.get(sql)
  if (state === undefined || prepare === undefined) return (text, params) => sql.unsafe(text, params)
  // better-sqlite3 runs a statement synchronously: in this one step no transaction can begin.
  return <A extends object>(text: string, params: ReadonlyArray<unknown>) =>
    Effect.withFiberRuntime<ReadonlyArray<A>, SqlError>((fiber) =>
      state.transactions > 0 || fiber.getFiberRef(FiberRef.currentTracerEnabled)
        ? sql.unsafe<A>(text, params)
        : Sqlite.runIn<A>(fiber, prepare, text, params)
    )
}
