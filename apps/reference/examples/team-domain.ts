/**
 * A team's own domain, served by the emulator beside the built-in ones and called through the
 * published client, with no change to this repository: a `widgets` contract (core-http's helpers),
 * its service, its descriptor, its handlers (the emulator's kit), then a test-style run.
 *
 *   npm install @blocks-crm/emulator @blocks-crm/client @blocks-crm/core-http effect@3 @effect/platform@0.97
 */
import { createCrmClient } from "@blocks-crm/client"
import { ApiClient, Contract, Fields, JsonApi, Pagination } from "@blocks-crm/core-http"
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { builtInDomains, Directory, EmulatorDomain, Resources, startEmulator } from "@blocks-crm/emulator"
import { RecordStore } from "@blocks-crm/emulator"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import { Effect, Schema } from "effect"

// The contract: the model (snake_case wire, camelCase type) and its endpoints.
const Widget = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Schema.String,
  ownerUniqueId: Fields.optionalRenamed(Schema.String, "owner_unique_id"),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.renamed(Fields.Timestamp, "updated_at")
})
const CreateWidgetRequest = Schema.Struct({
  name: Schema.String,
  ownerUniqueId: Fields.optionalRenamed(Schema.String, "owner_unique_id")
})
const WidgetResource = JsonApi.resource("widget", Widget, { id: (widget) => widget.uniqueId })
const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

class WidgetsGroup extends HttpApiGroup.make("widgets")
  .add(
    HttpApiEndpoint.get("list", "/widgets/").setUrlParams(Pagination.PageUrlParams).addSuccess(
      JsonApi.listDocument(WidgetResource)
    )
  )
  .add(
    HttpApiEndpoint.get("get")`/widgets/${uniqueId}`.addSuccess(JsonApi.document(WidgetResource)).addError(
      Contract.NotFoundResponse.wire
    )
  )
  .add(
    HttpApiEndpoint.post("create", "/widgets/")
      .setPayload(JsonApi.wrapped("widget", CreateWidgetRequest))
      .addSuccess(JsonApi.document(WidgetResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
{}

class WidgetsApi extends HttpApi.make("widgets").add(WidgetsGroup) {}

// The client side: a service derived from the group, and the domain's descriptor.
class WidgetsService extends Effect.Service<WidgetsService>()("acme/WidgetsService", {
  effect: Effect.map(ApiClient.group(WidgetsGroup), (endpoints) => ({
    list: (params: { readonly page?: number; readonly records?: number }) => endpoints.list({ urlParams: params }),
    get: (id: string) => endpoints.get({ path: { uniqueId: id } }),
    create: (request: typeof CreateWidgetRequest.Type) => endpoints.create({ payload: request })
  }))
}) {}

const widgets = CrmDomain.make({ name: "widgets", api: WidgetsApi, services: { widgets: WidgetsService } })

// The emulator side: handlers over the record store, with the kit's stamps and the directory's lookups.
const WidgetsHandlers = HttpApiBuilder.group(WidgetsApi, "widgets", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore.RecordStore
    const records = Resources.resource(store.collection("widgets", Widget, { idOf: (w) => w.uniqueId }), "Widget")
    const { users } = yield* Directory.Directory
    return handlers
      .handle("list", ({ urlParams }) => records.page(urlParams))
      .handle("get", ({ path }) => records.find(path.uniqueId))
      .handle("create", ({ payload: widget }) =>
        Effect.gen(function*() {
          // A widget's owner must be a user of the caller's tenant: a 404 "User Not Found" otherwise.
          if (widget.ownerUniqueId !== undefined) yield* users.find(widget.ownerUniqueId)
          return yield* records.insert({ ...widget, ...Resources.created() })
        }))
  }))

const WidgetsDomain = EmulatorDomain.make("widgets", WidgetsApi, WidgetsHandlers)

// A test's run: the built-in domains and the team's, one client over both.
const emulator = await startEmulator({ domains: [...builtInDomains, WidgetsDomain] })
const client = createCrmClient({
  apiUrl: emulator.url,
  authToken: emulator.authToken,
  apiKey: emulator.apiKey,
  domains: [widgets]
})
const widget = await client.crm.widgets.create({ name: "Sprocket" })
const page = await client.crm.widgets.list({ records: 10 })
console.log(`${widget.name}: ${page.meta.totalRecords} widget(s)`)
await emulator.reset()
await client.close()
await emulator.close()
