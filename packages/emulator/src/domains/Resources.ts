/**
 * The kit every domain's handlers are written with, built-in or a team's own: pages with `meta`, the
 * reference's 404, 409 and 422 documents, soft delete and recover, and the id and timestamps the server
 * sets on create and update. Handlers of each domain are one-liners over it.
 */
import { Contract, JsonApi, Pagination } from "@blocks-crm/core-http"
import type { PageResult } from "@blocks-crm/core-http/Pagination"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import type { Collection, Condition, Page, PageQuery, Sort } from "../RecordStore.js"
import * as CallerChecks from "../internal/CallerChecks.js"
import * as DomainRouter from "../internal/DomainRouter.js"
import { answerer } from "../StoredAnswers.js"

/**
 * `HttpApiBuilder.group`, with answers that carry stored records as they are stored: a handler that
 * answers a record it read from (or wrote to) a collection, unchanged, or a page or list of them, has
 * its body written around the records' stored JSON instead of encoding each record again (the same
 * bytes, in less time). Any other answer is encoded by the endpoint's schema as before.
 *
 *   const WidgetsHandlers = Resources.group(WidgetsApi, "widgets", (handlers) => ...)
 */
export const group: typeof HttpApiBuilder.group = (api, groupName, build) => {
  const groups = (api as unknown as { readonly groups: Record<string, HttpApiGroup.HttpApiGroup.AnyWithProps> }).groups
  const handlersServed = (routed: boolean) => {
    // The contract's two auth middlewares as one check per request (internal/CallerChecks.ts).
    const checked = CallerChecks.withOneCheck(groups[groupName]!, routed)
    const served = { ...api, groups: { ...groups, [groupName]: withFastPayloads(checked ?? groups[groupName]!) } }
    const handlers = HttpApiBuilder.group(served as unknown as typeof api, groupName, (handlers) => {
      const built: unknown = build(handlers)
      return (Effect.isEffect(built)
        ? Effect.map(built as Effect.Effect<AnyHandlers>, answering)
        : answering(built as AnyHandlers)) as any
    })
    return checked === undefined ? handlers : Layer.provide(handlers, CallerChecks.layer)
  }
  // Built for the emulator's router (internal/DomainRouter.ts), which provides the caller's CallerApp, or
  // to be served some other way.
  return Layer.unwrapEffect(
    Effect.map(DomainRouter.Collected, (collect) => handlersServed(collect !== undefined))
  ) as any
}

type AnyHandlers = HttpApiBuilder.Handlers<any, any, any, any>

/**
 * The group with each JSON payload decoded through core-http's compiled decoder first (the one
 * `JsonApi.document` reads answers with): the same value as the payload's schema decodes, several
 * times faster. Wherever that decoding fails, the payload's own schema decodes it, so a 422 names
 * the same paths with the same messages. Multipart payloads are left as declared.
 */
const withFastPayloads = (group: HttpApiGroup.HttpApiGroup.AnyWithProps): HttpApiGroup.HttpApiGroup.AnyWithProps => {
  const endpoints: Record<string, HttpApiEndpoint.HttpApiEndpoint.AnyWithProps> = {}
  for (const [name, endpoint] of Object.entries(group.endpoints)) {
    const payload = endpoint.payloadSchema
    endpoints[name] = payload._tag === "Some" && HttpApiSchema.getMultipart(payload.value.ast) === undefined &&
        HttpApiSchema.getMultipartStream(payload.value.ast) === undefined
      ? endpoint.setPayload(fastPayload(payload.value)) as HttpApiEndpoint.HttpApiEndpoint.AnyWithProps
      : endpoint
  }
  return Object.assign(Object.create(Object.getPrototypeOf(group)), group, { endpoints })
}

/** Parse options under which a value decodes the same as with none (HttpApiBuilder passes none). */
const isDefaultShape = (options: AST.ParseOptions | undefined): boolean =>
  options === undefined ||
  ((options.onExcessProperty ?? "ignore") === "ignore" && (options.propertyOrder ?? "none") === "none" &&
    options.exact !== true)

/** `schema`, decoded by the compiled decoder of `JsonApi.document(schema)` first, by its own parser otherwise. */
const fastPayload = (payload: Schema.Schema.Any): Schema.Schema.Any => {
  const schema = payload as Schema.Schema<any, any>
  const decodeFast = Schema.decodeUnknownEither(JsonApi.document(schema))
  const decode = ParseResult.decodeUnknown(schema)
  const encode = ParseResult.encodeUnknown(schema)
  return Schema.make(
    new AST.Declaration(
      [schema.ast],
      () => (input, options) => {
        const decoded = isDefaultShape(options) ? decodeFast({ data: input }) : undefined
        return decoded?._tag === "Right" ? ParseResult.succeed(decoded.right) : decode(input, options)
      },
      () => (input, options) => encode(input, options),
      { [AST.SurrogateAnnotationId]: schema.ast }
    )
  )
}

