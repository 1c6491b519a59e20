/**
 * Fixtures: records a test or a demo starts with, loaded at start (`--seed <file>`, `seed:`) through
 * the schemas the handlers store them with. A file is loaded whole or not at all: every record is
 * decoded first, then all of them are written in one transaction; the first bad record is named by its
 * path in the file.
 *
 *   {
 *     "tenants": {
 *       "pk_local_emulator": {
 *         "pipeline": { "leads": [{ "name": "Acme renewal", "value": 40000, "status": "active" }] },
 *         "accounts": { "accounts": { "data": [{ "type": "account", "id": "acc-1", "attributes": { "name": "Acme" } }] } }
 *       }
 *     }
 *   }
 *
 * Tenants are named by their API key, domains by name, collections as the emulator stores them
 * (`leads`, `accounts`, `contacts`, `users`, `meetings`, …). A record is what the API answers for it:
 * its snake_case attributes, or a JSON:API resource object (`id` is its `unique_id`); a collection may
 * also be a JSON:API list document (`{ "data": [...] }`). `unique_id`, `created_at` and `updated_at`
 * are filled in when absent; every other required attribute must be there. Records kept under another
 * (a lead's follow-ups, a meeting's participants, a user's calendar accounts, busy blocks and ICS
 * tokens) are nested in their parent record under their collection's name; the attribute that names
 * the parent (`meeting_unique_id`) is filled in from it:
 *
 *   "scheduling": { "meetings": [{ "title": "Kick-off", …, "meeting_participants": [{ "email": "ada@example.com", … }] }] }
 *
 * The calendar domain's `provider_calendars` are what a calendar sync imports, by the account's e-mail
 * (see `domains/calendar/ProviderCalendars.ts`).
 */
import * as SqlClient from "@effect/sql/SqlClient"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as fs from "node:fs"
import { tenantIdOf } from "./Credentials.js"
import type { Seeds } from "./Credentials.js"
import { type OpenedCollection, RecordStore } from "./RecordStore.js"
import { newId } from "./domains/Resources.js"

/** The fixtures themselves: records by tenant (API key), domain and collection. */
export interface FixtureFile {
  readonly tenants: {
    readonly [apiKey: string]: {
      readonly [domain: string]: {
        readonly [collection: string]: ReadonlyArray<unknown> | { readonly data: ReadonlyArray<unknown> }
      }
    }
  }
}

/** Fixtures from a file (a path) or given as a value. */
export type Source = string | FixtureFile

