/**
 * JSON:API documents as the CRM API sends them, decoded straight into domain models.
 *
 * `resource("lead", LeadAttributes)` reads `{ id, type: "lead", attributes: {...}, relationships }` and
 * yields the attributes' model; `document`, `listDocument` and `collection` wrap it in `{ data }`.
 * Request bodies are Rails-style: `wrapped("lead", CreateLeadRequest)` is `{ "lead": {...} }`.
 *
 * @since 0.1.0
 */
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { withFastDecoder } from "./internal/decodeHints.js"
import { withFastDecode } from "./internal/documentDecode.js"
import { exact } from "./internal/exactOptional.js"
import { RequestModelId } from "./internal/requestCheck.js"

/**
 * A linked record's identifier, `{ id, type }`, as a relationship's `data` carries it.
 *
 * @since 0.1.0
 */
export const ResourceIdentifier = Schema.Struct({ id: Schema.String, type: Schema.String })

/**
 * One entry of a resource's `relationships`: its `data`, the linked record(s) or `null` when none is
 * linked, is checked when present. JSON:API lets a relationship carry only `links` or `meta`, and a
 * newer API may add members: those are read past (the SDK reads no relationship into a model).
 *
 * @since 0.1.0
 */
export const Relationship = Schema.Struct({
  data: exact(Schema.NullOr(Schema.Union(ResourceIdentifier, Schema.Array(ResourceIdentifier))))
})

/**
 * A resource's `relationships` member, keyed by relationship name (`account`, `contact`, ...).
 *
 * @since 0.1.0
 */
export const Relationships = Schema.Record({ key: Schema.String, value: Relationship })

/**
 * The wire shape of one resource.
 *
 * @since 0.1.0
 */
export interface ResourceWire<Type extends string, I> {
  readonly id: string
  readonly type: Type
  readonly attributes: I
  readonly relationships?: typeof Relationships.Encoded | undefined
}

/** A Type side that is trusted as is: the attributes were validated on the way in. */
const trusted = <A>(identifier: string) =>
  withFastDecoder(Schema.declare((_: unknown): _ is A => true, { identifier }), (u) => u)

/**
 * How a model links to others, for the `relationships` member the server writes.
 *
 * @since 0.1.0
 */
export type RelationshipsOf<A> = (model: A) => Record<string, { readonly id: string; readonly type: string } | null>

/**
 * A JSON:API resource whose attributes decode to `A`. Decoding validates `type` and the attributes;
 * encoding (the emulator's side) writes `id` from the model and the relationships it declares.
 *
 * Valid resources decode through a decoder compiled once from the schema (lists of a thousand
 * resources are the hot path); anything it does not accept goes through Effect's parser, so failures
 * are reported exactly as the schema reports them. OpenAPI and JSON Schema see the wire struct as before.
 *
 * @example
 * ```ts
 * import { JsonApi } from "@blocks-crm/core-http"
 * import { Lead } from "@blocks-crm/pipeline"
 *
 * // { id, type: "lead", attributes: { unique_id, name, ... } } decodes to a Lead.
 * const LeadResource = JsonApi.resource("lead", Lead, { id: (lead) => lead.uniqueId })
 * ```
 *
 * @since 0.1.0
 */
export const resource = <const Type extends string, A, I>(
  type: Type,
  attributes: Schema.Schema<A, I>,
  options: {
    readonly id: (model: A) => string
    readonly relationships?: RelationshipsOf<A> | undefined
  }
): Schema.Schema<A, ResourceWire<Type, I>> => {
  const wire = Schema.Struct({
    id: Schema.String,
    type: Schema.Literal(type),
    attributes,
    relationships: Schema.optional(Relationships)
  })
  const schema = Schema.transform(wire, trusted<A>(type), {
    strict: false,
    decode: (resource) => resource.attributes,
    encode: (model: A) => {
      const links = options.relationships?.(model)
      const relationships = links === undefined ? undefined : Object.fromEntries(
        Object.entries(links).filter(([, v]) => v !== null).map(([k, v]) => [k, { data: v }])
      )
      return {
        id: options.id(model),
        type,
        attributes: model,
        ...(relationships !== undefined && Object.keys(relationships).length > 0 ? { relationships } : {})
      }
    }
  })
  // Decoding returns the attributes only: the compiled path checks the other members without copying them.
  return withFastDecode(schema, { project: "attributes" }) as any
}

