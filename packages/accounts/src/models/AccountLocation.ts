/**
 * An account's locations (offices, sites): `GET` and `POST /accounts/:unique_id/locations`
 * (crm-block.md). Neither the reference nor the official SDK shows a location's attributes: these are
 * the postal address fields a CRM location needs, each an assumption.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"

/**
 * A two-letter ISO 3166-1 country code in upper case (`US`, `DE`).
 *
 * @since 0.1.0
 */
export const CountryCode = Schema.String.pipe(
  Schema.filter((s) => /^[A-Z]{2}$/.test(s) || `Expected a two-letter ISO 3166 country code, got ${JSON.stringify(s)}`)
).annotations({
  identifier: "CountryCode",
  arbitrary: () => (fc) => fc.constantFrom("US", "DE", "FR", "GB", "JP", "BR")
})

/**
 * A location of an account as the API returns it.
 *
 * @since 0.1.0
 */
export const AccountLocation = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The location's id" }),
  // Assumed, like the official SDK's other account sub-records (`account_unique_id`).
  accountUniqueId: Fields.renamed(Schema.String, "account_unique_id").annotations({ description: "The account" }),
  // Assumed: what the sales team calls the place ("Head office").
  name: Schema.propertySignature(Schema.String).annotations({ description: "The location's name" }),
  // Assumed: street and number.
  address: Fields.optional(Schema.String).annotations({ description: "Street address" }),
  // Assumed.
  city: Fields.optional(Schema.String).annotations({ description: "City" }),
  // Assumed: state, province or county.
  region: Fields.optional(Schema.String).annotations({ description: "State or region" }),
  // Assumed.
  postalCode: Fields.optionalRenamed(Schema.String, "postal_code").annotations({ description: "Postal code" }),
  // Assumed: ISO 3166-1 alpha-2.
  country: Fields.optional(Schema.String).annotations({ description: "Country code" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When it was added" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "When it last changed" })
}).annotations({
  identifier: "AccountLocation",
  [Contract.TableColumns]: ["uniqueId", "name", "address", "city", "postalCode", "country"]
})
/**
 * A location as the client sees it.
 *
 * @since 0.1.0
 */
export interface AccountLocation extends Schema.Schema.Type<typeof AccountLocation> {}

/**
 * The JSON:API resource `{ id, type: "location", attributes }`.
 *
 * @since 0.1.0
 */
export const AccountLocationResource = JsonApi.resource("location", AccountLocation, {
  id: (location) => location.uniqueId
})

/**
 * `POST /accounts/:unique_id/locations` body (sent as `{ "location": {...} }`). `name` is required.
 *
 * @since 0.1.0
 */
export const CreateAccountLocationRequest = Schema.Struct({
  name: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "The location's name" }),
  address: Fields.optionalInput(Schema.String).annotations({ description: "Street address" }),
  city: Fields.optionalInput(Schema.String).annotations({ description: "City" }),
  region: Fields.optionalInput(Schema.String).annotations({ description: "State or region" }),
  postalCode: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("postal_code")).annotations({
    description: "Postal code"
  }),
  country: Fields.optionalInput(CountryCode).annotations({ description: "ISO 3166 country code, e.g. US" })
}).annotations({ identifier: "CreateAccountLocationRequest" })
/**
 * A new location, as `AccountLocationsService.create` takes it.
 *
 * @since 0.1.0
 */
export interface CreateAccountLocationRequest extends Schema.Schema.Type<typeof CreateAccountLocationRequest> {}
