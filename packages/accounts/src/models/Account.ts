/**
 * Accounts: the customer companies the sales team sells to (crm-block.md, "Accounts"). Attributes come
 * from the reference's create example (`name`, `industry`, `website`, `phone`, `email`) and, where it is
 * silent, from the official SDK's account mapper (official-fields.md, "Accounts").
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import { Payload } from "./Payload.js"
import { RecordStatus } from "./RecordStatus.js"

/**
 * An account's state (the official SDK's status set). `archived` and `deleted` are set by
 * `DELETE /accounts/:id/archive` and `DELETE /accounts/:id/`, and `recover` makes the account `active`.
 *
 * @since 0.1.0
 */
export const AccountStatus = RecordStatus
/**
 * An account's state: one of the values this SDK knows, as requests take them (a response may carry others,
 * kept as sent: `Fields.Open<AccountStatus>`).
 *
 * @since 0.1.0
 */
export type AccountStatus = RecordStatus

/**
 * The states an update may set: archiving, trashing and recovering have their own endpoints.
 *
 * @since 0.1.0
 */
export const SettableAccountStatus = Schema.Literal("active", "inactive", "pending")

/**
 * An e-mail address (`info@acme.com`), checked for its shape.
 *
 * @since 0.1.0
 */
export const AccountEmail = Fields.EmailAddress.annotations({
  // Random strings almost never look like an address: generate ones that do.
  arbitrary: () => (fc) =>
    fc.tuple(
      fc.stringMatching(/^[a-z0-9._-]{1,12}$/),
      fc.stringMatching(/^[a-z0-9-]{1,12}$/),
      fc.constantFrom("com", "io", "de")
    )
      .map(([local, host, tld]) => `${local}@${host}.${tld}`)
})

/**
 * A web address with an `http` or `https` scheme and a host with a dot (`https://acme.com`).
 *
 * @since 0.1.0
 */
export const Website = Schema.String.pipe(
  Schema.filter((s) => {
    const bad = `Expected an http(s) web address such as https://acme.com, got ${JSON.stringify(s)}`
    if (!URL.canParse(s)) return bad
    const url = new URL(s)
    return ((url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".")) || bad
  })
).annotations({
  identifier: "Website",
  arbitrary: () => (fc) =>
    fc.tuple(
      fc.constantFrom("http", "https"),
      fc.stringMatching(/^[a-z0-9]{1,12}$/),
      fc.constantFrom("com", "org", "io")
    )
      .map(([scheme, host, tld]) => `${scheme}://${host}.${tld}`)
})

/**
 * A telephone number as people write it: an optional `+`, digits grouped by spaces, dots, dashes or
 * parentheses, 7 to 15 digits in all (E.164's maximum). The reference's `+1-555-0100` has 8 digits,
 * which a strict numbering-plan library would refuse, so only the shape is checked.
 *
 * @since 0.1.0
 */
export const PhoneNumber = Schema.String.pipe(
  Schema.filter((s) => {
    const digits = s.replace(/\D/g, "").length
    return (/^\+?(\(\d+\)|\d+)([ .-]?(\(\d+\)|\d+))*$/.test(s) && digits >= 7 && digits <= 15) ||
      `Expected a phone number of 7 to 15 digits such as +1-555-0100, got ${JSON.stringify(s)}`
  })
).annotations({
  identifier: "PhoneNumber",
  arbitrary: () => (fc) =>
    fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1000, max: 9999 }))
      .map(([country, area, line]) => `+${country}-${area}-${line}`)
})

/** Every attribute of an account as the API may send it: all optional but the id, as after an update. */
const accountAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The account's id" }),
  name: Fields.optional(Schema.String).annotations({ description: "The account's name" }),
  // From the official SDK, which types it required; the reference's create example sends none.
  code: Fields.optional(Schema.String).annotations({ description: "The account's own code" }),
  // From the official SDK.
  label: Fields.optional(Schema.String).annotations({ description: "A display label" }),
  industry: Fields.optional(Schema.String).annotations({ description: "Industry, e.g. Technology" }),
  website: Fields.optional(Schema.String).annotations({ description: "Web site" }),
  phone: Fields.optional(Schema.String).annotations({ description: "Telephone number" }),
  email: Fields.optional(Schema.String).annotations({ description: "E-mail address" }),
  // From the official SDK; every account has one there (`active` unless archived or deleted).
  status: Fields.optional(Fields.openEnum(AccountStatus)).annotations({
    description: "active, inactive, pending, archived or deleted"
  }),
  // From the official SDK.
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether the account is enabled" }),
  // From the official SDK.
  preferredDomain: Fields.optionalRenamed(Schema.String, "preferred_domain").annotations({
    description: "Preferred domain"
  }),
  // From the official SDK.
  preferredLanguage: Fields.optionalRenamed(Schema.String, "preferred_language").annotations({
    description: "Preferred language"
  }),
  // From the official SDK: a free-form object.
  payload: Fields.optional(Payload).annotations({ description: "Free-form data" }),
  // From the official SDK.
  tags: Fields.optional(Schema.Array(Schema.String)).annotations({ description: "Tags" }),
  // Neither document shows it: the URL of the published logo (`PUT /accounts/:id/logo/publish`).
  logoUrl: Fields.optionalRenamed(Schema.String, "logo_url").annotations({ description: "The published logo" }),
  // From the official SDK.
  createdBy: Fields.optionalRenamed(Schema.String, "created_by").annotations({ description: "Who created it" }),
  // From the official SDK.
  updatedBy: Fields.optionalRenamed(Schema.String, "updated_by").annotations({ description: "Who last changed it" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({
    description: "When the account was created"
  }),
  // Optional: the reference shows no update time for accounts.
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the account last changed"
  })
}

