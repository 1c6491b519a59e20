/**
 * What a newer API may add decodes as before, on the compiled path and in Effect's parser alike: an
 * unknown attribute, an unknown relationship (one with only `links` or `meta` too), members a resource
 * or a document did not have (`links`, `meta`, `jsonapi`), an `included` of a type the SDK does not
 * know, unknown members of a list's `meta`, and extra members in error documents. What a newer API may
 * not do, remove a required attribute, still fails naming its path, over both transports.
 */
import { JsonApi } from "@blocks-crm/core-http"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { Fallback } from "../src/internal/fastDecode.js"
import { bothWays, decodePaths } from "./support/decodePaths.js"
import { clients, expectTag, options, transport, Widget, widgetJson } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

const makeSchemas = () => {
  // A new struct each time, so each is compiled anew.
  const resource = JsonApi.resource("widget", Schema.Struct(Widget.fields), { id: (w) => w.uniqueId })
  return { list: JsonApi.listDocument(resource), document: JsonApi.document(resource) }
}
const { closures, generated } = bothWays(
  makeSchemas,
  (s) => ({ list: decodePaths(s.list), document: decodePaths(s.document) })
)

/** The same body decoded by the generated code, the closures and Effect's parser alone. */
const decodeEveryWay = (which: "list" | "document", body: unknown) => ({
  fastGenerated: generated.paths[which].compiled(body),
  fastClosures: closures.paths[which].compiled(body),
  parser: generated.paths[which].reference(body)
})

/** A widget as a newer API sends it: every member the SDK knows, and some it does not. */
const newerWidget = (id: string, name: string) => ({
  ...widgetJson(id, name, { color: "teal", finish: "matte", dimensions: { width_mm: 40, depth_mm: 12 } }),
  relationships: {
    // An unknown relationship carrying data, of a type the SDK does not know.
    supplier: { data: { id: "s1", type: "supplier", meta: { since: 2021 } }, links: { related: "/suppliers/s1" } },
    // JSON:API lets a relationship carry only links, or only meta.
    documents: { links: { self: `/widgets/${id}/relationships/documents`, related: `/widgets/${id}/documents` } },
    audits: { meta: { count: 3 } },
    parts: { data: [{ id: "p1", type: "part" }, { id: "p2", type: "part" }] },
    owner: { data: null }
  },
  links: { self: `/widgets/${id}` },
  meta: { revision: 7 }
})

const newerList = {
  jsonapi: { version: "1.1" },
  data: [newerWidget("w1", "Sprocket"), newerWidget("w2", "Cog")],
  included: [
    { id: "s1", type: "supplier", attributes: { name: "Acme Parts", rating: "A" } },
    { id: "p1", type: "part", attributes: { name: "Axle" }, relationships: { maker: { data: null } } }
  ],
  meta: { total_pages: 4, total_count: 7, current_page: 1, per_page: 2, next_cursor: "c2", facets: { color: 2 } },
  links: { next: "/widgets/?page=2" }
}

describe("additive changes decode, on the compiled path and in Effect's parser", () => {
  it("a list: unknown attributes, relationships, resource members, included types and meta members", () => {
    const { fastClosures, fastGenerated, parser } = decodeEveryWay("list", newerList)
    const expected = {
      data: [{ uniqueId: "w1", name: "Sprocket", color: "teal" }, { uniqueId: "w2", name: "Cog", color: "teal" }],
      meta: { totalPages: 4, totalRecords: 7, page: 1, records: 2 }
    }
    // The compiled paths accepted the body themselves, and all three agree.
    expect(fastGenerated).toStrictEqual(expected)
    expect(fastClosures).toStrictEqual(expected)
    expect(parser).toStrictEqual(Either.right(expected))
  })

  it("a single document: the same additions, and a document-level meta it never had", () => {
    const body = { ...newerList, data: newerWidget("w1", "Sprocket"), meta: { request_id: "r1" } }
    const expected = { uniqueId: "w1", name: "Sprocket", color: "teal" }
    const { fastClosures, fastGenerated, parser } = decodeEveryWay("document", body)
    expect(fastGenerated).toStrictEqual(expected)
    expect(fastClosures).toStrictEqual(expected)
    expect(parser).toStrictEqual(Either.right(expected))
  })

  it("relationships are still checked where it matters: a linkage that is present must be well formed", () => {
    const broken = [
      { owner: { data: { id: 1, type: "user" } } },
      { owner: { data: [{ id: "u1" }] } },
      { owner: { data: "u1" } },
      { owner: "u1" },
      { owner: null }
    ]
    for (const relationships of broken) {
      const body = {
        data: [{ ...widgetJson("w1", "Sprocket"), relationships }],
        meta: { total_pages: 1, total_count: 1 }
      }
      const { fastClosures, fastGenerated, parser } = decodeEveryWay("list", body)
      expect([relationships, fastGenerated, fastClosures]).toStrictEqual([relationships, Fallback, Fallback])
      expect(Either.isLeft(parser) && ParseResult.ArrayFormatter.formatIssueSync(parser.left)[0]?.path.slice(0, 4))
        .toStrictEqual(["data", 0, "relationships", "owner"])
    }
  })
})

