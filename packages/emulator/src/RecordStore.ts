/**
 * Tenant-scoped storage of resources. Each collection keeps a domain model encoded by its own schema
 * (the wire attributes), so any domain, built-in or custom, stores its records without a migration.
 */
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import * as Database from "./Database.js"
import * as RecordEncoder from "./internal/RecordEncoder.js"

/** What a listing asks for: a page, its size, a search, and which records (deleted, archived, under a parent, by attribute). */
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
  /** Only records whose stored (wire) attributes meet these conditions (filters of a listing). */
  readonly where?: ReadonlyArray<Condition> | undefined
  /** The order: by one stored attribute, ties (and records without it) in insertion order. */
  readonly order?: Sort | undefined
}

/**
 * A condition on one stored (wire) attribute: equal to a value, or at least / at most it (ISO
 * timestamps compare as their text with milliseconds, `Date.toISOString`; numbers as numbers; a
 * boolean is 1 or 0, as SQLite's JSON reads it).
 */
export interface Condition {
  readonly attribute: string
  readonly op: "=" | ">=" | "<="
  readonly value: string | number
  /** The attribute holds ISO 8601 instants (compared in one width), and `value` is one (`toISOString`). */
  readonly instant?: boolean | undefined
  /** Or else this attribute has this value (a recurring busy block matches a window by its series). */
  readonly or?: { readonly attribute: string; readonly value: string | number } | undefined
}

/** An order by one stored (wire) attribute. SQLite puts records without it first ascending, last descending. */
export interface Sort {
  readonly attribute: string
  readonly descending: boolean
  /** The attribute holds ISO 8601 instants (ordered in one width). */
  readonly instant?: boolean | undefined
}

/** The path `json_extract` reads a stored attribute at. */
const jsonPath = (attribute: string) => `$."${attribute.replace(/"/g, "")}"`

/**
 * A stored attribute as it compares and sorts. A plain name is written into the statement
 * (`json_extract(data, '$."status"')`), so the expression index on status (`records_by_status`) can
 * serve it; any other name goes as a parameter. Timestamps are stored as the model encodes them,
 * without milliseconds when they are zero (`10:00:00Z` beside `10:00:00.500Z`), so an instant is read
 * in one width (`strftime`'s `.SSS`, as `Date.toISOString` writes it) to keep text order the order of time.
 */
const attributeText = (attribute: string, instant: boolean | undefined, params: Array<unknown>): string => {
  let read = `json_extract(data, '$."${attribute}"')`
  if (!/^[A-Za-z0-9_]+$/.test(attribute)) {
    params.push(jsonPath(attribute))
    read = "json_extract(data, ?)"
  }
  return instant === true ? `strftime('%Y-%m-%dT%H:%M:%fZ', ${read})` : read
}

/** The WHERE text and parameters of `conditions`, appended to `where` / `params`. */
const conditionsText = (conditions: ReadonlyArray<Condition>, params: Array<unknown>): string => {
  let text = ""
  for (const condition of conditions) {
    const compared = `${attributeText(condition.attribute, condition.instant, params)} ${condition.op} ?`
    params.push(condition.value)
    if (condition.or === undefined) {
      text += ` AND ${compared}`
    } else {
      text += ` AND (${compared} OR json_extract(data, ?) = ?)`
      params.push(jsonPath(condition.or.attribute), condition.or.value)
    }
  }
  return text
}

/** The ORDER BY text of `sort` (its parameters appended to `params`): always ending on `seq`, so pages are stable. */
const orderText = (sort: Sort | undefined, params: Array<unknown>): string =>
  sort === undefined
    ? "ORDER BY seq"
    : `ORDER BY ${attributeText(sort.attribute, sort.instant, params)} ${sort.descending ? "DESC" : "ASC"}, seq`

/** One page of a listing, with the totals the reference's `meta` reports. */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly page: number
  readonly records: number
  readonly totalRecords: number
  readonly totalPages: number
}

