/**
 * Pages of a listing, and a lazy stream over all of them.
 *
 * @since 0.1.0
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Queue from "effect/Queue"
import * as Stream from "effect/Stream"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import type { Simplify } from "effect/Types"
import { PageLimitExceeded } from "./CrmError.js"
import type { PageResult } from "./JsonApi.js"
import { exact } from "./internal/exactOptional.js"

/**
 * The totals and one page of a listing. Declared with the list document that decodes them (`JsonApi`),
 * so that module needs nothing from this one.
 *
 * @since 0.1.0
 */
export type { PageMeta, PageResult } from "./JsonApi.js"

/**
 * `page` (1-based) and `records` (page size), as the API takes them.
 *
 * @since 0.1.0
 */
export interface PageParams {
  readonly page?: number | undefined
  readonly records?: number | undefined
}

/**
 * The `maxPages` of a stream when none is given: it stops a server that keeps claiming more pages than
 * it could possibly have.
 *
 * @since 0.1.0
 */
export const defaultMaxPages = 10_000

/**
 * A lazy stream over every item of a listing: a page is fetched only when the stream needs its items;
 * the stream ends after the last page (`totalPages`) or at the first empty page. A server that never
 * ends (more than `maxPages` pages) fails the stream with `PageLimitExceeded` instead of looping forever.
 * Services already offer it as `stream`; use it for a listing of your own.
 *
 * @example
 * ```ts
 * import { Pagination } from "@blocks-crm/core-http"
 * import { LeadsService } from "@blocks-crm/pipeline"
 * import { Effect, Stream } from "effect"
 *
 * const qualified = Stream.unwrap(Effect.map(LeadsService, (leads) =>
 *   Pagination.stream((page) => leads.search("enterprise", { page, records: 100 }))
 * )).pipe(Stream.filter((lead) => lead.stage === "qualified"))
 * ```
 *
 * @since 0.1.0
 */
export const stream = <A, E, R>(
  fetchPage: (page: number) => Effect.Effect<PageResult<A>, E, R>,
  options?: {
    readonly startPage?: number | undefined
    readonly maxPages?: number | undefined
    /** Pages fetched ahead while the current one is consumed. 0 (the default) keeps the stream fully lazy. */
    readonly prefetch?: number | undefined
  }
): Stream.Stream<A, E | PageLimitExceeded, R> => {
  const start = options?.startPage ?? 1
  const maxPages = options?.maxPages ?? defaultMaxPages
  const prefetch = options?.prefetch ?? 0
  // The state is the next page and the total the last page reported (for the error).
  type State = readonly [page: number, reportedTotalPages: number]
  const next = (
    [page, reportedTotalPages]: State
  ): Effect.Effect<readonly [Chunk.Chunk<A>, State | undefined], E | PageLimitExceeded, R> =>
    page - start >= maxPages
      ? Effect.fail(new PageLimitExceeded({ maxPages, reportedTotalPages }))
      : Effect.map(fetchPage(page), (result) => {
        const last = result.data.length === 0 || page >= result.meta.totalPages
        return [
          Chunk.fromIterable(result.data),
          last ? undefined : [page + 1, result.meta.totalPages] as const
        ] as const
      })
  // Each pull fetches the next page; after the last one, a pull ends the stream.
  const pulls = () => {
    let state: State | undefined = [start, 0]
    return Effect.suspend(() =>
      state === undefined ? Effect.fail(Option.none()) : Effect.map(
        Effect.mapError(next(state), Option.some),
        ([items, following]) => {
          state = following
          return items
        }
      )
    )
  }
  if (prefetch <= 0) return Stream.suspend(() => Stream.repeatEffectChunkOption(pulls()))
  // A fiber runs the pulls in order into a queue of `prefetch` pages (each page is one chunk, as
  // `Stream.bufferChunks` would buffer them) until one ends or fails; the stream reads the queue, and
  // stopping it stops the fiber.
  return Stream.unwrapScoped(
    Effect.gen(function*() {
      const queue = yield* Queue.bounded<Exit.Exit<Chunk.Chunk<A>, Option.Option<E | PageLimitExceeded>>>(prefetch)
      const pull = pulls()
      const fill: Effect.Effect<unknown, never, R> = Effect.flatMap(
        Effect.exit(pull),
        (exit) => Effect.zipRight(Queue.offer(queue, exit), Exit.isFailure(exit) ? Effect.void : fill)
      )
      yield* Effect.forkScoped(fill)
      return Stream.repeatEffectChunkOption(Effect.flatten(Queue.take(queue)))
    })
  )
}

const PositiveInt = Schema.NumberFromString.pipe(Schema.int(), Schema.greaterThanOrEqualTo(1))

/**
 * `?page=&records=` as the list endpoints take them.
 *
 * @since 0.1.0
 */
