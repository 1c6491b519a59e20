/**
 * What a domain package needs to declare its endpoints once: the API-key and Bearer security
 * middlewares, the error bodies with their statuses, and the JSON:API success documents
 * (see `JsonApi`). The emulator implements the middlewares; the client only sends the headers.
 *
 * @since 0.1.0
 */
import * as HttpApiMiddleware from "@effect/platform/HttpApiMiddleware"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as HttpApiSecurity from "@effect/platform/HttpApiSecurity"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import type * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { ErrorDocument } from "./JsonApi.js"
import type { ErrorObject } from "./JsonApi.js"

/**
 * The fields of an error response class: the reference's `{"errors": [...]}` body.
 *
 * @since 0.4.0
 */
export interface ErrorFields {
  readonly errors: ReadonlyArray<typeof ErrorObject.Type>
}

/**
 * The wire form of an error class: the reference's `{"errors": [...]}` body (no `_tag` on the wire),
 * with the HTTP status it is sent with. Distinct classes keep errors of equal shape apart. These serve
 * the server (the emulator encodes its failures with them) and the OpenAPI document; the client maps
 * every non-2xx status itself, in `CrmTransport.errorForStatus`, before any body is decoded. The type
 * side is the class itself (an instance of it), declared without Schema's class machinery.
 */
const onTheWire = <A extends ErrorFields>(
  errorClass: new(props: ErrorFields) => A,
  tag: string,
  status: number,
  description: string
): Schema.Schema<A, typeof ErrorDocument.Encoded> =>
  Schema.transform(
    ErrorDocument,
    Schema.declare((u: unknown): u is A => u instanceof errorClass, { identifier: tag }),
    {
      strict: true,
      decode: (doc) => new errorClass({ errors: doc.errors }),
      encode: (error) => ({ errors: error.errors })
    }
  ).annotations(HttpApiSchema.annotations({ status, description, identifier: `Error${status}` }))

/** How an error response prints: its fields, as Schema's tagged errors print theirs. */
const describe = (error: ErrorFields) => `{ errors: ${JSON.stringify(error.errors)} }`

/**
 * 401: missing or invalid credentials. Use `UnauthorizedResponse.wire` in contracts.
 *
 * @since 0.1.0
 */
export class UnauthorizedResponse extends /* @__PURE__ */ Data.TaggedError("UnauthorizedResponse")<ErrorFields> {
  override get message() {
    return describe(this)
  }
  static readonly wire = /* @__PURE__ */ onTheWire(this, "UnauthorizedResponse", 401, "Missing or invalid credentials")
}

/**
 * 404: the resource does not exist (or belongs to another tenant).
 *
 * @since 0.1.0
 */
export class NotFoundResponse extends /* @__PURE__ */ Data.TaggedError("NotFoundResponse")<ErrorFields> {
  override get message() {
    return describe(this)
  }
  static readonly wire = /* @__PURE__ */ onTheWire(this, "NotFoundResponse", 404, "Resource not found")
}

/**
 * 409: the request conflicts with the resource's state.
 *
 * @since 0.1.0
 */
export class ConflictResponse extends /* @__PURE__ */ Data.TaggedError("ConflictResponse")<ErrorFields> {
  override get message() {
    return describe(this)
  }
  static readonly wire = /* @__PURE__ */ onTheWire(this, "ConflictResponse", 409, "Conflict")
}

/**
 * 422: validation errors, one per invalid field, each with `source.pointer`.
 *
 * @since 0.1.0
 */
export class ValidationFailedResponse
  extends /* @__PURE__ */ Data.TaggedError("ValidationFailedResponse")<ErrorFields>
{
  override get message() {
    return describe(this)
  }
  static readonly wire = /* @__PURE__ */ onTheWire(
    this,
    "ValidationFailedResponse",
    422,
    "Validation errors, one per invalid field"
  )
}

/**
 * The caller's application, resolved from its API key (each key is one tenant).
 *
 * @since 0.1.0
 */
export class CallerApp extends /* @__PURE__ */ Context.Tag("@blocks-crm/core-http/CallerApp")<
  CallerApp,
  { readonly tenantId: string }
>() {}

/**
 * The API key, in the `AppId` header (the reference) or `X-Api-Key` (the official SDK). Either one.
 *
 * @since 0.1.0
 */