/** The same handlers, each answering through its endpoint's `answerer` where it has one. */
const answering = (handlers: AnyHandlers): AnyHandlers =>
  Object.assign(Object.create(Object.getPrototypeOf(handlers)), {
    group: handlers.group,
    handlers: Chunk.map(handlers.handlers, (item) => {
      const answer = answerer((item.endpoint as HttpApiEndpoint.HttpApiEndpoint.AnyWithProps).successSchema)
      if (answer === undefined) return item
      const handler = item.handler
      return {
        ...item,
        handler: (request: any) => Effect.map(handler(request), (value) => answer(value) ?? value)
      }
    })
  })

/** A store page as the client's `PageResult`: the items and the reference's `meta`. */
export const toPageResult = <A>(page: Page<A>): PageResult<A> => ({
  data: page.items,
  meta: { totalPages: page.totalPages, totalRecords: page.totalRecords, page: page.page, records: page.records }
})

/** A 404 in the reference's format for a record called `label` ("Lead Not Found"). */
export const notFound = (label: string): Contract.NotFoundResponse =>
  new Contract.NotFoundResponse({
    errors: [
      Contract.errorObject(
        404,
        "not_found",
        `${label} Not Found`,
        `The requested ${label.toLowerCase()} could not be found.`
      )
    ]
  })

/** The caller's tenant, as the API-key middleware resolved it. */
export const tenant: Effect.Effect<string, never, Contract.CallerApp> = Effect.withFiberRuntime((fiber) =>
  Effect.succeed(Context.unsafeGet(fiber.currentContext, Contract.CallerApp).tenantId)
)

/** `f` of the caller's tenant, read from the request's context in the same step. */
const withTenant = <A, E, R>(f: (tenantId: string) => Effect.Effect<A, E, R>) =>
  Effect.withFiberRuntime<A, E, R | Contract.CallerApp>((fiber) =>
    f(Context.unsafeGet(fiber.currentContext, Contract.CallerApp).tenantId)
  )

/** A filter's value as the stored JSON compares: a date as its ISO text, a boolean as 1 or 0. */
const storedValue = (value: unknown): string | number =>
  value instanceof Date
    ? value.toISOString()
    : typeof value === "boolean"
    ? (value ? 1 : 0)
    : typeof value === "number"
    ? value
    : String(value)

/**
 * The store's query for a listing's decoded URL parameters, read through the `ListQuery` of its schema
 * (`Pagination.listUrlParams`): `status` and each filter an equality on the stored attribute, `sort`
 * (`-field` descending) an order by it. Keys the schema does not declare as filters (`page`, `search`,
 * and whatever a handler adds: `deleted`, `attributes`) pass through as they are.
 *
 *   const leadsQuery = Resources.listQuery(LeadListUrlParams)
 *   leads.page(leadsQuery(urlParams))
 */
export const listQuery = (schema: Schema.Schema.Any) => {
  const spec = Pagination.listQueryOf(schema)
  const sortFields = new Map((spec?.sort ?? []).map((sort) => [sort.field, sort]))
  return (query: PageQuery): PageQuery => {
    if (spec === undefined) return query
    const params = query as PageQuery & Readonly<Record<string, unknown>>
    const rest: Record<string, unknown> = { ...params }
    const where: Array<Condition> = [...(params.where ?? [])]
    if (spec.status && params.status !== undefined) {
      where.push({ attribute: "status", op: "=", value: storedValue(params.status) })
      delete rest.status
    }
    for (const { key, wire } of spec.filters) {
      if (params[key] === undefined) continue
      where.push({ attribute: wire, op: "=", value: storedValue(params[key]), instant: params[key] instanceof Date })
      delete rest[key]
    }
    let order: Sort | undefined = params.order
    if (typeof params.sort === "string") {
      const descending = params.sort.startsWith("-")
      // The contract decoded the value, so it names a declared field.
      const field = sortFields.get(descending ? params.sort.slice(1) : params.sort)
      order = field === undefined ? undefined : { attribute: field.wire, descending, instant: field.instant }
      delete rest.sort
    }
    return { ...rest, where, order }
  }
}