/**
 * An account as the API returns it: the name, status and creation time are always there; the rest is
 * absent when the API leaves it out or sends `null`. A missing required attribute fails decoding with
 * its path.
 *
 * @since 0.1.0
 */
export const Account = Schema.Struct({
  ...accountAttributes,
  name: Schema.propertySignature(Schema.String).annotations({ description: "The account's name" }),
  status: Schema.propertySignature(Fields.openEnum(AccountStatus)).annotations({
    description: "active, inactive, pending, archived or deleted"
  }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the account was created" })
}).annotations({
  identifier: "Account",
  [Contract.TableColumns]: ["uniqueId", "name", "industry", "status", "email", "phone", "website", "createdAt"]
})
/**
 * An account as the client sees it: camelCase attributes decoded from the wire.
 *
 * @since 0.1.0
 */
export interface Account extends Schema.Schema.Type<typeof Account> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back. Nothing
 * absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedAccount = Schema.Struct(accountAttributes).annotations({ identifier: "UpdatedAccount" })
/**
 * What `AccountsService.update` returns.
 *
 * @since 0.1.0
 */
export interface UpdatedAccount extends Schema.Schema.Type<typeof UpdatedAccount> {}

/**
 * The JSON:API resource `{ id, type: "account", attributes }`.
 *
 * @since 0.1.0
 */
export const AccountResource = JsonApi.resource("account", Account, { id: (account) => account.uniqueId })
/**
 * The resource in an update's answer, decoding to an `UpdatedAccount`.
 *
 * @since 0.1.0
 */
export const UpdatedAccountResource = JsonApi.resource("account", UpdatedAccount, {
  id: (account) => account.uniqueId
})

const requestFields = {
  name: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "The account's name" }),
  // The official SDK's create sends it (typed required there); the reference's example does not.
  code: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "The account's own code" }),
  label: Fields.optionalInput(Schema.String).annotations({ description: "A display label" }),
  industry: Fields.optionalInput(Schema.String).annotations({ description: "Industry, e.g. Technology" }),
  website: Fields.optionalInput(Website).annotations({ description: "Web site, http(s)" }),
  phone: Fields.optionalInput(PhoneNumber).annotations({ description: "Telephone number, e.g. +1-555-0100" }),
  email: Fields.optionalInput(AccountEmail).annotations({ description: "E-mail address" }),
  preferredDomain: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("preferred_domain")).annotations({
    description: "Preferred domain"
  }),
  preferredLanguage: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("preferred_language")).annotations({
    description: "Preferred language"
  }),
  payload: Fields.optionalInput(Payload).annotations({ description: "Free-form data (a JSON object)" }),
  tags: Fields.optionalInput(Schema.Array(Schema.String)).annotations({ description: "Tags (a JSON array)" })
}

/**
 * `POST /accounts/` body (sent as `{ "account": {...} }`): the reference's fields (`name`, `industry`,
 * `website`, `phone`, `email`) and the official SDK's (`code`, `label`, `preferred_domain`, ...). Only
 * `name` is required; e-mail, web site and phone are checked before anything is sent.
 *
 * @since 0.1.0
 */
export const CreateAccountRequest = Schema.Struct(requestFields).annotations({ identifier: "CreateAccountRequest" })
/**
 * The attributes of a new account, as `AccountsService.create` takes them.
 *
 * @since 0.1.0
 */
export interface CreateAccountRequest extends Schema.Schema.Type<typeof CreateAccountRequest> {}

/**
 * `PUT /accounts/:unique_id/` body: any attribute, at least one. As in the official SDK, `code` cannot
 * change and `enabled` and `status` can.
 *
 * @since 0.1.0
 */
export const UpdateAccountRequest = Schema.Struct({
  name: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "The account's name" }),
  label: requestFields.label,
  industry: requestFields.industry,
  website: requestFields.website,
  phone: requestFields.phone,
  email: requestFields.email,
  preferredDomain: requestFields.preferredDomain,
  preferredLanguage: requestFields.preferredLanguage,
  payload: requestFields.payload,
  tags: requestFields.tags,
  enabled: Fields.optionalInput(Schema.Boolean).annotations({ description: "Whether the account is enabled" }),
  status: Fields.optionalInput(SettableAccountStatus).annotations({ description: "active, inactive or pending" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateAccountRequest" })
/**
 * The attributes to change on an account, as `AccountsService.update` takes them.
 *
 * @since 0.1.0
 */
export interface UpdateAccountRequest extends Schema.Schema.Type<typeof UpdateAccountRequest> {}

/**
 * `GET /accounts/`'s URL parameters: a page, `search`, `status` (`archived` lists the archive, as
 * `GET /accounts/status/archive` does) and `sort`. The official SDK has no other filter for accounts.
 *
 * @since 0.3.0
 */
export const AccountListUrlParams = Pagination.listUrlParams(Account, {
  search: true,
  status: AccountStatus,
  sort: ["name", "code", "createdAt", "updatedAt"]
})

/**
 * What `AccountsService.list` takes: `page` (from 1), `records` (page size), `status` and `sort`.
 *
 * @since 0.1.0
 */
export type ListAccountsParams = Pagination.ListParamsOf<typeof AccountListUrlParams>
