/**
 * The standard methods of a REST resource (list, stream, get, create, update, delete, and for
 * soft-deleting resources recover, search, listDeleted), built once over a derived group client, with
 * every input validated before a request is sent.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { validate } from "./ApiClient.js"
import type { ApiError, CrmError } from "./CrmError.js"
import { ResourceId } from "./Fields.js"
import * as Pagination from "./Pagination.js"
import type { PageParams, PageResult } from "./Pagination.js"

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

/**
 * `StreamParams`, checked (type side) before a stream fetches its first page: a page size as `list`
 * takes it, whole numbers for the rest, and no other key.
 */
const StreamParamsSchema = Schema.Struct({
  records: Pagination.PageUrlParams.fields.records,
  maxPages: Schema.optionalWith(Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)), { exact: true }),
  prefetch: Schema.optionalWith(Schema.Int.pipe(Schema.nonNegative()), { exact: true })
})

/**
 * The `stream` method of a listing: every item of `list`'s pages, fetched as the stream needs them. Its
 * parameters are checked before the first page is fetched (`InvalidInput` named `<resource>.stream`).
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
export const streamOf = <A, E>(
  resource: string,
  list: (params: PageParams) => Effect.Effect<PageResult<A>, E>
): (params?: StreamParams) => Stream.Stream<A, E | CrmError> => {
  const check = validate(StreamParamsSchema, `${resource}.stream`)
  return (params) =>
    Stream.unwrap(
      Effect.map(check(params ?? {}), ({ maxPages, prefetch, records }) =>
        Pagination.stream((page) => list({ page, records }), { maxPages, prefetch }))
    )
}

/**
 * The standard methods of a REST resource, as a service exposes them (`ReferralsService`,
 * `TouchesService`, ...). Every input is validated before a request is sent (`InvalidInput`).
 *
 * @since 0.1.0
 */
