// Floor: the contract itself, without HttpApiClient. One HttpApiEndpoint in an HttpApiGroup (what
// every domain declares), read for its path and success schema, and a call over Effect's HttpClient
// on fetch: what contract-first costs once the SDK derives its own client.
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

const Lead = Schema.Struct({
  data: Schema.Struct({ id: Schema.String, attributes: Schema.Struct({ name: Schema.String }) })
})
class LeadsGroup extends HttpApiGroup.make("leads")
  .add(HttpApiEndpoint.get("get", "/leads/:id").setPath(Schema.Struct({ id: Schema.String })).addSuccess(Lead))
{}

export const getLead = (baseUrl: string, id: string) => {
  const endpoint = LeadsGroup.endpoints.get!
  const success = endpoint.successSchema as Schema.Schema<typeof Lead.Type, typeof Lead.Encoded>
  return Effect.runPromise(
    Effect.flatMap(HttpClient.HttpClient, (client) =>
      Effect.flatMap(
        client.get(`${baseUrl}${endpoint.path.replace(":id", id)}`),
        HttpClientResponse.schemaBodyJson(success)
      )).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
  )
}
