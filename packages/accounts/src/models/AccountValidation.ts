/**
 * Checking an account before creating it: `POST /accounts/validate` (its problems) and
 * `POST /accounts/validate_tax_id` (a tax id's format and check digit). The reference names both and
 * shows neither body: the shapes here are this SDK's, documented in the package README.
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Schema from "effect/Schema"
import { Payload } from "./Payload.js"

/**
 * `POST /accounts/validate` body (sent as `{ "account": {...} }`): the create request's attributes,
 * none required and none checked before sending, since finding their problems is the server's answer.
 *
 * @since 0.1.0
 */
export const ValidateAccountRequest = Schema.Struct({
  name: Fields.optionalInput(Schema.String).annotations({ description: "The account's name" }),
  code: Fields.optionalInput(Schema.String).annotations({ description: "The account's own code" }),
  label: Fields.optionalInput(Schema.String).annotations({ description: "A display label" }),
  industry: Fields.optionalInput(Schema.String).annotations({ description: "Industry" }),
  website: Fields.optionalInput(Schema.String).annotations({ description: "Web site" }),
  phone: Fields.optionalInput(Schema.String).annotations({ description: "Telephone number" }),
  email: Fields.optionalInput(Schema.String).annotations({ description: "E-mail address" }),
  preferredDomain: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("preferred_domain")).annotations({
    description: "Preferred domain"
  }),
  preferredLanguage: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("preferred_language")).annotations({
    description: "Preferred language"
  }),
  payload: Fields.optionalInput(Payload).annotations({ description: "Free-form data (a JSON object)" }),
  tags: Fields.optionalInput(Schema.Array(Schema.String)).annotations({ description: "Tags (a JSON array)" })
}).annotations({ identifier: "ValidateAccountRequest" })
/**
 * An account payload to check, as `AccountsService.validate` takes it.
 *
 * @since 0.1.0
 */
export interface ValidateAccountRequest extends Schema.Schema.Type<typeof ValidateAccountRequest> {}

/**
 * What is wrong with one attribute: `required` (missing or blank), `invalid` (malformed) or `taken`
 * (another account of the tenant has that name), the codes the emulator's 422s use.
 *
 * @since 0.1.0
 */
export const AccountProblemCode = Schema.Literal("required", "invalid", "taken")

/**
 * One problem of an account payload. `attribute` is the wire name (`email`, `preferred_domain`).
 *
 * @since 0.1.0
 */
export const AccountProblem = Schema.Struct({
  attribute: Schema.String,
  code: Fields.openEnum(AccountProblemCode),
  detail: Schema.String
}).annotations({ identifier: "AccountProblem" })
/**
 * One problem of an account payload.
 *
 * @since 0.1.0
 */
export interface AccountProblem extends Schema.Schema.Type<typeof AccountProblem> {}

/**
 * The verdict on an account payload: `valid` exactly when `problems` is empty.
 *
 * @since 0.1.0
 */
export const AccountValidation = Schema.Struct({
  valid: Schema.Boolean,
  problems: Schema.Array(AccountProblem)
}).annotations({ identifier: "AccountValidation" })
/**
 * What `AccountsService.validate` returns.
 *
 * @since 0.1.0
 */
export interface AccountValidation extends Schema.Schema.Type<typeof AccountValidation> {}

/**
 * A two-letter country code in upper case, as VAT numbers prefix them (`DE`; Greece is `EL`).
 *
 * @since 0.1.0
 */
export const TaxCountry = Schema.String.pipe(
  Schema.filter((s) =>
    /^[A-Z]{2}$/.test(s) || `Expected a two-letter country code in upper case, got ${JSON.stringify(s)}`
  )
).annotations({ identifier: "TaxCountry" })

/**
 * `POST /accounts/validate_tax_id` body (sent as `{ "account": {...} }`): the number, with or without
 * its country prefix, and the country when the number carries none.
 *
 * @since 0.1.0
 */
export const ValidateTaxIdRequest = Schema.Struct({
  taxId: Schema.propertySignature(Fields.NonBlankString).pipe(Schema.fromKey("tax_id")).annotations({
    description: "The tax id, e.g. DE129273398"
  }),
  country: Fields.optionalInput(TaxCountry).annotations({
    description: "Country code when the tax id has no prefix, e.g. DE"
  })
}).annotations({ identifier: "ValidateTaxIdRequest" })
/**
 * A tax id to check, as `AccountsService.validateTaxId` takes it.
 *
 * @since 0.1.0
 */
export interface ValidateTaxIdRequest extends Schema.Schema.Type<typeof ValidateTaxIdRequest> {}

/**
 * Why a tax id is invalid: the country is not one the API checks, the number does not have the
 * country's format, or its check digit does not match.
 *
 * @since 0.1.0
 */
export const TaxIdProblem = Schema.Literal("unsupported_country", "invalid_format", "invalid_check_digit")
/**
 * Why a tax id is invalid: one of the values this SDK knows, as requests take them (a response may carry
 * others, kept as sent: `Fields.Open<TaxIdProblem>`).
 *
 * @since 0.1.0
 */
export type TaxIdProblem = typeof TaxIdProblem.Type

/**
 * The verdict on a tax id: the number as checked (prefixed, without spaces), its country when known,
 * and, when invalid, the reason and a sentence saying it.
 *
 * @since 0.1.0
 */
export const TaxIdValidation = Schema.Struct({
  taxId: Fields.renamed(Schema.String, "tax_id"),
  country: Fields.optional(Schema.String),
  valid: Schema.Boolean,
  reason: Fields.optional(Fields.openEnum(TaxIdProblem)),
  detail: Fields.optional(Schema.String)
}).annotations({ identifier: "TaxIdValidation" })
/**
 * What `AccountsService.validateTaxId` returns.
 *
 * @since 0.1.0
 */
export interface TaxIdValidation extends Schema.Schema.Type<typeof TaxIdValidation> {}

/**
 * A verdict's success body: `{ "data": { "type": <type>, "attributes": {...} } }`. A verdict is not a
 * stored record, so it has no id.
 */
const verdictDocument = <const Type extends string, A, I>(type: Type, attributes: Schema.Schema<A, I>) =>
  Schema.transform(
    Schema.Struct({ data: Schema.Struct({ type: Schema.Literal(type), attributes }) }),
    Schema.typeSchema(attributes),
    {
      strict: true,
      decode: (document) => document.data.attributes,
      encode: (verdict) => ({ data: { type, attributes: verdict } })
    }
  )

/**
 * The success body of `POST /accounts/validate`: `{ "data": { "type": "account_validation", "attributes": { "valid", "problems" } } }`.
 *
 * @since 0.1.0
 */
export const AccountValidationDocument = verdictDocument("account_validation", AccountValidation)

/**
 * The success body of `POST /accounts/validate_tax_id`:
 * `{ "data": { "type": "tax_id_validation", "attributes": { "tax_id", "country", "valid", "reason", "detail" } } }`.
 *
 * @since 0.1.0
 */
export const TaxIdValidationDocument = verdictDocument("tax_id_validation", TaxIdValidation)
