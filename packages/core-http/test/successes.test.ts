/**
 * `ApiClient.group` reads an endpoint's successes itself (internal/successes.ts) instead of building an
 * `HttpApi` to reflect one group: for every shape of success a contract declares, it must read what
 * `HttpApi.reflect` reads.
 */
import { JsonApi } from "@blocks-crm/core-http"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import { describe, expect, it } from "@effect/vitest"
import * as Schema from "effect/Schema"
import { successesOf } from "../src/internal/successes.js"

const Thing = JsonApi.resource("thing", Schema.Struct({ name: Schema.String }), { id: () => "t1" })
const Other = Schema.Struct({ ok: Schema.Boolean })

class Shapes extends HttpApiGroup.make("shapes")
  .add(HttpApiEndpoint.get("none", "/none"))
  .add(HttpApiEndpoint.get("one", "/one").addSuccess(JsonApi.document(Thing)))
  .add(HttpApiEndpoint.post("created", "/created").addSuccess(JsonApi.document(Thing), { status: 201 }))
  .add(HttpApiEndpoint.get("list", "/list").addSuccess(JsonApi.listDocument(Thing)))
  .add(HttpApiEndpoint.del("noContent", "/no-content").addSuccess(HttpApiSchema.NoContent))
  .add(HttpApiEndpoint.del("empty", "/empty").addSuccess(HttpApiSchema.Empty(202)))
  .add(HttpApiEndpoint.get("text", "/text").addSuccess(HttpApiSchema.Text({ contentType: "text/calendar" })))
  .add(HttpApiEndpoint.get("bytes", "/bytes").addSuccess(HttpApiSchema.Uint8Array()))
  .add(
    HttpApiEndpoint.put("several", "/several")
      .addSuccess(JsonApi.document(Thing))
      .addSuccess(Other)
      .addSuccess(Other, { status: 201 })
      .addSuccess(HttpApiSchema.NoContent)
  )
  .add(
    HttpApiEndpoint.get("annotated", "/annotated").addSuccess(
      Schema.Union(Other, Schema.Struct({ no: Schema.Boolean })).annotations(HttpApiSchema.annotations({ status: 206 }))
    )
  )
  .add(
    HttpApiEndpoint.get("emptyDecodeable", "/empty-decodeable").addSuccess(
      Schema.Void.annotations(HttpApiSchema.annotations({ status: 200 })).pipe(HttpApiSchema.asEmpty({
        status: 200,
        decode: () => undefined
      }))
    )
  )
{}

describe("an endpoint's successes", () => {
  it("are read as HttpApi.reflect reads them, for every shape a contract declares", () => {
    const reflected: Array<[string, ReadonlyMap<number, unknown>]> = []
    HttpApi.reflect(HttpApi.make("shapes").add(Shapes), {
      onGroup() {},
      onEndpoint({ endpoint, successes }) {
        reflected.push([endpoint.name, new Map([...successes].map(([status, { ast }]) => [status, ast]))])
      }
    })
    const ours = Object.values(Shapes.endpoints).map((endpoint) =>
      [
        endpoint.name,
        new Map(
          [...successesOf(endpoint as unknown as HttpApiEndpoint.HttpApiEndpoint.AnyWithProps)].map((
            [status, { ast }]
          ) => [status, ast])
        )
      ] as const
    )
    expect(ours.map(([name, successes]) => [name, [...successes.keys()]])).toStrictEqual(
      reflected.map(([name, successes]) => [name, [...successes.keys()]])
    )
    expect(ours).toStrictEqual(reflected)
    expect(reflected.length).toBe(11)
  })
})
