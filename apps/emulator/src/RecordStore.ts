/**
 * Tenant-scoped storage of resources. Each collection keeps a domain model encoded by its own schema
 * (the wire attributes), so any domain, built-in or custom, stores its records without a migration.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"

export interface PageQuery {
  readonly page?: number | undefined
  readonly records?: number | undefined
  readonly search?: string | undefined
  readonly deleted?: boolean | undefined
  /** Archived records only (true) or live ones only (false, the default). */
  readonly archived?: boolean | undefined
  readonly parentId?: string | undefined
  /**
   * Only records whose stored (wire) attributes have these values, e.g. `{ account_id: id }`: read
   * from the record itself, so a change of the attribute moves the record, unlike `parentId`.
   */
  readonly attributes?: Readonly<Record<string, string>> | undefined
}

export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly page: number
  readonly records: number
  readonly totalRecords: number
  readonly totalPages: number
}

/** The reference's default page size. */
export const defaultRecords = 15

export interface Collection<A> {
  readonly list: (tenantId: string, query: PageQuery) => Effect.Effect<Page<A>, SqlError>
  readonly all: (
    tenantId: string,
    query: { readonly parentId?: string | undefined }
  ) => Effect.Effect<ReadonlyArray<A>, SqlError>
  readonly find: (
    tenantId: string,
    uniqueId: string,
    options?: { readonly parentId?: string | undefined; readonly deleted?: boolean | undefined }
  ) => Effect.Effect<Option.Option<A>, SqlError>
  readonly insert: (
    tenantId: string,
    record: A,
    options?: { readonly parentId?: string | undefined }
  ) => Effect.Effect<A, SqlError>
  readonly replace: (tenantId: string, record: A) => Effect.Effect<A, SqlError>
  /** Marks the record deleted; false when there was no live record. */
  readonly softDelete: (tenantId: string, uniqueId: string) => Effect.Effect<boolean, SqlError>
  /** Brings a deleted record back; none when there was no deleted record. */
  readonly recover: (tenantId: string, uniqueId: string) => Effect.Effect<Option.Option<A>, SqlError>
  /** Removes the record for good; false when there was none. */
  readonly remove: (
    tenantId: string,
    uniqueId: string,
    options?: { readonly parentId?: string | undefined }
  ) => Effect.Effect<boolean, SqlError>
}

export interface CollectionOptions<A> {
  readonly idOf: (record: A) => string
  /** The words `?search=` matches. */
  readonly searchText?: ((record: A) => string) | undefined
  /** Whether the record is archived: archived records are listed only with `archived: true`. */
  readonly isArchived?: ((record: A) => boolean) | undefined
}

export class RecordStore extends Context.Tag("@blocks-crm/emulator/RecordStore")<
  RecordStore,
  {
    /**
     * A collection of records of schema `S` (stored encoded). `idOf` gives a record's id and
     * `searchText` the words `?search=` matches.
     */
    readonly collection: <A, I>(
      name: string,
      schema: Schema.Schema<A, I>,
      options: CollectionOptions<A>
    ) => Collection<A>
  }
>() {}

interface Row {
  readonly data: string
}

