// Floor: Effect's HttpClient over fetch and one Schema decode, with no HttpApi: the least an
// Effect-native client can ship.
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

const Lead = Schema.Struct({
  data: Schema.Struct({ id: Schema.String, attributes: Schema.Struct({ name: Schema.String }) })
})

export const getLead = (baseUrl: string, id: string) =>
  Effect.runPromise(
    Effect.flatMap(HttpClient.HttpClient, (client) =>
      Effect.flatMap(client.get(`${baseUrl}/leads/${id}`), HttpClientResponse.schemaBodyJson(Lead))).pipe(
        Effect.scoped,
        Effect.provide(FetchHttpClient.layer)
      )
  )
