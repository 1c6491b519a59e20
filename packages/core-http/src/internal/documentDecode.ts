/**
 * `withFastDecode`: a JSON:API document schema whose decoding tries the compiled decoder first, when
 * this runtime has one (`#decoding`: on Node, Deno and Bun always; in browsers and other runtimes once
 * `FastDecode.install` or `FastDecode.layer` has run), and Effect's parser otherwise. The compiler
 * is reached only through `#decoding`, so a browser bundle that never asks for it does not carry it.
 *
 * @internal
 */
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { compiledDecoder } from "#decoding"
import { factories, Fallback, isDefaultShape } from "./decodeHints.js"
import type { FastDecoder } from "./decodeHints.js"

/**
 * `schema` with the same encoded and type sides, decoded through the compiled fast path first. It is
 * a declaration over `schema` whose surrogate is `schema` itself, so JSON Schema, OpenAPI and union
 * discrimination see `schema` unchanged; encoding is `schema`'s own.
 *
 * `project`: when `schema` is a transformation from a struct whose decoding only returns that struct's
 * member `project` (a JSON:API resource's `attributes`, a document's `data`), the other members are
 * checked without being built.
 */
export const withFastDecode = <A, I, R>(
  schema: Schema.Schema<A, I, R>,
  options?: { readonly project?: string | undefined }
): Schema.Schema<A, I, R> => {
  const annotations: Record<symbol, unknown> = { [AST.SurrogateAnnotationId]: schema.ast }
  // HttpApi names a response after the description or identifier of a transformation's `to` side.
  const described = AST.isTransformation(schema.ast) ? { ...schema.ast.to.annotations, ...schema.ast.annotations } : {}
  const description = described[AST.DescriptionAnnotationId] ?? described[AST.IdentifierAnnotationId]
  if (description !== undefined) annotations[AST.DescriptionAnnotationId] = description
  const project = options?.project
  const decodeUnknown = (inner: AST.AST) => {
    const parse = ParseResult.decodeUnknown(Schema.make(inner))
    // Compiled on the first decode that finds a compiler (one can be installed after this is built).
    let fast: FastDecoder | undefined
    return (input: unknown, parseOptions: AST.ParseOptions) => {
      if (isDefaultShape(parseOptions)) {
        fast ??= compiledDecoder(inner, project)
        const value = fast === undefined ? Fallback : fast(input, parseOptions)
        if (value !== Fallback) return ParseResult.succeed(value)
      }
      return parse(input, parseOptions)
    }
  }
  factories.set(decodeUnknown, project)
  return Schema.make(new AST.Declaration([schema.ast], decodeUnknown, encodeUnknown, annotations))
}

function encodeUnknown(inner: AST.AST) {
  const encode = ParseResult.encodeUnknown(Schema.make(inner))
  return (input: unknown, options: AST.ParseOptions) => encode(input, options)
}
