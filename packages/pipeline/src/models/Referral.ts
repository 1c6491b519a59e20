/**
 * Referrals: who referred whom, and whether the referrer's reward is due.
 *
 * Assumption: the reference (crm-block.md, "Referrals") documents only the plain CRUD endpoints and
 * "track referral reward status"; it shows no attributes, no example body, no resource type and no
 * reward statuses. The attributes below follow the leads model (snake_case wire keys, linked records as
 * `*_id` plus JSON:API relationships, decimals as numbers or strings): `unique_id`, `referrer_name`
 * (required), `referrer_email`, `referred_name`, `referred_email`, `lead_id`, `reward_amount`,
 * `reward_status` (required; assumed `pending`, `approved`, `paid`, `rejected`), `notes`, `created_at`
 * (required), `updated_at`. The resource type is assumed to be `referral` and the request body key
 * `referral`. Check these against the live API before relying on them.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"

/**
 * Where the referrer's reward stands (assumed values, see the module's doc).
 *
 * @since 0.1.0
 */
export const ReferralRewardStatus = Schema.Literal("pending", "approved", "paid", "rejected")
/**
 * A referral's reward status: one of the values this SDK knows, as requests take them (a response may carry
 * others, kept as sent: `Fields.Open<ReferralRewardStatus>`).
 *
 * @since 0.1.0
 */
export type ReferralRewardStatus = typeof ReferralRewardStatus.Type

