// Floor: what contract-first costs before any SDK code. One HttpApi endpoint (GET /leads/:id with a
// small struct), its derived client over fetch, and one call; no transport rules, no models.
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiClient from "@effect/platform/HttpApiClient"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

const Lead = Schema.Struct({
  data: Schema.Struct({ id: Schema.String, attributes: Schema.Struct({ name: Schema.String }) })
})
class LeadsGroup extends HttpApiGroup.make("leads")
  .add(HttpApiEndpoint.get("get", "/leads/:id").setPath(Schema.Struct({ id: Schema.String })).addSuccess(Lead))
{}
class Api extends HttpApi.make("floor").add(LeadsGroup) {}

export const getLead = (baseUrl: string, id: string) =>
  Effect.runPromise(
    Effect.flatMap(HttpApiClient.make(Api, { baseUrl }), (client) => client.leads.get({ path: { id } })).pipe(
      Effect.provide(FetchHttpClient.layer)
    )
  )
