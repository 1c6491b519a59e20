/**
 * The two optional property signatures the contracts use, built as `Schema.optionalWith` builds them
 * (the same AST, so decoding, encoding, JSON Schema and OpenAPI are unchanged) without its switch over
 * every option, which brings the `Option`-valued and defaulted variants into every bundle.
 *
 * @internal
 */
import { identity } from "effect/Function"
import * as Option from "effect/Option"
import { isNotNull } from "effect/Predicate"
import * as Schema from "effect/Schema"

/** `Schema.optionalWith(schema, { exact: true })`: the key may be absent, never `undefined`. */
export const exact = <S extends Schema.Schema.All>(schema: S): Schema.optionalWith<S, { exact: true }> =>
  Schema.makePropertySignature(
    new Schema.PropertySignatureDeclaration(schema.ast, true, true, {}, undefined)
  ) as unknown as Schema.optionalWith<S, { exact: true }>

/** `Schema.optionalWith(schema, { exact: true, nullable: true })`: absent or `null` on the wire, absent in the model. */
export const exactNullable = <S extends Schema.Schema.Any>(
  schema: S
): Schema.optionalWith<S, { exact: true; nullable: true }> =>
  Schema.optionalToOptional(Schema.NullOr(schema), Schema.typeSchema(schema), {
    decode: Option.filter(isNotNull),
    encode: identity
  }) as unknown as Schema.optionalWith<S, { exact: true; nullable: true }>