/**
 * `{ "data": resource }` → the model: the success body of a get, a create or an update.
 *
 * @example
 * ```ts
 * import { JsonApi } from "@blocks-crm/core-http"
 * import { LeadResource } from "@blocks-crm/pipeline"
 * import { Schema } from "effect"
 *
 * const LeadDocument = JsonApi.document(LeadResource)
 * const decodeLead = Schema.decodeUnknown(LeadDocument) // a response body → Effect<Lead, ParseError>
 * ```
 *
 * @since 0.1.0
 */
export const document = <A, I>(resourceSchema: Schema.Schema<A, I>): Schema.Schema<A, { readonly data: I }> =>
  withFastDecode(
    Schema.transform(Schema.Struct({ data: resourceSchema }), trusted<A>("Document"), {
      strict: false,
      decode: (doc) => doc.data,
      encode: (data) => ({ data })
    }),
    { project: "data" }
  ) as any

/**
 * `{ "data": [resource, ...] }` without pagination → the models.
 *
 * @since 0.1.0
 */
export const collection = <A, I>(
  resourceSchema: Schema.Schema<A, I>
): Schema.Schema<ReadonlyArray<A>, { readonly data: ReadonlyArray<I> }> =>
  withFastDecode(
    Schema.transform(Schema.Struct({ data: Schema.Array(resourceSchema) }), trusted<ReadonlyArray<A>>("Collection"), {
      strict: false,
      decode: (doc) => doc.data,
      encode: (data) => ({ data })
    }),
    { project: "data" }
  ) as any

/**
 * Totals of a listing. `page` and `records` are present when the server reports them
 * (`current_page` / `per_page`); the reference's own meta has only the totals.
 *
 * @since 0.1.0
 */
export interface PageMeta {
  readonly totalPages: number
  readonly totalRecords: number
  readonly page?: number
  readonly records?: number
}

/**
 * One page of a listing.
 *
 * @since 0.1.0
 */
export interface PageResult<A> {
  readonly data: ReadonlyArray<A>
  readonly meta: PageMeta
}

const WireMeta = Schema.Struct({
  totalPages: Schema.optional(Schema.Int),
  totalRecords: Schema.optional(Schema.Int),
  total_pages: Schema.optional(Schema.Int),
  total_count: Schema.optional(Schema.Int),
  total_records: Schema.optional(Schema.Int),
  current_page: Schema.optional(Schema.Int),
  per_page: Schema.optional(Schema.Int)
})

/**
 * List `meta`: the reference's `totalPages`/`totalRecords`, or the live API's snake_case
 * `total_pages`/`total_count`/`current_page`/`per_page`. Totals missing in both forms are a decode error.
 *
 * @since 0.1.0
 */
export const Meta: Schema.Schema<PageMeta, typeof WireMeta.Encoded> = Schema.transformOrFail(
  WireMeta,
  trusted<PageMeta>("PageMeta"),
  {
    strict: false,
    decode: (wire, _, ast) => {
      const totalPages = wire.totalPages ?? wire.total_pages
      const totalRecords = wire.totalRecords ?? wire.total_count ?? wire.total_records
      if (totalPages === undefined || totalRecords === undefined) {
        return ParseResult.fail(
          new ParseResult.Type(
            ast,
            wire,
            `missing ${totalPages === undefined ? "totalPages (or total_pages)" : "totalRecords (or total_count)"}`
          )
        )
      }
      const meta: { -readonly [K in keyof PageMeta]: PageMeta[K] } = { totalPages, totalRecords }
      if (wire.current_page !== undefined) meta.page = wire.current_page
      if (wire.per_page !== undefined) meta.records = wire.per_page
      return ParseResult.succeed(meta)
    },
    // A server (the emulator) writes both spellings, so clients of either convention read their own.
    encode: (meta: PageMeta) =>
      ParseResult.succeed({
        totalPages: meta.totalPages,
        totalRecords: meta.totalRecords,
        total_pages: meta.totalPages,
        total_count: meta.totalRecords,
        ...(meta.page !== undefined ? { current_page: meta.page } : {}),
        ...(meta.records !== undefined ? { per_page: meta.records } : {})
      })
  }
).annotations({ identifier: "PageMeta" })

