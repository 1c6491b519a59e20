/**
 * A company: the tenant-side configuration of the CRM Block (its url id, name and settings), and what
 * its endpoints answer besides the company itself (the bearer tokens of exchange and impersonate, the
 * storage summary).
 *
 * The reference (crm-block.md, "Companies") lists the nine endpoints and no field, and the official
 * SDK has no companies resource (official-fields.md): every attribute here is assumed, after the
 * patterns of the documented resources (`unique_id`, snake_case, `created_at` / `updated_at`). Each
 * assumption is noted on its field.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"
import { CompanyUrlId } from "./CompanyUrlId.js"

export { CompanyUrlId } from "./CompanyUrlId.js"

/**
 * One setting's value. Assumed: settings are a flat map of strings, numbers and booleans.
 *
 * @since 0.1.0
 */
export const CompanySettingValue = Schema.Union(Schema.String, Schema.Finite, Schema.Boolean)

/**
 * A setting's name (assumed: an identifier).
 *
 * @since 0.1.0
 */
export const CompanySettingName = Schema.String.pipe(
  Schema.filter((s) =>
    /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(s) || "must be a letter, then up to 63 letters, digits or underscores"
  )
).annotations({
  identifier: "CompanySettingName",
  // Assumed: setting names are identifiers. This also keeps out `__proto__`, which no decoder stores as data.
  arbitrary: () => (fc) => fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/)
})

/**
 * A company's settings (assumed: a flat JSON object, the reference names "settings" without a shape).
 *
 * @since 0.1.0
 */
export const CompanySettings = Schema.Record({ key: CompanySettingName, value: CompanySettingValue }).annotations({
  identifier: "CompanySettings"
})
/**
 * A company's settings, as the client sees them.
 *
 * @since 0.1.0
 */
export type CompanySettings = typeof CompanySettings.Type

/**
 * A company as the API returns it.
 *
 * @since 0.1.0
 */
export const Company = Schema.Struct({
  // Assumed: the id of the documented resources, beside the url id that names the company in paths.
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The company's id" }),
  // Assumed wire name, after the path parameter `:url_id`.
  urlId: Fields.renamed(Schema.String, "url_id").annotations({ description: "Its url id (a slug)" }),
  // Assumed: "View and create company settings" names a company; the name is required.
  name: Schema.propertySignature(Schema.String).annotations({ description: "The company's name" }),
  // Assumed: a flat object, absent when none was set.
  settings: Fields.optional(CompanySettings).annotations({ description: "The company's settings" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When it was created" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "Last change" })
}).annotations({ identifier: "Company", [Contract.TableColumns]: ["urlId", "name", "createdAt"] })
/**
 * A company as the client sees it: camelCase attributes decoded from the wire.
 *
 * @since 0.1.0
 */
export interface Company extends Schema.Schema.Type<typeof Company> {}

/**
 * The JSON:API resource `{ id, type: "company", attributes }` (type assumed; id the url id).
 *
 * @since 0.1.0
 */
export const CompanyResource = JsonApi.resource("company", Company, { id: (company) => company.urlId })

/**
 * `POST /companies/` body (sent as `{ "company": {...} }`, the wrapper assumed after the documented
 * creates), validated before it is sent.
 *
 * @since 0.1.0
 */
export const CreateCompanyRequest = Schema.Struct({
  urlId: Schema.propertySignature(CompanyUrlId).pipe(Schema.fromKey("url_id")),
  name: Fields.NonBlankString.annotations({ description: "The company's name" }),
  settings: Fields.optionalInput(CompanySettings).annotations({ description: "Settings (a flat object)" })
}).annotations({ identifier: "CreateCompanyRequest" })
/**
 * The attributes of a new company, as `CompaniesService.create` takes them.
 *
 * @since 0.1.0
 */
export interface CreateCompanyRequest extends Schema.Schema.Type<typeof CreateCompanyRequest> {}

/**
 * How an issued token is presented: `Bearer`, the only type the API issues today.
 *
 * @since 0.1.0
 */
export const AccessTokenType = Schema.Literal("Bearer")
/**
 * An issued token's type: one of the values this SDK knows, as requests take them (a response may carry
 * others, kept as sent: `Fields.Open<AccessTokenType>`).
 *
 * @since 0.1.0
 */
export type AccessTokenType = typeof AccessTokenType.Type

/**
 * A bearer token the API issued: by `exchange` (for an API key) or `impersonate` (acting as a user).
 * The token itself is `Redacted`: printing the model never shows it.
 *
 * @since 0.1.0
 */
export const AccessToken = Schema.Struct({
  // Assumed: tokens have an id like every resource; it is not the token.
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The token's id" }),
  // Assumed OAuth-style names (access_token, token_type, expires_in), as "bearer token" suggests.
  accessToken: Fields.renamed(Schema.Redacted(Schema.String), "access_token").annotations({
    description: "The bearer token (secret)"
  }),
  // An OAuth token type: `Bearer` today, a registry that grows (`DPoP`), and case-insensitive.
  tokenType: Fields.renamed(Fields.openEnum(AccessTokenType), "token_type").annotations({
    description: "Bearer (how the token is presented)"
  }),
  expiresIn: Fields.renamed(Schema.Int.pipe(Schema.nonNegative()), "expires_in").annotations({
    description: "Seconds until it expires"
  }),
  // Assumed: the instant beside the seconds, so a client need not know when the answer was sent.
  expiresAt: Fields.renamed(Fields.Timestamp, "expires_at").annotations({ description: "When it expires" }),
  // Assumed: present on an impersonation token only, the user it acts as.
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id").annotations({
    description: "The user an impersonation token acts as"
  })
}).annotations({ identifier: "AccessToken", [Contract.TableColumns]: ["uniqueId", "tokenType", "expiresAt"] })
/**
 * A short-lived bearer token (`Redacted`) with its lifetime, from an exchange or an impersonation.
 *
 * @since 0.1.0
 */
