/**
 * The client's decode path for a leads page, as `ApiClient` runs it on the body the transport has
 * buffered: UTF-8 text (one shared TextDecoder), `JSON.parse`, then the success schema the contract
 * declares for a 200 of `leads.list`, decoded synchronously (`Schema.decodeUnknownEither`).
 */
import { PipelineApi } from "@blocks-crm/pipeline"
import type { Lead } from "@blocks-crm/pipeline"
import type { PageResult } from "@blocks-crm/core-http/Pagination"
import * as HttpApi from "@effect/platform/HttpApi"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"

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

const decodeLeadList = Schema.decodeUnknownEither(Schema.make(successAst("leads", "list")))
const utf8 = new TextDecoder()

/** Bytes to leads through the client's schema. */
export const clientDecode = (bytes: ArrayBuffer): PageResult<Lead> =>
  Either.getOrThrow(decodeLeadList(JSON.parse(utf8.decode(bytes)))) as PageResult<Lead>