/** The reference's default page size. */
export const defaultRecords = 15

/** One collection of a tenant-scoped store: list, find, insert, replace, soft delete, recover, remove. */
export interface Collection<A> {
  readonly list: (tenantId: string, query: PageQuery) => Effect.Effect<Page<A>, SqlError>
  readonly all: (
    tenantId: string,
    query: {
      readonly parentId?: string | undefined
      readonly where?: ReadonlyArray<Condition> | undefined
      readonly order?: Sort | undefined
    }
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

/** How a collection reads its records: the id, the words `?search=` matches, whether one is archived. */
export interface CollectionOptions<A> {
  readonly idOf: (record: A) => string
  /** The words `?search=` matches. */
  readonly searchText?: ((record: A) => string) | undefined
  /** Whether the record is archived: archived records are listed only with `archived: true`. */
  readonly isArchived?: ((record: A) => boolean) | undefined
  /**
   * The collection whose records this one's are kept under (`parentId` is the parent's `idOf`), and the
   * wire attribute, if any, that names the parent in each record (`meeting_unique_id`). Fixtures nest
   * such records in their parent record, under this collection's name.
   */
  readonly parent?: { readonly collection: string; readonly attribute?: string | undefined } | undefined
}

/** The tenant-scoped record store every domain keeps its records in. */
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
    /** Every collection opened so far, by name, with the schema its records are written by (fixtures). */
    readonly opened: () => ReadonlyMap<string, OpenedCollection>
  }
>() {}

/** A collection some handler opened: its schema (the model), how it reads its records, and its store. */
export interface OpenedCollection {
  readonly schema: Schema.Schema<any, any>
  readonly options: CollectionOptions<any>
  readonly collection: Collection<any>
}

interface Row {
  readonly data: string
}

/**
 * The rows of a collection a statement may touch: its WHERE clause, with `?` for the tenant, the
 * collection and (when given) the parent, in that order.
 */
const scopeText = (withParent: boolean, deleted: boolean) =>
  `tenant_id = ? AND collection = ?${withParent ? " AND parent_id = ?" : ""} AND deleted_at IS ${
    deleted ? "NOT NULL" : "NULL"
  }`

const scopeParams = (tenantId: string, name: string, parentId: string | undefined): Array<unknown> =>
  parentId === undefined ? [tenantId, name] : [tenantId, name, parentId]

interface Codec {
  readonly decode: (data: string) => any
  readonly encode: (record: any) => string
}

/**
 * The JSON a record was stored as, and the schema that wrote it: kept for every record the store
 * reads or writes, so an answer can carry the stored JSON instead of encoding the record again
 * (`StoredAnswers`). Records are immutable (handlers spread them into new ones), so a record's
 * stored JSON never goes stale.
 */
export interface StoredJson {
  readonly text: string
  readonly schema: AST.AST
}

const storedJson = new WeakMap<object, StoredJson>()

/** The JSON `record` was read from or written as, when it came from (or went into) a collection unchanged. */
export const storedJsonOf = (record: unknown): StoredJson | undefined =>
  typeof record === "object" && record !== null ? storedJson.get(record) : undefined

/** How many records each codec keeps decoded, by the JSON they are stored as. */
const decodedCapacity = 512

/**
 * A collection's row codec, compiled on its first use and kept for the process: an emulator opens
 * every collection when it starts, and compiling them all was most of a first start's time. Rows are
 * decoded through core-http's compiled decoder (a JSON:API document's, `{ data: row }`): the same
 * values as Effect's parser, several times faster, and Effect's parser wherever it declines.
 *
 * The records last decoded are kept by the JSON they were decoded from, so reading a record again (a
 * test suite's second `get`, a page read twice) answers the record already decoded from the same text:
 * decoding is a function of the text, and records are immutable values (handlers spread them into new
 * ones), as their stored JSON already assumes.
 */
const codecOf = (schema: Schema.Schema<any, any>): Codec => {
  let codec = codecs.get(schema)
  if (codec === undefined) {
    let decode: ((document: unknown) => any) | undefined
    let encode: ((record: any) => string) | undefined
    let fastEncode: RecordEncoder.Encoder | undefined
    const decoded = new Map<string, object>()
    const keep = (data: string, record: unknown) => {
      if (typeof record === "object" && record !== null) storedJson.set(record, { text: data, schema: schema.ast })
    }
    codec = {
      decode: (data) => {
        const known = decoded.get(data)
        if (known !== undefined) return known
        const record = (decode ??= Schema.decodeUnknownSync(JsonApi.document(schema)))({ data: JSON.parse(data) })
        keep(data, record)
        if (typeof record === "object" && record !== null) {
          // The oldest entry goes first: a bounded map, in insertion order.
          if (decoded.size >= decodedCapacity) decoded.delete(decoded.keys().next().value!)
          decoded.set(data, record)
        }
        return record
      },
      encode: (record) => {
        // The compiled encoder's value as JSON, as `parseJson` writes it; Effect's encoder wherever
        // that fails (it reports the failure) or JSON cannot say the value.
        const value = (fastEncode ??= RecordEncoder.compile(schema.ast))(record)
        let data: string | undefined
        if (value !== RecordEncoder.Fallback) {
          try {
            data = JSON.stringify(value)
          } catch {
            data = undefined
          }
        }
        if (typeof data !== "string") data = (encode ??= Schema.encodeSync(Schema.parseJson(schema)))(record)
        keep(data, record)
        return data
      }
    }
    codecs.set(schema, codec)
  }
  return codec
}

const codecs = new WeakMap<Schema.Schema<any, any>, Codec>()

/** The record store over the emulator's SQLite `records` table. */
export const layer: Layer.Layer<RecordStore, never, SqlClient.SqlClient> = Layer.effect(
  RecordStore,
  Effect.map(SqlClient.SqlClient, (sql) => {
    // Statements are fixed texts with `?` parameters, run without @effect/sql's per-statement scope
    // and span (Database.runner): every request runs at least one of them.
    const run = Database.runner(sql)
    const findLive = `SELECT data FROM records WHERE ${scopeText(false, false)} AND unique_id = ?`
    const insertText = `INSERT INTO records (tenant_id, collection, unique_id, parent_id, data, search_text, archived)
      VALUES (?, ?, ?, ?, ?, ?, ?)`
    const replaceText = `UPDATE records SET data = ?, search_text = ?, archived = ?
      WHERE tenant_id = ? AND collection = ? AND unique_id = ?`
    const softDeleteText = `UPDATE records SET deleted_at = ?
      WHERE ${scopeText(false, false)} AND unique_id = ? RETURNING seq`
    const recoverText = `UPDATE records SET deleted_at = NULL
      WHERE ${scopeText(false, true)} AND unique_id = ? RETURNING data`
    const opened = new Map<string, OpenedCollection>()
    const open = <A, I>(
      name: string,
      schema: Schema.Schema<A, I>,
      options: CollectionOptions<A>
    ): Collection<A> => {
      // Stored rows were written by this schema; a row that no longer decodes is a defect.
      const { decode, encode } = codecOf(schema)
      const searchText = (record: A) => (options.searchText?.(record) ?? "").toLowerCase()
      const archived = (record: A) => (options.isArchived?.(record) === true ? 1 : 0)
      const decodeFirst = (rows: ReadonlyArray<Row>) =>
        Option.map(Option.fromNullable(rows[0]), (row) => decode(row.data))

      const list: Collection<A>["list"] = (tenantId, query) => {
        const page = query.page ?? 1
        const records = query.records ?? defaultRecords
        const search = query.search?.trim().toLowerCase()
        let where = `${scopeText(query.parentId !== undefined, query.deleted ?? false)} AND archived = ?`
        const params = scopeParams(tenantId, name, query.parentId)
        params.push(query.archived === true ? 1 : 0)
        if (search !== undefined && search !== "") {
          where += " AND search_text LIKE ?"
          params.push(`%${search}%`)
        }
        for (const [key, value] of Object.entries(query.attributes ?? {})) {
          where += " AND json_extract(data, ?) = ?"
          params.push(jsonPath(key), value)
        }
        where += conditionsText(query.where ?? [], params)
        const pageParams = [...params]
        const order = orderText(query.order, pageParams)
        return Effect.flatMap(
          run<{ readonly total: number }>(`SELECT COUNT(*) AS total FROM records WHERE ${where}`, params),
          ([count]) => {
            const totalRecords = count?.total ?? 0
            const offset = (page - 1) * records
            // A page past the end is empty without asking SQLite, which refuses offsets beyond 64 bits.
            const rows = offset >= totalRecords
              ? Effect.succeed<ReadonlyArray<Row>>([])
              : run<Row>(`SELECT data FROM records WHERE ${where} ${order} LIMIT ? OFFSET ?`, [
                ...pageParams,
                records,
                offset
              ])
            return Effect.map(rows, (rows) => ({
              items: rows.map((row) => decode(row.data)),
              page,
              records,
              totalRecords,
              totalPages: Math.ceil(totalRecords / records)
            }))
          }
        )
      }

      return {
        list,
        all: (tenantId, query) => {
          const params = scopeParams(tenantId, name, query.parentId)
          const where = `${scopeText(query.parentId !== undefined, false)} AND archived = 0${
            conditionsText(query.where ?? [], params)
          }`
          const order = orderText(query.order, params)
          return Effect.map(
            run<Row>(`SELECT data FROM records WHERE ${where} ${order}`, params),
            (rows) => rows.map((row) => decode(row.data))
          )
        },
        find: (tenantId, uniqueId, findOptions) =>
          Effect.map(
            findOptions?.parentId === undefined && findOptions?.deleted !== true
              ? run<Row>(findLive, [tenantId, name, uniqueId])
              : run<Row>(
                `SELECT data FROM records WHERE ${
                  scopeText(findOptions?.parentId !== undefined, findOptions?.deleted ?? false)
                } AND unique_id = ?`,
                [...scopeParams(tenantId, name, findOptions?.parentId), uniqueId]
              ),
            decodeFirst
          ),
        insert: (tenantId, record, insertOptions) =>
          Effect.as(
            run(insertText, [
              tenantId,
              name,
              options.idOf(record),
              insertOptions?.parentId ?? null,
              encode(record),
              searchText(record),
              archived(record)
            ]),
            record
          ),
        replace: (tenantId, record) =>
          Effect.as(
            run(replaceText, [
              encode(record),
              searchText(record),
              archived(record),
              tenantId,
              name,
              options.idOf(record)
            ]),
            record
          ),
        softDelete: (tenantId, uniqueId) =>
          Effect.map(
            run(softDeleteText, [new Date().toISOString(), tenantId, name, uniqueId]),
            (rows) => rows.length > 0
          ),
        recover: (tenantId, uniqueId) => Effect.map(run<Row>(recoverText, [tenantId, name, uniqueId]), decodeFirst),
        remove: (tenantId, uniqueId, removeOptions) =>
          Effect.map(
            run(
              `DELETE FROM records WHERE ${
                scopeText(removeOptions?.parentId !== undefined, false)
              } AND unique_id = ? RETURNING seq`,
              [...scopeParams(tenantId, name, removeOptions?.parentId), uniqueId]
            ),
            (rows) => rows.length > 0
          )
      }
    }
    return {
      collection: (name, schema, options) => {
        const collection = open(name, schema, options)
        if (!opened.has(name)) opened.set(name, { schema, options: options as CollectionOptions<any>, collection })
        return collection
      },
      opened: () => opened
    }
  })
)
