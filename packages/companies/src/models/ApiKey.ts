/**
 * A company's API keys. The secret is shown once, in the answer of the create (`CreatedApiKey`, as a
 * `Redacted`); later reads show its prefix and last four characters only. Every field is assumed: the
 * reference says "CRUD for API keys" and the official SDK has no such resource.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"

const apiKeyFields = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The key's id" }),
  // Assumed: keys are named after what uses them ("integration").
  name: Schema.propertySignature(Schema.String).annotations({ description: "What the key is for" }),
  // Assumed: the scheme part of the secret (e.g. pk_live), as the reference's example key shows one.
  prefix: Schema.propertySignature(Schema.String).annotations({ description: "The secret's prefix" }),
  lastFour: Fields.renamed(Schema.String, "last_four").annotations({ description: "The secret's last 4 characters" }),
  // Assumed: a disabled key is refused (401) until enabled again.
  enabled: Schema.propertySignature(Schema.Boolean).annotations({ description: "Whether the key is accepted" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When it was created" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "Last change" })
}

/**
 * An API key as reads show it: never the secret.
 *
 * @since 0.1.0
 */
export const ApiKey = Schema.Struct(apiKeyFields).annotations({
  identifier: "ApiKey",
  [Contract.TableColumns]: ["uniqueId", "name", "prefix", "lastFour", "enabled"]
})
/**
 * An API key as the client sees it: its name, prefix, last four characters and state, never its secret.
 *
 * @since 0.1.0
 */
export interface ApiKey extends Schema.Schema.Type<typeof ApiKey> {}

/**
 * The answer of a create: the key and, this once, its secret (`Redacted`: keep it, it is not shown again).
 *
 * @since 0.1.0
 */
export const CreatedApiKey = Schema.Struct({
  ...apiKeyFields,
  // Assumed wire name; sent only by the create.
  secret: Schema.propertySignature(Schema.Redacted(Schema.String)).annotations({
    description: "The key itself (shown once)"
  })
}).annotations({
  identifier: "CreatedApiKey",
  [Contract.TableColumns]: ["uniqueId", "name", "prefix", "lastFour", "enabled"]
})
/**
 * A new API key as the client sees it, with its secret (`Redacted`), which the API shows this once.
 *
 * @since 0.1.0
 */
export interface CreatedApiKey extends Schema.Schema.Type<typeof CreatedApiKey> {}

/** `{ id, type: "api_key", attributes }` (type assumed). @since 0.1.0 */
export const ApiKeyResource = JsonApi.resource("api_key", ApiKey, { id: (key) => key.uniqueId })
/** The create's resource, with the secret. @since 0.1.0 */
export const CreatedApiKeyResource = JsonApi.resource("api_key", CreatedApiKey, { id: (key) => key.uniqueId })

/**
 * `POST /companies/:url_id/keys` body (sent as `{ "api_key": {...} }`, wrapper assumed).
 *
 * @since 0.1.0
 */
export const CreateApiKeyRequest = Schema.Struct({
  name: Fields.NonBlankString.pipe(Schema.maxLength(100)).annotations({ description: "What the key is for" })
}).annotations({ identifier: "CreateApiKeyRequest" })
/**
 * The attributes of a new API key, as `CompanyKeysService.create` takes them.
 *
 * @since 0.1.0
 */
export interface CreateApiKeyRequest extends Schema.Schema.Type<typeof CreateApiKeyRequest> {}

/**
 * `PUT /companies/:url_id/keys/:key_id` body: a new name, or `enabled: false` to disable (true to
 * enable again); at least one.
 *
 * @since 0.1.0
 */
export const UpdateApiKeyRequest = Schema.Struct({
  name: Fields.optionalInput(Fields.NonBlankString.pipe(Schema.maxLength(100))).annotations({
    description: "A new name"
  }),
  enabled: Fields.optionalInput(Schema.Boolean).annotations({ description: "false disables the key" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateApiKeyRequest" })
/**
 * The attributes an API key update may change (its name, whether it is enabled).
 *
 * @since 0.1.0
 */
export interface UpdateApiKeyRequest extends Schema.Schema.Type<typeof UpdateApiKeyRequest> {}
