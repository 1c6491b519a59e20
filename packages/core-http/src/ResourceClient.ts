/**
 * The standard methods of a REST resource (list, stream, get, create, update, delete, and for
 * soft-deleting resources recover, search, listDeleted), built once over a derived group client, whose
 * endpoints check every input before a request is sent.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { validate } from "./ApiClient.js"
import type { ApiError, CrmError, InvalidInput } from "./CrmError.js"
import * as Pagination from "./Pagination.js"
import type { PageParams, PageResult } from "./Pagination.js"
import { urlParamsSchemaOf } from "./internal/endpointSchemas.js"
import { exact } from "./internal/exactOptional.js"

/**
 * Options of a lazy stream over a whole listing.
 *
 * @since 0.1.0
 */
export interface StreamParams {
  /** Page size used while streaming. */
  readonly records?: number | undefined
  /** Stop (with an error) after this many pages. */
  readonly maxPages?: number | undefined
  /** Pages fetched ahead while the current one is consumed (faster; no longer lazy). Default 0. */
  readonly prefetch?: number | undefined
}

/** The fields of a listing's URL-parameter schema, when it is a struct (`listUrlParams`, `PageUrlParams`). */
const fieldsOf = (schema: Schema.Schema.Any | undefined): Schema.Struct.Fields =>
  (schema as { readonly fields?: Schema.Struct.Fields } | undefined)?.fields ?? Pagination.PageUrlParams.fields

const omitKeys = (fields: Schema.Struct.Fields, keys: ReadonlyArray<string>): Schema.Struct.Fields =>
  Object.fromEntries(Object.entries(fields).filter(([key]) => !keys.includes(key)))

/**
 * `StreamParams` plus the listing's filters and sort, checked (type side) before a stream fetches its
 * first page: a page size as `list` takes it, whole numbers for the rest, and no other key.
 */
const streamParamsSchema = (listParams: Schema.Schema.Any | undefined) =>
  Schema.Struct({
    ...omitKeys(fieldsOf(listParams), ["page", "search"]),
    records: Pagination.PageUrlParams.fields.records,
    maxPages: exact(Schema.Int.pipe(Schema.greaterThanOrEqualTo(1))),
    prefetch: exact(Schema.Int.pipe(Schema.nonNegative()))
  })

/**
 * The parameters of a stream over a listing that takes `ListParams`: `StreamParams` plus its filters
 * and sort, which every page keeps.
 *
 * @since 0.3.0
 */
export type StreamParamsOf<ListParams> = StreamParams & Omit<ListParams, "page" | "records">

/**
 * The `stream` method of a listing: every item of `list`'s pages, fetched as the stream needs them. Its
 * parameters are checked before the first page is fetched (`InvalidInput` named `<resource>.stream`);
 * with the listing's URL-parameter schema (`listParams`), the stream also takes its filters and sort and
 * sends them with every page.
 *
 * @example
 * ```ts
 * import { ApiClient, ResourceClient } from "@blocks-crm/core-http"
 * import { LeadsGroup } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const everyLead = Effect.map(ApiClient.group(LeadsGroup), (endpoints) =>
 *   ResourceClient.streamOf("leads", (urlParams) => endpoints.list({ urlParams })))
 * ```
 *
 * @since 0.2.0
 */
export const streamOf = <A, E, ListParams extends PageParams = PageParams>(
  resource: string,
  list: (params: ListParams) => Effect.Effect<PageResult<A>, E>,
  listParams?: Schema.Schema.Any
): (params?: StreamParamsOf<ListParams>) => Stream.Stream<A, E | CrmError> => {
  const check = validate(
    streamParamsSchema(listParams) as unknown as Schema.Schema<unknown, unknown>,
    `${resource}.stream`
  )
  return (params) =>
    Stream.unwrapScoped(
      Effect.map(check(params ?? {}), (checked) => {
        const { maxPages, prefetch, ...query } = checked as StreamParams & Record<string, unknown>
        return Pagination.stream((page) => list({ ...query, page } as ListParams), { maxPages, prefetch })
      })
    )
}

/**
 * The standard methods of a REST resource, as a service exposes them (`ReferralsService`,
 * `TouchesService`, ...). Every input is validated before a request is sent (`InvalidInput`).
 * `ListParams` is what `list` takes: page parameters, and for a listing declared with
 * `Pagination.listUrlParams` its status, sort and filters (`Pagination.ListParamsOf<typeof Schema>`).
 *
 * @since 0.1.0
 */
