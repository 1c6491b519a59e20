/**
 * ICS tokens: the secret in a user's public calendar feed URL (crm-calendar-sync.md, "ICS Tokens").
 * The token is held as `Redacted`, so it never shows in logs or errors.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"

/**
 * An ICS token as the API returns it (on create and in the list, as the reference shows).
 *
 * @since 0.1.0
 */
export const IcsToken = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The token's id" }),
  // Assumed from the official SDK (the reference's examples leave it out).
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id").annotations({ description: "The user" }),
  token: Schema.propertySignature(Schema.Redacted(Schema.String)).annotations({
    description: "The feed's secret (redacted)"
  }),
  label: Fields.optional(Schema.String).annotations({ description: "Label" }),
  active: Schema.propertySignature(Schema.Boolean).annotations({ description: "Whether the feed answers" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "Created" })
}).annotations({
  identifier: "IcsToken",
  [Contract.TableColumns]: ["uniqueId", "label", "active", "createdAt"]
})
/** An ICS token as the client sees it. @since 0.1.0 */
export interface IcsToken extends Schema.Schema.Type<typeof IcsToken> {}

/** The JSON:API resource `{ id, type: "ics_token", attributes }`. @since 0.1.0 */
export const IcsTokenResource = JsonApi.resource("ics_token", IcsToken, { id: (token) => token.uniqueId })

/**
 * `POST /users/:user_unique_id/ics_tokens` body (sent as `{ "ics_token": {...} }`).
 *
 * @since 0.1.0
 */
export const CreateIcsTokenRequest = Schema.Struct({
  label: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "Label" })
}).annotations({ identifier: "CreateIcsTokenRequest" })
/**
 * A new ICS token, as the client takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface CreateIcsTokenRequest extends Schema.Schema.Type<typeof CreateIcsTokenRequest> {}

/**
 * `GET /users/:user_unique_id/ics_tokens`'s URL parameters (the listing is answered whole): `sort`.
 * The reference's token has no status (it has `active`), and the official SDK no filter for tokens.
 *
 * @since 0.3.0
 */
export const IcsTokenListUrlParams = Pagination.listUrlParams(IcsToken, {
  paged: false,
  sort: ["label", "createdAt"]
})

/**
 * What `IcsTokensService.list` takes: `sort`.
 *
 * @since 0.3.0
 */
export type ListIcsTokensParams = Pagination.ListParamsOf<typeof IcsTokenListUrlParams>