/** The attributes of a referral as the API may send them: all optional but the id, as after an update. */
const referralAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The record's id" }),
  referrerName: Fields.optionalRenamed(Schema.String, "referrer_name").annotations({
    description: "Who made the referral"
  }),
  referrerEmail: Fields.optionalRenamed(Schema.String, "referrer_email").annotations({
    description: "The referrer's e-mail"
  }),
  referredName: Fields.optionalRenamed(Schema.String, "referred_name").annotations({ description: "Who was referred" }),
  referredEmail: Fields.optionalRenamed(Schema.String, "referred_email").annotations({
    description: "The referred person's e-mail"
  }),
  leadId: Fields.optionalRenamed(Schema.String, "lead_id").annotations({ description: "The lead the referral became" }),
  rewardAmount: Fields.optionalRenamed(Fields.Decimal, "reward_amount").annotations({
    description: "Reward for the referrer"
  }),
  rewardStatus: Fields.optionalRenamed(Fields.openEnum(ReferralRewardStatus), "reward_status").annotations({
    description: "Where the reward stands"
  }),
  notes: Fields.optional(Schema.String).annotations({ description: "Free-text notes" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({
    description: "When the record was created"
  }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}

/**
 * A referral as the API returns it (assumed attributes: see the module's doc). Optional attributes are
 * absent when the API leaves them out or sends `null`; required ones missing fail decoding with their
 * path.
 *
 * @since 0.1.0
 */
export const Referral = Schema.Struct({
  ...referralAttributes,
  // Required on the full record.
  referrerName: Fields.renamed(Schema.String, "referrer_name").annotations({ description: "Who made the referral" }),
  rewardStatus: Fields.renamed(Fields.openEnum(ReferralRewardStatus), "reward_status").annotations({
    description: "Where the reward stands"
  }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the record was created" })
}).annotations({
  identifier: "Referral",
  // What a table of them shows, in order (the `crm` CLI's listings).
  [Contract.TableColumns]: [
    "uniqueId",
    "referrerName",
    "referredName",
    "rewardAmount",
    "rewardStatus",
    "leadId",
    "createdAt"
  ]
})
/**
 * A referral as the client sees it: camelCase attributes decoded from the wire (assumed attributes).
 *
 * @since 0.1.0
 */
export interface Referral extends Schema.Schema.Type<typeof Referral> {}

/**
 * What the API echoes after an update: the referral's id and the attributes it chose to send back
 * (assumed to behave like leads, which echo only the changed ones). Nothing absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedReferral = Schema.Struct(referralAttributes).annotations({ identifier: "UpdatedReferral" })
/**
 * What `ReferralsService.update` returns: the referral's id plus the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedReferral extends Schema.Schema.Type<typeof UpdatedReferral> {}

const referralLinks = (referral: { readonly leadId?: string }) => ({
  lead: referral.leadId === undefined ? null : { id: referral.leadId, type: "lead" }
})

/**
 * The JSON:API resource `{ id, type: "referral", attributes, relationships }` (type assumed), decoding
 * to a `Referral`; the `lead` relationship is written from `leadId`.
 *
 * @since 0.1.0
 */
export const ReferralResource = JsonApi.resource("referral", Referral, {
  id: (referral) => referral.uniqueId,
  relationships: referralLinks
})
/**
 * The resource in an update's answer (type `referral`), decoding to an `UpdatedReferral`.
 *
 * @since 0.1.0
 */
export const UpdatedReferralResource = JsonApi.resource("referral", UpdatedReferral, {
  id: (referral) => referral.uniqueId
})

/**
 * `POST /referrals/` body (sent as `{ "referral": {...} }`). `referrerName` is required;
 * `rewardStatus` may be left to the API (presumably `pending`).
 *
 * @since 0.1.0
 */
export const CreateReferralRequest = Schema.Struct({
  referrerName: Fields.renamed(Fields.NonBlankString, "referrer_name").annotations({
    description: "Who made the referral"
  }),
  referrerEmail: Fields.optionalInput(Fields.EmailAddress).pipe(Schema.fromKey("referrer_email")).annotations({
    description: "The referrer's e-mail"
  }),
  referredName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("referred_name")).annotations({
    description: "Who was referred"
  }),
  referredEmail: Fields.optionalInput(Fields.EmailAddress).pipe(Schema.fromKey("referred_email")).annotations({
    description: "The referred person's e-mail"
  }),
  leadId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("lead_id")).annotations({
    description: "The lead the referral became"
  }),
  rewardAmount: Fields.optionalInput(Fields.NonNegativeAmount).pipe(Schema.fromKey("reward_amount")).annotations({
    description: "Reward for the referrer"
  }),
  rewardStatus: Fields.optionalInput(ReferralRewardStatus).pipe(Schema.fromKey("reward_status")).annotations({
    description: "Where the reward stands"
  }),
  notes: Fields.optionalInput(Schema.String).annotations({ description: "Free-text notes" })
}).annotations({ identifier: "CreateReferralRequest" })
/**
 * The attributes of a new referral, as `ReferralsService.create` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface CreateReferralRequest extends Schema.Schema.Type<typeof CreateReferralRequest> {}

/**
 * `PUT /referrals/:unique_id/` body: any of the referral's attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateReferralRequest = Schema.Struct({
  ...CreateReferralRequest.fields,
  referrerName: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("referrer_name")).annotations({
    description: "Who made the referral"
  })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateReferralRequest" })
/**
 * The attributes to change on a referral, as `ReferralsService.update` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface UpdateReferralRequest extends Schema.Schema.Type<typeof UpdateReferralRequest> {}

/**
 * `GET /referrals/`'s URL parameters: a page and `sort`. The official SDK's `status`,
 * `referrer_unique_id` and `referred_unique_id` are left out: the reference's referral has a reward
 * status but no record status, and names the people rather than linking them.
 *
 * @since 0.3.0
 */
export const ReferralListUrlParams = Pagination.listUrlParams(Referral, {
  sort: ["referrerName", "rewardAmount", "createdAt", "updatedAt"]
})

/**
 * What `ReferralsService.list` takes: `page` (from 1), `records` (page size, default 15 on the API)
 * and `sort`.
 *
 * @since 0.1.0
 */
export type ListReferralsParams = Pagination.ListParamsOf<typeof ReferralListUrlParams>