export interface CrudClient<A, Create, Update, Updated, ListParams = PageParams> {
  /** One page of the listing, filtered and sorted as `params` ask. */
  readonly list: (params?: ListParams) => Effect.Effect<PageResult<A>, CrmError>
  /** Every item, fetching each page only when it is needed; every page keeps the filters and sort. */
  readonly stream: (params?: StreamParamsOf<ListParams>) => Stream.Stream<A, CrmError>
  readonly get: (uniqueId: string) => Effect.Effect<A, CrmError>
  readonly create: (data: Create) => Effect.Effect<A, CrmError>
  /** Returns what the API echoes: the id and the attributes it sent back, not a full record. */
  readonly update: (uniqueId: string, data: Update) => Effect.Effect<Updated, CrmError>
  readonly delete: (uniqueId: string) => Effect.Effect<void, CrmError>
}

/**
 * `CrudClient` plus the trash, for resources the API soft-deletes (leads, opportunities, quotes):
 * `delete` moves a record to the trash and `recover` brings it back.
 *
 * @since 0.1.0
 */
export interface SoftDeleteClient<A, Create, Update, Updated, ListParams = PageParams>
  extends CrudClient<A, Create, Update, Updated, ListParams>
{
  /** Brings a deleted record back. */
  readonly recover: (uniqueId: string) => Effect.Effect<A, CrmError>
  /** Full-text search over the listing (`?search=`), with the listing's filters and sort. */
  readonly search: (query: string, params?: ListParams) => Effect.Effect<PageResult<A>, CrmError>
  /** Deleted records (`/trash/show`). */
  readonly listDeleted: (params?: PageParams) => Effect.Effect<PageResult<A>, CrmError>
}

/**
 * The path of a request that names one record by its unique id.
 *
 * @since 0.1.0
 */
export interface IdPath {
  readonly path: { readonly uniqueId: string }
}

/**
 * The endpoints a CRUD group declares, by their contract names. `ListParams` is what the `list`
 * endpoint takes besides `search` (inferred from the derived endpoint).
 *
 * @since 0.1.0
 */
export interface CrudEndpoints<A, Create, Update, Updated, ListParams = PageParams> {
  readonly list: (
    request: { readonly urlParams: ListParams & { readonly search?: string | undefined } },
    method?: string
  ) => Effect.Effect<PageResult<A>, ApiError | InvalidInput>
  readonly get: (request: IdPath) => Effect.Effect<A, ApiError | InvalidInput>
  readonly create: (request: { readonly payload: Create }) => Effect.Effect<A, ApiError | InvalidInput>
  readonly update: (request: IdPath & { readonly payload: Update }) => Effect.Effect<Updated, ApiError | InvalidInput>
  readonly delete: (request: IdPath) => Effect.Effect<void, ApiError | InvalidInput>
}

/**
 * The endpoints a soft-deleting group declares: the CRUD ones plus `recover` and `listDeleted`
 * (search goes through `list`'s `?search=`).
 *
 * @since 0.1.0
 */
export interface SoftDeleteEndpoints<A, Create, Update, Updated, ListParams = PageParams>
  extends CrudEndpoints<A, Create, Update, Updated, ListParams>
{
  readonly recover: (request: IdPath) => Effect.Effect<A, ApiError | InvalidInput>
  readonly listDeleted: (request: {
    readonly urlParams: { readonly page?: number | undefined; readonly records?: number | undefined }
  }) => Effect.Effect<PageResult<A>, ApiError | InvalidInput>
}

/** Whether every key of `params` is one of `keys` (their values are the endpoint's to check). */
const onlyKeys = (params: unknown, keys: ReadonlySet<string>): boolean =>
  typeof params === "object" && params !== null && !Array.isArray(params) &&
  Object.keys(params).every((key) => keys.has(key))

/**
 * A `list` method over a listing endpoint that also takes parameters the method must not (`search`,
 * which is a method of its own, or a status the method sets itself): it takes page parameters, and
 * with the listing's URL-parameter schema (`listParams`) its status, sort and filters too, `search`
 * aside. Any other key is `InvalidInput` named `<resource>.<method>` (nothing a caller passes is
 * dropped or overridden); the values are checked by the endpoint, which `list` must call.
 *
 * @example
 * ```ts
 * import { ApiClient, ResourceClient } from "@blocks-crm/core-http"
 * import { ContactsGroup } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const archived = Effect.map(ApiClient.group(ContactsGroup), (endpoints) =>
 *   ResourceClient.pages("contacts", "listArchived", (page) =>
 *     endpoints.list({ urlParams: { ...page, status: "archived" } }, "listArchived")))
 * ```
 *
 * @since 0.2.0
 */
