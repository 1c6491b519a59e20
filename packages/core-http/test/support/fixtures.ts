/**
 * A tiny contract (one `widgets` group declared the way domain packages declare theirs), the clients
 * derived from it over `CrmTransport.layerFetch`, and JSON:API bodies for the test server to send.
 */
import { ApiClient, Contract, CrmTransport, Fields, JsonApi, Pagination, ResourceClient } from "@blocks-crm/core-http"
import type { CrmConfig } from "@blocks-crm/core-http"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import type { TestServer } from "./TestServer.js"

/** Distinctive secrets, so a leak is easy to find in any string. */
export const TOKEN = "tok_SECRET_123"
export const API_KEY = "key_SECRET_456"

export const Widget = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Schema.String,
  color: Fields.optional(Schema.String)
})
export type Widget = typeof Widget.Type

/** Request fields are optional the way domain packages declare them: absent, never `undefined`. */
const field = <A, I>(schema: Schema.Schema<A, I>) => Schema.optionalWith(schema, { exact: true })

export const CreateWidget = Schema.Struct({
  name: Fields.NonBlankString,
  color: field(Schema.String)
})
export type CreateWidget = typeof CreateWidget.Type

export const UpdateWidget = Schema.Struct({
  name: field(Fields.NonBlankString),
  color: field(Schema.String)
})
export type UpdateWidget = typeof UpdateWidget.Type

export const WidgetResource = JsonApi.resource("widget", Widget, { id: (w) => w.uniqueId })
export const WidgetList = JsonApi.listDocument(WidgetResource)
export const WidgetDocument = JsonApi.document(WidgetResource)

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

export class WidgetsGroup extends HttpApiGroup.make("widgets")
  .add(HttpApiEndpoint.get("list", "/widgets/").setUrlParams(Pagination.SearchUrlParams).addSuccess(WidgetList))
  .add(
    HttpApiEndpoint.get("listDeleted", "/widgets/trash/show").setUrlParams(Pagination.PageUrlParams).addSuccess(
      WidgetList
    )
  )
  .add(
    HttpApiEndpoint.get("get")`/widgets/${uniqueId}`.addSuccess(WidgetDocument).addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/widgets/")
      .setPayload(JsonApi.wrapped("widget", CreateWidget))
      .addSuccess(WidgetDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/widgets/${uniqueId}/`
      .setPayload(JsonApi.wrapped("widget", UpdateWidget))
      .addSuccess(WidgetDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(HttpApiEndpoint.del("delete")`/widgets/${uniqueId}/`.addSuccess(HttpApiSchema.NoContent))
  .add(HttpApiEndpoint.put("recover")`/widgets/${uniqueId}/recover`.addSuccess(WidgetDocument))
  .addError(Contract.UnauthorizedResponse.wire)
{}

export class TestApi extends HttpApi.make("test").add(WidgetsGroup) {}

/** Transport options for a test server: fast retries unless a test says otherwise. */
export const options = (
  server: Pick<TestServer, "url">,
  overrides: Partial<CrmConfig.CrmOptions> = {}
): CrmConfig.CrmOptions => ({
  apiUrl: server.url,
  authToken: TOKEN,
  apiKey: API_KEY,
  ...overrides,
  retry: { baseDelay: Duration.millis(5), ...overrides.retry }
})

/** The transport as a layer, for `Effect.provide`. */
export const transport = (server: Pick<TestServer, "url">, overrides: Partial<CrmConfig.CrmOptions> = {}) =>
  CrmTransport.layerFetch(options(server, overrides))

/** The derived group client and the soft-delete resource client over it, on a transport for `server`. */
export const clients = (
  server: Pick<TestServer, "url">,
  overrides: Partial<CrmConfig.CrmOptions> = {},
  makeTransport: typeof transport = transport
) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(makeTransport(server, overrides))
    const endpoints = yield* Effect.provide(ApiClient.group(WidgetsGroup), context)
    const widgets = ResourceClient.softDelete("widgets", endpoints, { create: CreateWidget, update: UpdateWidget })
    return { endpoints, widgets, settings: Context.get(context, CrmTransport.CrmTransport).settings }
  }).pipe(Effect.orDie) satisfies Effect.Effect<unknown, never, Scope.Scope>

// ---------------------------------------------------------------------------------------------------
// Bodies

export const widgetJson = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: "widget",
  attributes: { unique_id: id, name, ...extra }
})

export const document = (id: string, name: string) => ({ data: widgetJson(id, name) })

export const listBody = (
  items: ReadonlyArray<unknown>,
  meta: Record<string, unknown> = { totalPages: 1, totalRecords: items.length }
) => ({ data: items, meta })

export const errorBody = (status: number, code: string, title: string, detail: string, pointer?: string) => ({
  errors: [Contract.errorObject(status, code, title, detail, pointer)]
})

/**
 * A listing of `total` widgets (`w1`, `w2`, ...) served `?page=&records=` at a time, with the reference's
 * camelCase totals.
 */
export const pagedListing = (total: number, defaultPerPage = 2) => (request: { readonly query: URLSearchParams }) => {
  const page = Number(request.query.get("page") ?? "1")
  const perPage = Number(request.query.get("records") ?? String(defaultPerPage))
  const items = Array.from({ length: total }, (_, i) => widgetJson(`w${i + 1}`, `Widget ${i + 1}`))
  const slice = items.slice((page - 1) * perPage, page * perPage)
  return { status: 200, body: listBody(slice, { totalPages: Math.ceil(total / perPage), totalRecords: total }) }
}

/** Narrows a tagged error after asserting its tag. */
export const expectTag = <E extends { readonly _tag: string }, const T extends E["_tag"]>(
  error: E,
  tag: T
): Extract<E, { readonly _tag: T }> => {
  if (error._tag !== tag) {
    throw new Error(`expected ${tag}, got ${error._tag}: ${String((error as { message?: unknown }).message)}`)
  }
  return error as Extract<E, { readonly _tag: T }>
}