export class ApiKeyAuth extends HttpApiMiddleware.Tag<ApiKeyAuth>()("@blocks-crm/core-http/ApiKeyAuth", {
  failure: UnauthorizedResponse.wire,
  provides: CallerApp,
  security: {
    appId: HttpApiSecurity.apiKey({ key: "AppId", in: "header" }),
    xApiKey: HttpApiSecurity.apiKey({ key: "X-Api-Key", in: "header" })
  }
}) {}

/**
 * `Authorization: Bearer <token>`.
 *
 * @since 0.1.0
 */
export class BearerAuth extends HttpApiMiddleware.Tag<BearerAuth>()("@blocks-crm/core-http/BearerAuth", {
  failure: UnauthorizedResponse.wire,
  security: { bearer: HttpApiSecurity.bearer }
}) {}

/**
 * One JSON:API error object, for the emulator and tests:
 * `errorObject(404, "not_found", "Lead Not Found", "...")`. `pointer` names the field of a 422.
 *
 * @since 0.1.0
 */
export const errorObject = (
  status: number,
  code: string,
  title: string,
  detail: string,
  pointer?: string
): typeof ErrorObject.Type => ({
  status: String(status),
  code,
  title,
  detail,
  ...(pointer === undefined ? {} : { source: { pointer } })
})

/**
 * How a command-line interface built from the contract (the reference's `crm`) presents a group: the
 * words of its command (`["leads", "follows"]` nests the group under `leads`; default: the group's
 * identifier in kebab-case) and the noun for one of its records (`"follow-up"`; default: the JSON:API
 * resource type). Annotate the group with it: `.annotate(Contract.CliGroup, { path: ["leads", "follows"] })`.
 *
 * @since 0.2.0
 */
export class CliGroup extends /* @__PURE__ */ Context.Tag("@blocks-crm/core-http/CliGroup")<CliGroup, {
  readonly path?: ReadonlyArray<string> | undefined
  readonly noun?: string | undefined
}>() {}

/**
 * The command name of an endpoint where the contract's name reads badly on a command line
 * (`listDeleted` → `deleted`; default: the endpoint's name in kebab-case).
 *
 * @since 0.2.0
 */
export class CliCommand extends /* @__PURE__ */ Context.Tag("@blocks-crm/core-http/CliCommand")<CliCommand, {
  readonly name?: string | undefined
}>() {}

/**
 * An endpoint whose request is signed with a shared secret (a webhook): how to sign a raw body. A
 * client built from the contract alone (the reference's `crm`) reads it to offer a secret flag
 * (`--<secretName>`) and send the signature headers; without the secret it sends none, and the API
 * answers as it does to an unsigned request. The secret never leaves the signing function.
 *
 * @since 0.2.0
 */
export class SignedRequest extends /* @__PURE__ */ Context.Tag("@blocks-crm/core-http/SignedRequest")<SignedRequest, {
  /** The secret's flag name, in kebab-case (`zoom-secret`). */
  readonly secretName: string
  /** The headers that sign `rawBody`, the exact JSON text sent. */
  readonly sign: (
    secret: Redacted.Redacted<string>,
    rawBody: string
  ) => Effect.Effect<Readonly<Record<string, string>>>
}>() {}

/**
 * A public endpoint or group (the ICS feed, a webhook a third party calls): the derived client sends it
 * no bearer token and no API key (`CallOptions.anonymous`). Annotate with `true`:
 * `.annotate(Contract.Public, true)`. Without it every call carries the credentials.
 *
 * @since 0.2.0
 */
export class Public extends /* @__PURE__ */ Context.Tag("@blocks-crm/core-http/Public")<Public, boolean>() {}

/**
 * The path parameters of an endpoint whose values are secrets (the ICS feed's token). A client built
 * from the contract alone (the reference's `crm`) sends the call with those values as
 * `CallOptions.secrets`, so no error, log or span shows them.
 *
 * @since 0.2.0
 */
export class SecretPathParams extends /* @__PURE__ */ Context.Tag("@blocks-crm/core-http/SecretPathParams")<
  SecretPathParams,
  ReadonlyArray<string>
>() {}

/**
 * A model annotation: the fields a table of the model shows, in order
 * (`Schema.Struct({...}).annotations({ [Contract.TableColumns]: ["uniqueId", "name"] })`). Without it a
 * table shows the model's scalar fields.
 *
 * @since 0.2.0
 */
export const TableColumns: unique symbol = Symbol.for("@blocks-crm/core-http/TableColumns")
