/**
 * The successes an endpoint declares, by status, read from its success schema as `HttpApi.reflect`
 * reads them (its `extractMembers`): `ApiClient.group` needs only these and the merged annotations,
 * and building an `HttpApi` to reflect one group brings the whole `HttpApi` module (and its decode
 * error class) into every client bundle. test/successes.test.ts compares the two.
 *
 * @internal
 */
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"

/** One status's success: its schema, or none when the body is empty (a void success). */
export interface Success {
  readonly ast: Option.Option<AST.AST>
}

/** The members of a union, nested unions flattened; any other node alone. */
const unionMembers = (ast: AST.AST): Array<AST.AST> => AST.isUnion(ast) ? ast.types.flatMap(unionMembers) : [ast]

/** Two schemas as one union of their distinct members. */
const unify = (self: AST.AST, that: AST.AST): AST.AST =>
  AST.Union.make(Array.from(new Set([...unionMembers(self), ...unionMembers(that)])))

/** The endpoint's successes by status. */
export const successesOf = (endpoint: HttpApiEndpoint.HttpApiEndpoint.AnyWithProps): ReadonlyMap<number, Success> => {
  const top = endpoint.successSchema.ast
  const inherited = HttpApiSchema.extractAnnotations(top.annotations)
  // As reflect does: it tests the union's annotations with `Record.isEmptyRecord`, which sees string
  // keys only, and HttpApi's are symbols, so a union's status never reaches its members.
  const annotate = Object.keys(inherited).length > 0
  const members = new Map<number, Success>()
  for (const member of unionMembers(top)) {
    if (AST.isNeverKeyword(member)) continue
    // A member keeps its reference unless the union's annotations apply to it (so equal members dedupe).
    const type = annotate ? AST.annotations(member, { ...inherited, ...member.annotations }) : member
    const status = HttpApiSchema.getStatusSuccessAST(type)
    const current = members.get(status)?.ast ?? Option.none()
    members.set(status, {
      ast: Option.isSome(current)
        ? Option.some(unify(current.value, type))
        : !HttpApiSchema.getEmptyDecodeable(type) && AST.isVoidKeyword(AST.encodedAST(type))
        ? Option.none()
        : Option.some(type)
    })
  }
  return members
}
