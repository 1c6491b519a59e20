/**
 * A derived endpoint function carries its URL-parameter schema (set by `ApiClient.group`), so the
 * standard methods built over it (`ResourceClient.crud`) know which list parameters it takes without
 * the service restating them.
 */
import type * as Schema from "effect/Schema"

const UrlParamsSchemaKey: unique symbol = Symbol.for("@blocks-crm/core-http/UrlParamsSchema")

/** Marks `call` as taking URL parameters read by `schema`. */
export const withUrlParamsSchema = <F extends object>(call: F, schema: Schema.Schema.Any | undefined): F => {
  if (schema !== undefined) Object.defineProperty(call, UrlParamsSchemaKey, { value: schema })
  return call
}

/** The URL-parameter schema of a derived endpoint function, if it is one. */
export const urlParamsSchemaOf = (call: unknown): Schema.Schema.Any | undefined =>
  typeof call === "function"
    ? (call as { readonly [UrlParamsSchemaKey]?: Schema.Schema.Any })[UrlParamsSchemaKey]
    : undefined