export const PageUrlParams = Schema.Struct({
  page: exact(PositiveInt),
  records: exact(PositiveInt.pipe(Schema.lessThanOrEqualTo(1000)))
})

const bareKeywords: ReadonlySet<AST.AST> = new Set([AST.stringKeyword, AST.numberKeyword, AST.booleanKeyword])

/**
 * `?page=&records=&search=`: the live API's convention for full-text search on a listing.
 *
 * @since 0.1.0
 */
export const SearchUrlParams = Schema.Struct({
  ...PageUrlParams.fields,
  search: exact(Schema.String.annotations({ description: "Only records whose text matches this (full-text search)" }))
})

/**
 * What a listing's URL parameters say beyond the page, for whoever serves or reflects them (the
 * emulator filters and sorts by it): each filter's key and the wire attribute it compares, each sort
 * field's model name and wire name, and whether the listing takes `status` and `search`. Set by
 * `listUrlParams` as an annotation on the schema it builds.
 *
 * @since 0.3.0
 */
export interface ListQuery {
  readonly search: boolean
  readonly status: boolean
  readonly filters: ReadonlyArray<{ readonly key: string; readonly wire: string }>
  /** Each sort field; `instant` when the model reads it as a `Date` (an ISO 8601 instant on the wire). */
  readonly sort: ReadonlyArray<{ readonly field: string; readonly wire: string; readonly instant: boolean }>
}

/**
 * The annotation `listUrlParams` puts its `ListQuery` under.
 *
 * @since 0.3.0
 */
export const ListQueryId: unique symbol = Symbol.for("@blocks-crm/core-http/Pagination/ListQuery")

/**
 * The `ListQuery` of a listing's URL-parameter schema, when `listUrlParams` built it.
 *
 * @since 0.3.0
 */
export const listQueryOf = (schema: Schema.Schema.Any): ListQuery | undefined => {
  const found = AST.getAnnotation<ListQuery>(schema.ast, ListQueryId)
  return Option.getOrUndefined(found)
}

/**
 * A schema a URL parameter is read with (its wire form is text: a string, a literal, a boolean or an
 * instant as `BooleanFromString` or `Fields.Timestamp` write them).
 *
 * @since 0.3.0
 */
export type UrlParamSchema = Schema.Schema<any, any, never>

/**
 * `sort`'s values: a field, or the field with a leading `-` for descending.
 *
 * @since 0.3.0
 */
export type SortValue<Sort extends string> = Sort | `-${Sort}`

/**
 * The URL parameters of a listing built by `listUrlParams`, as the client takes them (model names,
 * camelCase; the wire names are the model's).
 *
 * @since 0.3.0
 */
export type ListUrlParams<
  Search extends boolean,
  Status extends UrlParamSchema | undefined,
  Sort extends string,
  Filters extends object,
  Paged extends boolean = true
> = Simplify<
  & (Paged extends false ? {} : { readonly page?: number; readonly records?: number })
  & (Search extends true ? { readonly search?: string } : {})
  & (Status extends UrlParamSchema ? { readonly status?: Schema.Schema.Type<Status> } : {})
  & ([Sort] extends [never] ? {} : { readonly sort?: SortValue<Sort> })
  & { readonly [K in keyof Filters]?: Filters[K] extends Schema.Schema<infer A, any, any> ? A : never }
>

/**
 * A listing's URL-parameter schema built by `listUrlParams`: its fields, and its `ListQuery` annotation.
 *
 * @since 0.3.0
 */
export interface ListUrlParamsSchema<Params>
  extends Schema.Schema<Params, { readonly [key: string]: string | undefined }>
{
  readonly fields: Schema.Struct.Fields
}

/** The wire name of each of a model's renamed attributes (`createdAt` → `created_at`). */
const wireNamesOf = (ast: AST.AST): ReadonlyMap<string, string> => {
  switch (ast._tag) {
    case "Refinement":
      return wireNamesOf(ast.from)
    case "Transformation":
      return ast.transformation._tag === "TypeLiteralTransformation"
        ? new Map(ast.transformation.propertySignatureTransformations.map((t) => [String(t.to), String(t.from)]))
        : wireNamesOf(ast.to)
    default:
      return new Map()
  }
}

/** Whether a model's attribute reads as a `Date` (possibly optional or nullable): an instant on the wire. */
const isInstant = (model: AST.AST, name: string): boolean => {
  const type = AST.typeAST(model)
  const struct = type._tag === "Refinement" ? AST.typeAST(type.from) : type
  if (struct._tag !== "TypeLiteral") return false
  const property = struct.propertySignatures.find((ps) => ps.name === name)
  const isDate = (ast: AST.AST): boolean =>
    ast._tag === "Union"
      ? ast.types.some(isDate)
      : ast._tag === "Refinement"
      ? isDate(ast.from)
      : ast._tag === "Declaration" && /Date/.test(String(Option.getOrElse(AST.getIdentifierAnnotation(ast), () => "")))
  return property !== undefined && isDate(property.type)
}