/**
 * A collection with the reference's behaviour for the caller's tenant: pages, finds that 404 with
 * `label`, soft delete, recover. With `listParams` (the listing's URL-parameter schema), `page` and
 * `all` filter and sort as the listing's status, sort and filters ask (`listQuery`).
 */
export const resource = <A>(
  collection: Collection<A>,
  label: string,
  options?: { readonly listParams?: Schema.Schema.Any | undefined }
) => {
  const toQuery = options?.listParams === undefined ? undefined : listQuery(options.listParams)
  // The store's failures are defects, and a missing record the reference's 404: one step each.
  const found = <E, R>(lookup: Effect.Effect<Option.Option<A>, E, R>) =>
    Effect.matchEffect(lookup, {
      onFailure: Effect.die,
      onSuccess: (record) => record._tag === "Some" ? Effect.succeed(record.value) : Effect.fail(notFound(label))
    })
  const done = <E, R>(change: Effect.Effect<boolean, E, R>) =>
    Effect.matchEffect(change, {
      onFailure: Effect.die,
      onSuccess: (changed) => changed ? Effect.void : Effect.fail(notFound(label))
    })
  const find = (uniqueId: string, options?: { readonly parentId?: string | undefined }) =>
    withTenant((tenantId) => found(collection.find(tenantId, uniqueId, options)))
  return {
    page: (query: PageQuery) =>
      withTenant((tenantId) =>
        Effect.map(
          Effect.orDie(collection.list(tenantId, toQuery === undefined ? query : toQuery(query))),
          toPageResult
        )
      ),
    /** Every live record (under `parentId`), filtered and sorted as `params` ask. */
    all: (parentId?: string, params?: Readonly<Record<string, unknown>>) =>
      withTenant((tenantId) => {
        const query = toQuery === undefined || params === undefined ? {} : toQuery(params as PageQuery)
        return Effect.orDie(collection.all(tenantId, { parentId, where: query.where, order: query.order }))
      }),
    find,
    insert: (record: A, options?: { readonly parentId?: string | undefined }) =>
      withTenant((tenantId) => Effect.orDie(collection.insert(tenantId, record, options))),
    /** Applies `change` to the live record and stores it. */
    update: (uniqueId: string, change: (current: A) => A, options?: { readonly parentId?: string | undefined }) =>
      withTenant((tenantId) =>
        Effect.flatMap(
          found(collection.find(tenantId, uniqueId, options)),
          (current) => Effect.orDie(collection.replace(tenantId, change(current)))
        )
      ),
    softDelete: (uniqueId: string) => withTenant((tenantId) => done(collection.softDelete(tenantId, uniqueId))),
    recover: (uniqueId: string) => withTenant((tenantId) => found(collection.recover(tenantId, uniqueId))),
    remove: (uniqueId: string, options?: { readonly parentId?: string | undefined }) =>
      withTenant((tenantId) => done(collection.remove(tenantId, uniqueId, options)))
  }
}

/** A new record's id: a random UUID, as the API's `unique_id`s are. */
export const newId = (): string => crypto.randomUUID()

/**
 * What the server sets on a record it creates: a new `uniqueId`, and `createdAt` and `updatedAt` at one
 * instant (`now`, the current time unless a handler needs the same instant elsewhere).
 *
 *   leads.insert({ ...payload, ...Resources.created(), status: "active" })
 */
export const created = (now: Date = new Date()): {
  readonly uniqueId: string
  readonly createdAt: Date
  readonly updatedAt: Date
} => ({ uniqueId: newId(), createdAt: now, updatedAt: now })

/**
 * What the server sets on a record it changes: `updatedAt`.
 *
 *   leads.update(id, (lead) => ({ ...lead, ...payload, ...Resources.updated() }))
 */
export const updated = (now: Date = new Date()): { readonly updatedAt: Date } => ({ updatedAt: now })

/**
 * A 422 for one attribute of the request body, in the reference's format: `pointer` names it in the
 * wrapped body (`/meeting/end_time`), `code` the rule it breaks, `detail` says it to a person.
 */
export const invalid = (pointer: string, code: string, detail: string): Contract.ValidationFailedResponse =>
  new Contract.ValidationFailedResponse({
    errors: [Contract.errorObject(422, code, "Invalid Attribute", detail, pointer)]
  })

/** A 409 in the reference's format: the request collides with the state of a record (`code`, `title`). */
export const conflict = (code: string, title: string, detail: string): Contract.ConflictResponse =>
  new Contract.ConflictResponse({ errors: [Contract.errorObject(409, code, title, detail)] })

/** A collection with the reference's behaviour (pages, 404s, soft delete): what `resource` answers. */
export type Resource<A> = ReturnType<typeof resource<A>>