/** A fixture the emulator refused at start: the file, the path of the first bad record and why. */
export class FixtureError extends Data.TaggedError("FixtureError")<{
  readonly source: string
  readonly path: string
  readonly reason: string
}> {
  override get message() {
    return `The emulator refused its fixtures (${this.source}) at ${this.path || "the top level"}: ${this.reason}`
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const key = (name: string) => /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`

/** The wire attribute names a schema's records have, when its encoded side is a struct. */
const wireNames = (schema: Schema.Schema<any, any>): ReadonlySet<string> | undefined => {
  const ast = SchemaAST.encodedAST(schema.ast)
  return SchemaAST.isTypeLiteral(ast) ? new Set(ast.propertySignatures.map((p) => String(p.name))) : undefined
}

/** A record as stored: a JSON:API resource object unwrapped, id and timestamps filled in when absent. */
const attributesOf = (
  record: Record<string, unknown>,
  names: ReadonlySet<string> | undefined,
  now: string
): Record<string, unknown> => {
  const attributes: Record<string, unknown> = isObject(record["attributes"]) && typeof record["type"] === "string"
    ? { unique_id: record["id"], ...record["attributes"] }
    : { ...record }
  const defaults: Record<string, unknown> = { unique_id: newId(), created_at: now, updated_at: now }
  for (const [name, value] of Object.entries(defaults)) {
    if (attributes[name] === undefined && (names === undefined || names.has(name))) attributes[name] = value
  }
  return attributes
}

interface Row {
  readonly path: string
  readonly tenantId: string
  readonly collection: string
  readonly record: unknown
  readonly parentId: string | undefined
}

/** The records of a collection's value in the file: an array, or a JSON:API list document's `data`. */
const recordsOf = (value: unknown): ReadonlyArray<unknown> | undefined =>
  Array.isArray(value) ? value : isObject(value) && Array.isArray(value["data"]) ? value["data"] : undefined

/**
 * Decodes every record of `source` and writes them all in one transaction, or fails with the first
 * bad record's path and writes nothing. `domains` are the names of the served domains.
 */
export const load = (
  source: Source,
  options: { readonly domains: ReadonlyArray<string>; readonly seeds: Seeds }
): Effect.Effect<void, FixtureError, RecordStore | SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const name = typeof source === "string" ? source : "the seed option"
    const refuse = (path: string, reason: string) => new FixtureError({ source: name, path, reason })
    const file: unknown = typeof source === "string"
      ? yield* Effect.try({
        try: () => JSON.parse(fs.readFileSync(source, "utf8")),
        catch: (error) => refuse("", error instanceof Error ? error.message : String(error))
      })
      : source
    if (!isObject(file) || !isObject(file["tenants"])) {
      return yield* Effect.fail(refuse("", `expected { "tenants": { "<api key>": { "<domain>": { ... } } } }`))
    }
    const store = yield* RecordStore
    const opened = store.opened()
    const now = new Date().toISOString()
    const rows: Array<Row> = []
    // The collections nested in a record of each collection, by their name in the record.
    const children = new Map<string, Map<string, OpenedCollection>>()
    for (const [name, child] of opened) {
      const parent = child.options.parent?.collection
      if (parent !== undefined) children.set(parent, new Map(children.get(parent)).set(name, child))
    }
    /** Decodes the records of `value` into `rows`, each after its parent and before its own children. */
    const collect = (
      tenantId: string,
      collection: string,
      value: unknown,
      collectionPath: string,
      parent: { readonly id: string; readonly attribute: string | undefined } | undefined
    ): FixtureError | undefined => {
      const target = opened.get(collection)!
      const records = recordsOf(value)
      if (records === undefined) return refuse(collectionPath, `expected an array of records or { "data": [...] }`)
      const names = wireNames(target.schema)
      const nested = children.get(collection) ?? new Map<string, OpenedCollection>()
      const decode = Schema.decodeUnknownEither(target.schema, { onExcessProperty: "error" })
      for (const [index, record] of records.entries()) {
        const path = `${collectionPath}${Array.isArray(value) ? "" : ".data"}[${index}]`
        if (!isObject(record)) return refuse(path, "expected an object")
        const attributes = attributesOf(record, names, now)
        const kept: Array<[string, unknown]> = []
        for (const name of nested.keys()) {
          if (name in attributes && !(names?.has(name) ?? false)) {
            kept.push([name, attributes[name]])
            delete attributes[name]
          }
        }
        if (parent?.attribute !== undefined && names?.has(parent.attribute) !== false) {
          if (attributes[parent.attribute] === undefined) attributes[parent.attribute] = parent.id
          else if (attributes[parent.attribute] !== parent.id) {
            return refuse(
              `${path}${key(parent.attribute)}`,
              `names another parent than the record it is nested in (${parent.id})`
            )
          }
        }
        const decoded = decode(attributes)
        if (Either.isLeft(decoded)) {
          const issue = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)[0]
          const at = issue === undefined ? "" : issue.path.map((segment) => key(String(segment))).join("")
          return refuse(`${path}${at}`, issue?.message ?? "does not decode")
        }
        rows.push({ path, tenantId, collection, record: decoded.right, parentId: parent?.id })
        const id = target.options.idOf(decoded.right)
        for (const [name, childValue] of kept) {
          const child = nested.get(name)!
          const failure = collect(tenantId, name, childValue, `${path}${key(name)}`, {
            id,
            attribute: child.options.parent?.attribute
          })
          if (failure !== undefined) return failure
        }
      }
      return undefined
    }
    for (const [apiKey, domains] of Object.entries(file["tenants"])) {
      const tenantPath = `tenants${key(apiKey)}`
      if (!options.seeds.apiKeys.includes(apiKey)) {
        return yield* Effect.fail(
          refuse(tenantPath, `not an API key of this emulator (${options.seeds.apiKeys.join(", ")})`)
        )
      }
      if (!isObject(domains)) return yield* Effect.fail(refuse(tenantPath, "expected an object of domains"))
      for (const [domain, collections] of Object.entries(domains)) {
        const domainPath = `${tenantPath}${key(domain)}`
        if (!options.domains.includes(domain)) {
          return yield* Effect.fail(refuse(domainPath, `no such domain here (${options.domains.join(", ")})`))
        }
        if (!isObject(collections)) return yield* Effect.fail(refuse(domainPath, "expected an object of collections"))
        for (const [collection, value] of Object.entries(collections)) {
          const collectionPath = `${domainPath}${key(collection)}`
          const target = opened.get(collection)
          if (target === undefined) {
            return yield* Effect.fail(
              refuse(collectionPath, `no such collection (${[...opened.keys()].sort().join(", ")})`)
            )
          }
          const parent = target.options.parent
          if (parent !== undefined) {
            return yield* Effect.fail(
              refuse(collectionPath, `kept under a record of ${parent.collection}: nest these in their parent record`)
            )
          }
          const failure = collect(tenantIdOf(apiKey), collection, value, collectionPath, undefined)
          if (failure !== undefined) return yield* Effect.fail(failure)
        }
      }
    }
    const sql = yield* SqlClient.SqlClient
    yield* sql.withTransaction(
      Effect.forEach(rows, (row) =>
        Effect.mapError(
          opened.get(row.collection)!.collection.insert(row.tenantId, row.record, { parentId: row.parentId }),
          (error) =>
            refuse(
              row.path,
              /UNIQUE/.test(String(error.cause)) ? "a record with this unique_id is already loaded" : error.message
            )
        ), { discard: true })
    ).pipe(Effect.catchTag("SqlError", (error) => Effect.fail(refuse("", error.message))))
  })
