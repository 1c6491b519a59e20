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

/**
 * How `exactNullable` decodes a present key: `null` is dropped, any other value kept. One function for
 * all of them, so the compiled decoder knows it (`fastDecode.ts`) and applies it without an `Option`.
 */
export const dropNull: (value: Option.Option<unknown>) => Option.Option<unknown> = Option.filter(isNotNull)

/** `Schema.optionalWith(schema, { exact: true, nullable: true })`: absent or `null` on the wire, absent in the model. */
export const exactNullable = <S extends Schema.Schema.Any>(
  schema: S
): Schema.optionalWith<S, { exact: true; nullable: true }> =>
  Schema.optionalToOptional(Schema.NullOr(schema), Schema.typeSchema(schema), {
    decode: dropNull as (value: Option.Option<Schema.Schema.Type<S> | null>) => Option.Option<Schema.Schema.Type<S>>,
    encode: identity
  }) as unknown as Schema.optionalWith<S, { exact: true; nullable: true }>