export const pages = <A, E, ListParams extends PageParams = PageParams>(
  resource: string,
  method: string,
  list: (params: ListParams) => Effect.Effect<PageResult<A>, E>,
  listParams?: Schema.Schema.Any
): (params?: ListParams) => Effect.Effect<PageResult<A>, E | InvalidInput> => {
  const allowed = Schema.Struct(omitKeys(fieldsOf(listParams), ["search"]))
  const keys = new Set(Object.keys(allowed.fields))
  // The full check runs only to report what is wrong: a valid call pays for one check, the endpoint's.
  const check = validate(allowed as unknown as Schema.Schema<unknown, unknown>, `${resource}.${method}`)
  return (params) =>
    params === undefined
      ? list({} as ListParams)
      : onlyKeys(params, keys)
      ? list(params)
      : Effect.flatMap(check(params), () => list(params))
}

/**
 * What a `list` method takes over a listing endpoint that takes `UrlParams`: all of them but `search`.
 *
 * @since 0.3.0
 */
export type ListParamsOfEndpoint<UrlParams> = Omit<UrlParams, "search">

/**
 * The CRUD methods of `resource` (a name like `"leads"`, used in error messages): each is its endpoint,
 * which checks the input; `list` takes what the listing endpoint takes but `search` (`pages`: its
 * status, sort and filters when it declares them), `stream` walks `list` keeping them.
 *
 * @example
 * ```ts
 * import { ApiClient, ResourceClient } from "@blocks-crm/core-http"
 * import { ReferralsGroup } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const referrals = Effect.map(ApiClient.group(ReferralsGroup), (endpoints) => ResourceClient.crud("referrals", endpoints))
 * ```
 *
 * @since 0.1.0
 */
export const crud = <A, Create, Update, Updated, UrlParams extends PageParams = PageParams>(
  resource: string,
  endpoints: CrudEndpoints<A, Create, Update, Updated, UrlParams>,
  /** No longer needed: the endpoints check their own payloads. Kept so existing calls compile. */
  _schemas?: { readonly create: Schema.Schema<Create, any>; readonly update: Schema.Schema<Update, any> }
): CrudClient<A, Create, Update, Updated, ListParamsOfEndpoint<UrlParams>> => {
  const listParams = urlParamsSchemaOf(endpoints.list)
  const list = pages(
    resource,
    "list",
    (urlParams: ListParamsOfEndpoint<UrlParams>) => endpoints.list({ urlParams: urlParams as UrlParams }),
    listParams
  )
  return {
    list,
    stream: streamOf(resource, list as (params: PageParams) => ReturnType<typeof list>, listParams),
    get: (uniqueId) => endpoints.get({ path: { uniqueId } }),
    create: (data) => endpoints.create({ payload: data }),
    update: (uniqueId, data) => endpoints.update({ path: { uniqueId }, payload: data }),
    delete: (uniqueId) => endpoints.delete({ path: { uniqueId } })
  }
}

/**
 * The CRUD methods plus `recover`, `search` and `listDeleted`, for a group that declares them.
 *
 * @example
 * ```ts
 * import { ApiClient, ResourceClient } from "@blocks-crm/core-http"
 * import { LeadsGroup } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const leads = Effect.map(ApiClient.group(LeadsGroup), (endpoints) => ResourceClient.softDelete("leads", endpoints))
 * ```
 *
 * @since 0.1.0
 */
export const softDelete = <A, Create, Update, Updated, UrlParams extends PageParams = PageParams>(
  resource: string,
  endpoints: SoftDeleteEndpoints<A, Create, Update, Updated, UrlParams>,
  /** No longer needed: the endpoints check their own payloads. Kept so existing calls compile. */
  _schemas?: { readonly create: Schema.Schema<Create, any>; readonly update: Schema.Schema<Update, any> }
): SoftDeleteClient<A, Create, Update, Updated, ListParamsOfEndpoint<UrlParams>> => ({
  ...crud(resource, endpoints),
  recover: (uniqueId) => endpoints.recover({ path: { uniqueId } }),
  search: (query, params) =>
    endpoints.list({ urlParams: { ...params, search: query } as unknown as UrlParams }, "search"),
  listDeleted: (params) => endpoints.listDeleted({ urlParams: params ?? {} })
})