export interface CrudClient<A, Create, Update, Updated> {
  /** One page of the listing. */
  readonly list: (params?: PageParams) => Effect.Effect<PageResult<A>, CrmError>
  /** Every item, fetching each page only when it is needed. */
  readonly stream: (params?: StreamParams) => Stream.Stream<A, CrmError>
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
export interface SoftDeleteClient<A, Create, Update, Updated> extends CrudClient<A, Create, Update, Updated> {
  /** Brings a deleted record back. */
  readonly recover: (uniqueId: string) => Effect.Effect<A, CrmError>
  /** Full-text search over the listing (`?search=`). */
  readonly search: (query: string, params?: PageParams) => Effect.Effect<PageResult<A>, CrmError>
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
 * The endpoints a CRUD group declares, by their contract names.
 *
 * @since 0.1.0
 */
export interface CrudEndpoints<A, Create, Update, Updated> {
  readonly list: (request: {
    readonly urlParams: { readonly page?: number; readonly records?: number; readonly search?: string }
  }) => Effect.Effect<PageResult<A>, ApiError>
  readonly get: (request: IdPath) => Effect.Effect<A, ApiError>
  readonly create: (request: { readonly payload: Create }) => Effect.Effect<A, ApiError>
  readonly update: (request: IdPath & { readonly payload: Update }) => Effect.Effect<Updated, ApiError>
  readonly delete: (request: IdPath) => Effect.Effect<void, ApiError>
}

/**
 * The endpoints a soft-deleting group declares: the CRUD ones plus `recover` and `listDeleted`
 * (search goes through `list`'s `?search=`).
 *
 * @since 0.1.0
 */
export interface SoftDeleteEndpoints<A, Create, Update, Updated> extends CrudEndpoints<A, Create, Update, Updated> {
  readonly recover: (request: IdPath) => Effect.Effect<A, ApiError>
  readonly listDeleted: (request: {
    readonly urlParams: { readonly page?: number; readonly records?: number }
  }) => Effect.Effect<PageResult<A>, ApiError>
}

const SearchQuery = Pagination.SearchUrlParams

/**
 * The CRUD methods of `resource` (a name like `"leads"`, used in error messages).
 *
 * @example
 * ```ts
 * import { ApiClient, ResourceClient } from "@blocks-crm/core-http"
 * import { CreateReferralRequest, ReferralsGroup, UpdateReferralRequest } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const referrals = Effect.map(ApiClient.group(ReferralsGroup), (endpoints) =>
 *   ResourceClient.crud("referrals", endpoints, { create: CreateReferralRequest, update: UpdateReferralRequest }))
 * ```
 *
 * @since 0.1.0
 */
export const crud = <A, Create, CreateI, Update, UpdateI, Updated>(
  resource: string,
  endpoints: CrudEndpoints<A, Create, Update, Updated>,
  schemas: { readonly create: Schema.Schema<Create, CreateI>; readonly update: Schema.Schema<Update, UpdateI> }
): CrudClient<A, Create, Update, Updated> => {
  const checkPage = validate(Pagination.PageUrlParams, `${resource}.list`)
  // Built once per client, not per call.
  const checkIdFor = {
    get: validate(ResourceId, `${resource}.get`),
    update: validate(ResourceId, `${resource}.update`),
    delete: validate(ResourceId, `${resource}.delete`)
  }
  const checkCreate = validate(schemas.create, `${resource}.create`)
  const checkUpdate = validate(schemas.update, `${resource}.update`)
  const list = (params?: PageParams) =>
    Effect.flatMap(checkPage(params ?? {}), (urlParams) => endpoints.list({ urlParams }))
  return {
    list,
    stream: streamOf(resource, list),
    get: (uniqueId: string) =>
      Effect.flatMap(checkIdFor.get(uniqueId), (id) => endpoints.get({ path: { uniqueId: id } })),
    create: (data: Create) => Effect.flatMap(checkCreate(data), (payload) => endpoints.create({ payload })),
    update: (uniqueId: string, data: Update) =>
      Effect.flatMap(
        Effect.all([checkIdFor.update(uniqueId), checkUpdate(data)]),
        ([id, payload]) => endpoints.update({ path: { uniqueId: id }, payload })
      ),
    delete: (uniqueId: string) =>
      Effect.flatMap(checkIdFor.delete(uniqueId), (id) => endpoints.delete({ path: { uniqueId: id } }))
  }
}

/**
 * The CRUD methods plus `recover`, `search` and `listDeleted`, for a group that declares them.
 *
 * @example
 * ```ts
 * import { ApiClient, ResourceClient } from "@blocks-crm/core-http"
 * import { CreateLeadRequest, LeadsGroup, UpdateLeadRequest } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const leads = Effect.map(ApiClient.group(LeadsGroup), (endpoints) =>
 *   ResourceClient.softDelete("leads", endpoints, { create: CreateLeadRequest, update: UpdateLeadRequest }))
 * ```
 *
 * @since 0.1.0
 */
export const softDelete = <A, Create, CreateI, Update, UpdateI, Updated>(
  resource: string,
  endpoints: SoftDeleteEndpoints<A, Create, Update, Updated>,
  schemas: { readonly create: Schema.Schema<Create, CreateI>; readonly update: Schema.Schema<Update, UpdateI> }
): SoftDeleteClient<A, Create, Update, Updated> => {
  const checkSearch = validate(SearchQuery, `${resource}.search`)
  const checkPage = validate(Pagination.PageUrlParams, `${resource}.listDeleted`)
  const checkId = validate(ResourceId, `${resource}.recover`)
  return {
    ...crud(resource, endpoints, schemas),
    recover: (uniqueId: string) =>
      Effect.flatMap(checkId(uniqueId), (id) => endpoints.recover({ path: { uniqueId: id } })),
    search: (query: string, params?: PageParams) =>
      Effect.flatMap(checkSearch({ ...params, search: query }), (urlParams) => endpoints.list({ urlParams })),
    listDeleted: (params?: PageParams) =>
      Effect.flatMap(checkPage(params ?? {}), (urlParams) => endpoints.listDeleted({ urlParams }))
  }
}