describe("a removed required attribute still fails, naming its path", () => {
  const page = (count: number, without: number) => ({
    data: Array.from({ length: count }, (_, i) => {
      const widget = newerWidget(`w${i}`, `Widget ${i}`)
      if (i !== without) return widget
      const { name: _name, ...attributes } = widget.attributes
      return { ...widget, attributes }
    }),
    meta: { total_pages: 1, total_count: count }
  })

  it("the compiled paths stand aside and Effect's parser names data[3].attributes.name", () => {
    const { fastClosures, fastGenerated, parser } = decodeEveryWay("list", page(5, 3))
    expect(fastGenerated).toBe(Fallback)
    expect(fastClosures).toBe(Fallback)
    expect(Either.isLeft(parser) && ParseResult.ArrayFormatter.formatIssueSync(parser.left)).toStrictEqual([
      { _tag: "Missing", path: ["data", 3, "attributes", "name"], message: "is missing" }
    ])
  })

  for (
    const [name, layer] of [
      ["CrmTransport.layerFetch", transport],
      ["NodeTransport.layer", (server: Pick<TestServer.TestServer, "url">) => NodeTransport.layer(options(server))]
    ] as const
  ) {
    it.scopedLive(`over ${name}: UnexpectedResponse with the path; the newer list itself decodes`, () =>
      Effect.gen(function*() {
        const server = yield* TestServer.make
        const { widgets } = yield* clients(server, { retry: { times: 0 } }, layer)
        server.enqueue({ body: page(5, 3) }, { body: newerList })
        const error = expectTag(yield* Effect.flip(widgets.list()), "UnexpectedResponse")
        expect([error.path, error.reason]).toStrictEqual(["data[3].attributes.name", "is missing"])
        expect((yield* widgets.list()).data.map((w) => w.name)).toStrictEqual(["Sprocket", "Cog"])
      }))
  }
})

describe("error documents with members the SDK does not know", () => {
  for (
    const [name, layer] of [
      ["CrmTransport.layerFetch", transport],
      ["NodeTransport.layer", (server: Pick<TestServer.TestServer, "url">) => NodeTransport.layer(options(server))]
    ] as const
  ) {
    it.scopedLive(`over ${name}: error objects keep their known members; extra members are read past`, () =>
      Effect.gen(function*() {
        const server = yield* TestServer.make
        const { widgets } = yield* clients(server, { retry: { times: 0 } }, layer)
        server.enqueue({
          status: 422,
          body: {
            jsonapi: { version: "1.1" },
            meta: { request_id: "req-9", docs: "https://example.test/errors" },
            links: { about: "https://example.test/errors/422" },
            errors: [{
              id: "err-1",
              status: "422",
              code: "blank",
              title: "Invalid name",
              detail: "can't be blank",
              source: { pointer: "/widget/name", header: "X-Widget" },
              links: { about: "https://example.test/errors/blank", type: ["https://example.test/types/blank"] },
              meta: { retryable: false }
            }]
          }
        })
        const error = expectTag(yield* Effect.flip(widgets.create({ name: "ok" })), "ValidationFailed")
        expect(error.errors).toStrictEqual([{
          status: "422",
          code: "blank",
          title: "Invalid name",
          detail: "can't be blank",
          source: { pointer: "/widget/name" }
        }])
        expect(error.message).toContain("/widget/name: can't be blank")
      }))

    it.scopedLive(`over ${name}: a numeric status or code reads as its text; an odd error object hides no other`, () =>
      Effect.gen(function*() {
        const server = yield* TestServer.make
        const { widgets } = yield* clients(server, { retry: { times: 0 } }, layer)
        server.enqueue({
          status: 422,
          body: {
            errors: [
              { status: 422, code: 1001, title: "Invalid name", source: { pointer: "/widget/name" } },
              "name is too short",
              { detail: ["not", "text"] },
              { status: "422", detail: "color is not a color", source: { pointer: "/widget/color" } }
            ]
          }
        })
        const error = expectTag(yield* Effect.flip(widgets.create({ name: "ok" })), "ValidationFailed")
        expect(error.errors).toStrictEqual([
          { status: "422", code: "1001", title: "Invalid name", source: { pointer: "/widget/name" } },
          { status: "422", detail: "color is not a color", source: { pointer: "/widget/color" } }
        ])
      }))
  }
})
