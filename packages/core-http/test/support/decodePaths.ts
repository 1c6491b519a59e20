/**
 * The ways a body can be decoded, for tests that compare them: the compiled path alone, the decode the
 * client runs (the compiled path, Effect's parser where it declines) and Effect's parser alone
 * (`propertyOrder: "original"`, which the compiled path declines); for schemas compiled to generated
 * code, and to the closures that runtimes without `new Function` decode with.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type * as Schema from "effect/Schema"
import { compile, setCodeGeneration } from "../../src/internal/fastDecode.js"

export interface DecodePaths {
  /** The compiled path alone: the value, or `Fallback` where it declines. */
  readonly compiled: (input: unknown) => unknown
  /** What the client runs: the compiled path, and Effect's parser where it declines. */
  readonly fast: (input: unknown) => Either.Either<unknown, ParseResult.ParseIssue>
  /** Effect's parser alone. */
  readonly reference: (input: unknown) => Either.Either<unknown, ParseResult.ParseIssue>
}

/** The decode paths of `schema`, compiled now, as code generation is set. */
export const decodePaths = <A, I>(schema: Schema.Schema<A, I>): DecodePaths => {
  const compiled = compile(schema.ast)
  return {
    compiled: (input) => compiled(input, {}),
    fast: ParseResult.decodeUnknownEither(schema),
    reference: ParseResult.decodeUnknownEither(schema, { propertyOrder: "original" })
  }
}

/**
 * `make()` twice (new AST nodes, so each is compiled anew), with `pathsOf` its decode paths: compiled
 * to closures first, then to generated code.
 */
export const bothWays = <S, P>(make: () => S, pathsOf: (schemas: S) => P) => {
  setCodeGeneration(false)
  const closures = make()
  const closurePaths = pathsOf(closures)
  setCodeGeneration(true)
  const generated = make()
  return {
    closures: { schemas: closures, paths: closurePaths },
    generated: { schemas: generated, paths: pathsOf(generated) }
  }
}

/** A decode's answer, comparable: the value, or the issues as `ArrayFormatter` lists them. */
export const outcome = (result: Either.Either<unknown, ParseResult.ParseIssue>) =>
  Either.isRight(result)
    ? { ok: true as const, value: result.right }
    : { ok: false as const, issues: ParseResult.ArrayFormatter.formatIssueSync(result.left) }