export interface AccessToken extends Schema.Schema.Type<typeof AccessToken> {}

/**
 * The JSON:API resource `{ id, type: "access_token", attributes }` (type assumed).
 *
 * @since 0.1.0
 */
export const AccessTokenResource = JsonApi.resource("access_token", AccessToken, { id: (token) => token.uniqueId })

/**
 * `POST /companies/:url_id/exchange` body (sent as `{ "exchange": { "api_key": ... } }`; assumed: the key
 * travels in the body, so the exchange needs no token yet). The key is `Redacted`.
 *
 * @since 0.1.0
 */
export const ExchangeKeyRequest = Schema.Struct({
  apiKey: Schema.propertySignature(
    Schema.Redacted(Fields.NonBlankString).annotations({ description: "The API key to trade (secret)" })
  ).pipe(Schema.fromKey("api_key"))
}).annotations({ identifier: "ExchangeKeyRequest" })
/**
 * What `CompaniesService.exchange` takes: the API key to trade for a token.
 *
 * @since 0.1.0
 */
export interface ExchangeKeyRequest extends Schema.Schema.Type<typeof ExchangeKeyRequest> {}

/**
 * `POST /companies/:url_id/impersonate` body (sent as `{ "impersonate": { "user_unique_id": ... } }`,
 * assumed after the identities' `user_unique_id`).
 *
 * @since 0.1.0
 */
export const ImpersonateRequest = Schema.Struct({
  userUniqueId: Schema.propertySignature(Fields.ResourceId.annotations({ description: "The user to act as" })).pipe(
    Schema.fromKey("user_unique_id")
  )
}).annotations({ identifier: "ImpersonateRequest" })
/**
 * What `CompaniesService.impersonate` takes: the user to act as.
 *
 * @since 0.1.0
 */
export interface ImpersonateRequest extends Schema.Schema.Type<typeof ImpersonateRequest> {}

const Count = Schema.Int.pipe(Schema.nonNegative())

/**
 * What a company stores (documents and logos of accounts and contacts) against its quota. Every field
 * is assumed: the reference says only "Storage management".
 *
 * @since 0.1.0
 */
export const CompanyStorage = Schema.Struct({
  urlId: Fields.renamed(Schema.String, "url_id").annotations({ description: "The company's url id" }),
  usedBytes: Fields.renamed(Count, "used_bytes").annotations({ description: "Bytes stored" }),
  quotaBytes: Fields.renamed(Count, "quota_bytes").annotations({ description: "Bytes allowed" }),
  objectCount: Fields.renamed(Count, "object_count").annotations({ description: "Files stored" }),
  documentCount: Fields.renamed(Count, "document_count").annotations({ description: "Of which documents" }),
  logoCount: Fields.renamed(Count, "logo_count").annotations({ description: "Of which logos" })
}).annotations({
  identifier: "CompanyStorage",
  [Contract.TableColumns]: ["urlId", "usedBytes", "quotaBytes", "objectCount", "documentCount", "logoCount"]
})
/**
 * A company's storage as the client sees it: bytes and objects used, and the quota.
 *
 * @since 0.1.0
 */
export interface CompanyStorage extends Schema.Schema.Type<typeof CompanyStorage> {}

/**
 * The JSON:API resource `{ id, type: "storage", attributes }` (type assumed; id the company's url id).
 *
 * @since 0.1.0
 */
export const CompanyStorageResource = JsonApi.resource("storage", CompanyStorage, { id: (storage) => storage.urlId })