/**
 * The URL parameters of a listing, declared once in its contract: `page` and `records` (unless the API
 * answers the listing whole: `paged: false`); `search` when
 * asked; `status` (the resource's own status literals); `sort` (one of the resource's sortable fields,
 * `-field` for descending); and the per-resource filters, each an equality on the model's attribute of
 * that name. Keys and sort fields are the model's names (camelCase, checked against `model`); the wire
 * takes the model's wire names (`?sort=-created_at&contact_status=lead`). So the derived client refuses
 * an unknown sort field or status before sending (`InvalidInput`), the emulator filters and sorts by
 * it (`listQueryOf`), the OpenAPI document lists it and the `crm` CLI offers each as a flag.
 *
 * @example
 * ```ts
 * import { Pagination } from "@blocks-crm/core-http"
 * import { Lead, LeadStatus } from "@blocks-crm/pipeline"
 * import { Schema } from "effect"
 *
 * export const LeadListUrlParams = Pagination.listUrlParams(Lead, {
 *   search: true,
 *   status: LeadStatus,
 *   sort: ["name", "value", "createdAt"],
 *   filters: { source: Schema.String }
 * })
 * // leads.list({ status: "active", sort: "-value", source: "website" })
 * ```
 *
 * @since 0.3.0
 */
export const listUrlParams = <
  Model extends Schema.Schema.Any,
  const Sort extends Extract<keyof Schema.Schema.Type<Model>, string> = never,
  Status extends UrlParamSchema | undefined = undefined,
  Filters extends { readonly [K in Extract<keyof Schema.Schema.Type<Model>, string>]?: UrlParamSchema } = {},
  Search extends boolean = false,
  Paged extends boolean = true
>(
  model: Model,
  options: {
    /** `false` for a listing the API answers whole (a collection, no `page`/`records`). */
    readonly paged?: Paged | undefined
    readonly search?: Search | undefined
    readonly status?: Status | undefined
    readonly sort?: ReadonlyArray<Sort> | undefined
    readonly filters?: Filters | undefined
  }
): ListUrlParamsSchema<ListUrlParams<Search, Status, Sort, Filters, Paged>> => {
  const wireNames = wireNamesOf(model.ast)
  const wireOf = (name: string) => wireNames.get(name) ?? name
  const fields: Record<string, Schema.Struct.Field> = options.paged === false ? {} : { ...PageUrlParams.fields }
  if (options.search === true) fields.search = SearchUrlParams.fields.search
  if (options.status !== undefined) {
    fields.status = exact(options.status.annotations({ description: "Only records with this status" }))
  }
  const sort = (options.sort ?? []).map((field) => ({
    field,
    wire: wireOf(field),
    instant: isInstant(model.ast, field)
  }))
  if (sort.length > 0) {
    const pairs = sort.flatMap(({ field, wire }) => [[wire, field] as const, [`-${wire}`, `-${field}`] as const])
    const sortSchema = Schema.transformLiterals(...pairs).annotations({
      description: `The order: a field (${sort.map((s) => s.field).join(", ")}), with a leading - for descending`
    })
    fields.sort = exact(sortSchema)
  }
  const filters = Object.entries(options.filters ?? {}).flatMap(([key, schema]) =>
    schema === undefined ? [] : [{ key, wire: wireOf(key), schema: schema as UrlParamSchema }]
  )
  for (const { key, schema, wire } of filters) {
    // A bare keyword's description ("a string") says nothing about the filter.
    const described = !bareKeywords.has(schema.ast) && Option.isSome(AST.getDescriptionAnnotation(schema.ast))
    const field = exact(
      described ? schema : schema.annotations({ description: `Only records whose ${wire} is this` })
    )
    fields[key] = wire === key ? field : field.pipe(Schema.fromKey(wire))
  }
  const query: ListQuery = {
    search: options.search === true,
    status: options.status !== undefined,
    filters: filters.map(({ key, wire }) => ({ key, wire })),
    sort
  }
  return Schema.Struct(fields).annotations({ [ListQueryId]: query }) as unknown as ListUrlParamsSchema<any>
}

/**
 * What a `list` method takes, from its endpoint's URL-parameter schema: every parameter but `search`
 * (a method of its own), each optional and `undefined` meaning not given.
 *
 * @since 0.3.0
 */
export type ListParamsOf<S extends Schema.Schema.Any> = Simplify<
  { readonly [K in Exclude<keyof Schema.Schema.Type<S>, "search">]?: Schema.Schema.Type<S>[K] | undefined }
>
