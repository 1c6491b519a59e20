/**
 * The client's decode path for a leads page, exactly as `HttpApiClient` runs it: the success schema
 * that the derived client picks for a 200 of `leads.list`, composed after "ArrayBuffer → UTF-8 text →
 * JSON.parse", decoded with `Schema.decode` as an Effect.
 */
import { PipelineApi } from "@blocks-crm/pipeline"
import type { Lead } from "@blocks-crm/pipeline"
import type { PageResult } from "@blocks-crm/core-http/Pagination"
import * as HttpApi from "@effect/platform/HttpApi"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"

// Copies of the private helpers of @effect/platform/HttpApiClient (schemaFromArrayBuffer, Json case).
const StringFromArrayBuffer = Schema.transform(Schema.Unknown as Schema.Schema<ArrayBuffer>, Schema.String, {
  decode: (fromA) => new TextDecoder().decode(fromA),
  encode: (toI) => new TextEncoder().encode(toI).buffer as ArrayBuffer
})
const parseJsonOrVoid = Schema.transformOrFail(Schema.String, Schema.Unknown, {
  strict: true,
  decode: (i, _, ast) =>
    i === ""
      ? ParseResult.succeed(undefined)
      : ParseResult.try({
        try: () => JSON.parse(i),
        catch: () => new ParseResult.Type(ast, i, "Could not parse JSON")
      }),
  encode: (a) => ParseResult.succeed(JSON.stringify(a))
})
/** HttpApiClient's framing of a JSON body: ArrayBuffer → UTF-8 (a new TextDecoder) → JSON.parse. */
export const parseJsonArrayBuffer = Schema.compose(StringFromArrayBuffer, parseJsonOrVoid)

/** The AST the derived client decodes a 200 of `group.endpoint` with. */
export const successAst = (group: string, endpoint: string, status = 200): AST.AST => {
  let found: AST.AST | undefined
  HttpApi.reflect(PipelineApi, {
    onGroup() {},
    onEndpoint({ endpoint: e, group: g, successes }) {
      if (g.identifier === group && e.name === endpoint) {
        found = Option.getOrUndefined(successes.get(status)?.ast ?? Option.none())
      }
    }
  })
  if (found === undefined) throw new Error(`no ${status} success schema for ${group}.${endpoint}`)
  return found
}

const decodeLeadList = Schema.decode(
  Schema.compose(parseJsonArrayBuffer, Schema.make(successAst("leads", "list")))
) as (bytes: ArrayBuffer) => Effect.Effect<PageResult<Lead>, ParseResult.ParseError>

/** Bytes to leads through the client's schema. */
export const clientDecode = (bytes: ArrayBuffer): PageResult<Lead> => Effect.runSync(decodeLeadList(bytes))