/**
 * `{ "data": [...], "meta": {...} }` → a `PageResult`: the success body of a paginated listing.
 *
 * @example
 * ```ts
 * import { JsonApi } from "@blocks-crm/core-http"
 * import { LeadResource } from "@blocks-crm/pipeline"
 * import { Schema } from "effect"
 *
 * const LeadList = JsonApi.listDocument(LeadResource)
 * const page = Schema.decodeUnknownSync(LeadList)({ data: [], meta: { total_pages: 0, total_count: 0 } })
 * page.meta.totalRecords // 0
 * ```
 *
 * @since 0.1.0
 */
export const listDocument = <A, I>(
  resourceSchema: Schema.Schema<A, I>
): Schema.Schema<PageResult<A>, { readonly data: ReadonlyArray<I>; readonly meta: typeof WireMeta.Encoded }> =>
  withFastDecode(Schema.Struct({ data: Schema.Array(resourceSchema), meta: Meta })) as any

/**
 * A Rails-style request body: `wrapped("lead", S)` is `{ "lead": S }`. A caller passes `S`'s model, and
 * the derived client checks it against `S` before sending; `model` replaces `S` for that check when the
 * caller's model says more than the wire body (a rule across attributes that the server reports
 * itself, under the wire's names).
 *
 * @since 0.1.0
 */
export const wrapped = <const Key extends string, A, I>(
  key: Key,
  schema: Schema.Schema<A, I>,
  options?: { readonly model?: Schema.Schema<A, any> }
): Schema.Schema<A, { readonly [K in Key]: I }> =>
  // Servers validate with every error reported, so a 422 names each invalid field.
  Schema.transform(Schema.Struct({ [key]: schema } as { [K in Key]: Schema.Schema<A, I> }), trusted<A>(key), {
    strict: false,
    decode: (body) => (body as unknown as Record<Key, A>)[key],
    encode: (value) => ({ [key]: value }) as any
  }).annotations({ parseOptions: { errors: "all" }, [RequestModelId]: options?.model ?? schema }) as any

/**
 * One JSON:API error object.
 *
 * @since 0.1.0
 */
export const ErrorObject = Schema.Struct({
  status: Schema.optional(Schema.String),
  code: Schema.optional(Schema.String),
  title: Schema.optional(Schema.String),
  detail: Schema.optional(Schema.String),
  source: Schema.optional(Schema.Struct({
    pointer: Schema.optional(Schema.String),
    parameter: Schema.optional(Schema.String)
  }))
})

/**
 * The error body: `{ "errors": [...] }`.
 *
 * @since 0.1.0
 */
export const ErrorDocument = Schema.Struct({ errors: Schema.Array(ErrorObject) })

/** A number some servers write where JSON:API has a string (`"status": 422`), read as its decimal text. */
const NumberAsText = Schema.transform(Schema.Number, Schema.String, {
  strict: true,
  decode: (n) => String(n),
  encode: (s) => Number(s)
})

/**
 * One error object as a client reads it from any server: `ErrorObject`, with `status` and `code` also
 * taken from a JSON number (`422` reads as `"422"`, its own text; nothing is made up).
 *
 * @since 0.2.0
 */
export const ErrorObjectFromResponse = Schema.Struct({
  ...ErrorObject.fields,
  status: Schema.optional(Schema.Union(Schema.String, NumberAsText)),
  code: Schema.optional(Schema.Union(Schema.String, NumberAsText))
})