export const layer: Layer.Layer<RecordStore, never, SqlClient.SqlClient> = Layer.effect(
  RecordStore,
  Effect.map(SqlClient.SqlClient, (sql) => ({
    collection: <A, I>(
      name: string,
      schema: Schema.Schema<A, I>,
      options: CollectionOptions<A>
    ): Collection<A> => {
      // Stored rows were written by this schema; a row that no longer decodes is a defect.
      const decode = Schema.decodeUnknownSync(Schema.parseJson(schema))
      const encode = Schema.encodeSync(Schema.parseJson(schema))
      const searchText = (record: A) => (options.searchText?.(record) ?? "").toLowerCase()
      const archived = (record: A) => (options.isArchived?.(record) === true ? 1 : 0)
      const scope = (tenantId: string, parentId: string | undefined, deleted: boolean) =>
        sql.and([
          sql`tenant_id = ${tenantId}`,
          sql`collection = ${name}`,
          parentId === undefined ? sql`1 = 1` : sql`parent_id = ${parentId}`,
          deleted ? sql`deleted_at IS NOT NULL` : sql`deleted_at IS NULL`
        ])

      const list: Collection<A>["list"] = (tenantId, query) =>
        Effect.gen(function*() {
          const page = query.page ?? 1
          const records = query.records ?? defaultRecords
          const search = query.search?.trim().toLowerCase()
          const where = sql.and([
            scope(tenantId, query.parentId, query.deleted ?? false),
            sql`archived = ${query.archived === true ? 1 : 0}`,
            search === undefined || search === "" ? sql`1 = 1` : sql`search_text LIKE ${`%${search}%`}`,
            ...Object.entries(query.attributes ?? {}).map(([key, value]) =>
              sql`json_extract(data, ${`$."${key}"`}) = ${value}`
            )
          ])
          const [count] = yield* sql<{ readonly total: number }>`SELECT COUNT(*) AS total FROM records WHERE ${where}`
          const totalRecords = count?.total ?? 0
          const offset = (page - 1) * records
          // A page past the end is empty without asking SQLite, which refuses offsets beyond 64 bits.
          const rows = offset >= totalRecords
            ? []
            : yield* sql<Row>`SELECT data FROM records WHERE ${where} ORDER BY seq LIMIT ${records} OFFSET ${offset}`
          return {
            items: rows.map((row) => decode(row.data)),
            page,
            records,
            totalRecords,
            totalPages: Math.ceil(totalRecords / records)
          }
        })

      return {
        list,
        all: (tenantId, query) =>
          Effect.map(
            sql<Row>`SELECT data FROM records WHERE ${
              scope(tenantId, query.parentId, false)
            } AND archived = 0 ORDER BY seq`,
            (rows) => rows.map((row) => decode(row.data))
          ),
        find: (tenantId, uniqueId, findOptions) =>
          Effect.map(
            // The most frequent query (every GET by id, every update) spelled flat: composing the
            // scope's fragments cost a quarter of its time.
            findOptions?.parentId === undefined && findOptions?.deleted !== true
              ? sql<Row>`SELECT data FROM records WHERE tenant_id = ${tenantId} AND collection = ${name}
                AND unique_id = ${uniqueId} AND deleted_at IS NULL`
              : sql<Row>`SELECT data FROM records WHERE ${
                scope(tenantId, findOptions?.parentId, findOptions?.deleted ?? false)
              } AND unique_id = ${uniqueId}`,
            (rows) => Option.map(Option.fromNullable(rows[0]), (row) => decode(row.data))
          ),
        insert: (tenantId, record, insertOptions) =>
          Effect.as(
            // Spelled flat rather than with `sql.insert`, which builds its fragment on every call.
            sql`INSERT INTO records (tenant_id, collection, unique_id, parent_id, data, search_text, archived)
              VALUES (${tenantId}, ${name}, ${options.idOf(record)}, ${insertOptions?.parentId ?? null}, ${
              encode(record)
            }, ${searchText(record)}, ${archived(record)})`,
            record
          ),
        replace: (tenantId, record) =>
          Effect.as(
            sql`UPDATE records SET data = ${encode(record)}, search_text = ${searchText(record)},
              archived = ${archived(record)}
              WHERE tenant_id = ${tenantId} AND collection = ${name} AND unique_id = ${options.idOf(record)}`,
            record
          ),
        softDelete: (tenantId, uniqueId) =>
          Effect.map(
            sql<{ readonly seq: number }>`UPDATE records SET deleted_at = ${new Date().toISOString()}
              WHERE ${scope(tenantId, undefined, false)} AND unique_id = ${uniqueId} RETURNING seq`,
            (rows) => rows.length > 0
          ),
        recover: (tenantId, uniqueId) =>
          Effect.map(
            sql<Row>`UPDATE records SET deleted_at = NULL
              WHERE ${scope(tenantId, undefined, true)} AND unique_id = ${uniqueId} RETURNING data`,
            (rows) => Option.map(Option.fromNullable(rows[0]), (row) => decode(row.data))
          ),
        remove: (tenantId, uniqueId, removeOptions) =>
          Effect.map(
            sql<{ readonly seq: number }>`DELETE FROM records WHERE ${
              scope(tenantId, removeOptions?.parentId, false)
            } AND unique_id = ${uniqueId} RETURNING seq`,
            (rows) => rows.length > 0
          )
      }
    }
  }))
)
