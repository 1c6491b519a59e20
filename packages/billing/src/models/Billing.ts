/**
 * Meeting billings: what a meeting costs, who pays (a payer, possibly split with others), what has been
 * paid, and the EAP flag.
 *
 * crm-block.md names the endpoints only; the attributes come from the official SDK (official-fields.md,
 * "Meeting billings"), and what neither shows (payments, the split, the EAP allowance) is this package's
 * assumption, said on its field. The SDK's create body spells fee_amount / fee_currency /
 * invoice_due_date while its mapper reads amount / currency / due_at: requests here use the names the
 * responses carry.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { Amount, Currency, fitsCurrency, sumMinor, toMinor } from "./Money.js"

/**
 * A record's status, the official SDK's status set.
 *
 * @since 0.1.0
 */
export const RecordStatus = Schema.Literal("active", "inactive", "pending", "archived", "deleted")

/**
 * Where a billing stands: `pending` (nothing paid), `partially_paid`, `paid`, or `void` (cancelled; a
 * paid billing is voided, not deleted). The official SDK sends a free string; these are the emulator's.
 *
 * @since 0.1.0
 */
export const BillingStatus = Schema.Literal("pending", "partially_paid", "paid", "void")
/**
 * One of the values of `BillingStatus`, as requests take them (a response may carry others, kept as sent:
 * `Fields.Open<BillingStatus>`).
 *
 * @since 0.1.0
 */
export type BillingStatus = typeof BillingStatus.Type

/**
 * Free-form data attached to a record.
 *
 * @since 0.1.0
 */
export const Payload = Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({
  identifier: "Payload",
  arbitrary: () => (fc) =>
    fc.dictionary(fc.constantFrom("source", "program", "region"), fc.oneof(fc.string({ maxLength: 12 }), fc.boolean()))
})

/**
 * An instant in a request (`Date`, sent as ISO 8601); property tests generate whole seconds.
 *
 * @since 0.1.0
 */
export const InputTimestamp = Fields.Timestamp.annotations({
  arbitrary: () => (fc) => fc.integer({ min: 0, max: 4_102_444_800 }).map((seconds) => new Date(seconds * 1000))
})

/**
 * One payer's part of a billing (an insurer, the participant's co-pay). Assumed: the official SDK's
 * split result declares participantUniqueId, participantEmail, payerName, amount and percentage.
 *
 * @since 0.1.0
 */
export const PaymentSplitPart = Schema.Struct({
  payerName: Fields.renamed(Schema.String, "payer_name"),
  payerType: Fields.optionalRenamed(Schema.String, "payer_type"),
  participantEmail: Fields.optionalRenamed(Schema.String, "participant_email"),
  amount: Amount
}).annotations({ identifier: "PaymentSplitPart" })
/** `PaymentSplitPart` as the client sees it (camelCase). @since 0.1.0 */
export interface PaymentSplitPart extends Schema.Schema.Type<typeof PaymentSplitPart> {}

/**
 * A payment recorded on a billing. Assumed (the official SDK keeps only `paid_at`): the revenue report
 * needs each payment's amount and date.
 *
 * @since 0.1.0
 */
export const Payment = Schema.Struct({
  amount: Amount,
  paidAt: Fields.renamed(Fields.Timestamp, "paid_at")
}).annotations({ identifier: "Payment" })
/** `Payment` as the client sees it (camelCase). @since 0.1.0 */
export interface Payment extends Schema.Schema.Type<typeof Payment> {}

const billingAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The billing's id" }),
  meetingUniqueId: Fields.optionalRenamed(Schema.String, "meeting_unique_id").annotations({
    description: "The meeting billed"
  }),
  participantUniqueId: Fields.optionalRenamed(Schema.String, "participant_unique_id").annotations({
    description: "The participant billed"
  }),
  participantEmail: Fields.optionalRenamed(Schema.String, "participant_email").annotations({
    description: "The participant's e-mail"
  }),
  payerName: Fields.optionalRenamed(Schema.String, "payer_name").annotations({ description: "Who pays" }),
  // Assumed from the official SDK's create body.
  payerType: Fields.optionalRenamed(Schema.String, "payer_type").annotations({
    description: "insurer, employer, participant, ..."
  }),
  amount: Fields.optional(Amount).annotations({ description: "The amount billed (exact decimal)" }),
  currency: Fields.optional(Currency).annotations({ description: "ISO 4217 code" }),
  // Assumed: the sum of the payments, as the emulator reports it.
  amountPaid: Fields.optionalRenamed(Amount, "amount_paid").annotations({ description: "Paid so far" }),
  billingStatus: Fields.optionalRenamed(Fields.openEnum(BillingStatus), "billing_status").annotations({
    description: "pending, partially_paid, paid or void"
  }),
  // Assumed (the EAP flag; the official SDK has none), as is the allowance.
  eap: Fields.optional(Schema.Boolean).annotations({ description: "An Employee Assistance Program session" }),
  eapSessionsAllowed: Fields.optionalRenamed(Schema.Int, "eap_sessions_allowed").annotations({
    description: "EAP sessions the payer covers for this participant"
  }),
  paymentSplit: Fields.optionalRenamed(Schema.Array(PaymentSplitPart), "payment_split").annotations({
    description: "How the amount divides between payers"
  }),
  payments: Fields.optional(Schema.Array(Payment)).annotations({ description: "Payments recorded" }),
  paidAt: Fields.optionalRenamed(Fields.Timestamp, "paid_at").annotations({ description: "When fully paid" }),
  dueAt: Fields.optionalRenamed(Fields.Timestamp, "due_at").annotations({ description: "When payment is due" }),
  notes: Fields.optional(Schema.String).annotations({ description: "Notes" }),
  payload: Fields.optional(Payload).annotations({ description: "Free-form data" }),
  status: Fields.optional(Fields.openEnum(RecordStatus)).annotations({ description: "Record status" }),
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({ description: "Created" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "Last changed" })
}

/**
 * A billing as the API returns it.
 *
 * @since 0.1.0
 */
export const Billing = Schema.Struct({
  ...billingAttributes,
  // Required: the official SDK types it required.
  meetingUniqueId: Fields.renamed(Schema.String, "meeting_unique_id").annotations({
    description: "The meeting billed"
  }),
  // Required here though the official SDK types them optional: a billing without an amount and a
  // currency cannot be paid or reported.
  amount: Schema.propertySignature(Amount).annotations({ description: "The amount billed (exact decimal)" }),
  currency: Schema.propertySignature(Currency).annotations({ description: "ISO 4217 code" }),
  // Required: the payment rules hang on it (the official SDK's field is optional).
  billingStatus: Fields.renamed(Fields.openEnum(BillingStatus), "billing_status").annotations({
    description: "pending, partially_paid, paid or void"
  }),
  status: Schema.propertySignature(Fields.openEnum(RecordStatus)).annotations({ description: "Record status" }),
  enabled: Schema.propertySignature(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "Created" })
}).annotations({
  identifier: "Billing",
  [Contract.TableColumns]: ["uniqueId", "payerName", "amount", "currency", "amountPaid", "billingStatus", "dueAt"]
})
/** A billing as the client sees it. @since 0.1.0 */
export interface Billing extends Schema.Schema.Type<typeof Billing> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back.
 *
 * @since 0.1.0
 */
export const UpdatedBilling = Schema.Struct(billingAttributes).annotations({ identifier: "UpdatedBilling" })
/** `UpdatedBilling` as the client sees it (camelCase). @since 0.1.0 */
export interface UpdatedBilling extends Schema.Schema.Type<typeof UpdatedBilling> {}

/** The JSON:API resource `{ id, type: "meeting_billing", attributes }` (the SDK's label). @since 0.1.0 */
export const BillingResource = JsonApi.resource("meeting_billing", Billing, { id: (billing) => billing.uniqueId })
/** The JSON:API resource of `UpdatedBilling`, as it travels on the wire. @since 0.1.0 */
export const UpdatedBillingResource = JsonApi.resource("meeting_billing", UpdatedBilling, {
  id: (billing) => billing.uniqueId
})

/**
 * A payer's name as it goes into a request (and into the EAP sessions path): non-blank, no `/`.
 *
 * @since 0.1.0
 */
export const PayerName = Schema.String.pipe(
  Schema.filter((s) => (s.trim().length > 0 && !/[/%]/.test(s)) || "must be a non-blank name without / or %")
).annotations({
  identifier: "PayerName",
  arbitrary: () => (fc) => fc.constantFrom("Acme Insurance", "Globex EAP", "Participant", "Initech Health")
})

/**
 * One part of a split in a request.
 *
 * @since 0.1.0
 */
export const PaymentSplitPartInput = Schema.Struct({
  payerName: Schema.propertySignature(PayerName).pipe(Schema.fromKey("payer_name")),
  payerType: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("payer_type")),
  participantEmail: Fields.optionalInput(Fields.EmailAddress).pipe(Schema.fromKey("participant_email")),
  amount: Amount
}).annotations({ identifier: "PaymentSplitPartInput" })

const splitInput = Schema.Array(PaymentSplitPartInput).pipe(Schema.minItems(1))

interface MoneyInput {
  readonly amount?: string | undefined
  readonly currency?: string | undefined
  readonly paymentAmount?: string | undefined
  readonly paymentSplit?: ReadonlyArray<{ readonly amount: string }> | undefined
}

/** Amounts fit the currency's minor units, and a split sums exactly to the amount (when both are given). */
const moneyRules = (input: MoneyInput) => {
  const { currency } = input
  if (currency === undefined) return true
  if (input.amount !== undefined && !fitsCurrency(input.amount, currency)) {
    return { path: ["amount"], message: `${currency} takes at most its own minor units` }
  }
  if (input.paymentAmount !== undefined && !fitsCurrency(input.paymentAmount, currency)) {
    return { path: ["paymentAmount"], message: `${currency} takes at most its own minor units` }
  }
  if (input.paymentSplit !== undefined && input.amount !== undefined) {
    const parts = sumMinor(input.paymentSplit.map((part) => part.amount), currency)
    const total = toMinor(input.amount, currency)
    if (Option.isNone(parts) || Option.isNone(total) || parts.value !== total.value) {
      return { path: ["paymentSplit"], message: "the parts must sum exactly to the amount" }
    }
  }
  return true
}

const billingInput = {
  // Sent as a decimal string; a JSON number is read from its decimal text (the server takes both).
  amount: Schema.propertySignature(Amount).annotations({ description: "Amount (decimal string, \"100.00\")" }),
  currency: Schema.propertySignature(Currency).annotations({ description: "ISO 4217 code" }),
  payerName: Schema.propertySignature(PayerName).pipe(Schema.fromKey("payer_name")).annotations({
    description: "Who pays"
  }),
  payerType: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("payer_type")).annotations({
    description: "insurer, employer, participant, ..."
  }),
  participantEmail: Fields.optionalInput(Fields.EmailAddress).pipe(Schema.fromKey("participant_email")).annotations({
    description: "The participant's e-mail"
  }),
  participantUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("participant_unique_id"))
    .annotations({ description: "The participant's id" }),
  dueAt: Fields.optionalInput(InputTimestamp).pipe(Schema.fromKey("due_at")).annotations({
    description: "When payment is due (ISO 8601)"
  }),
  notes: Fields.optionalInput(Schema.String).annotations({ description: "Notes" }),
  eap: Fields.optionalInput(Schema.Boolean).annotations({ description: "An EAP session" }),
  eapSessionsAllowed: Fields.optionalInput(Schema.Int.pipe(Schema.between(1, 1000))).pipe(
    Schema.fromKey("eap_sessions_allowed")
  ).annotations({ description: "EAP sessions the payer covers" }),
  paymentSplit: Fields.optionalInput(splitInput).pipe(Schema.fromKey("payment_split")).annotations({
    description: "How the amount divides between payers (parts sum to the amount)"
  }),
  payload: Fields.optionalInput(Payload).annotations({ description: "Free-form data" })
}

/**
 * `POST /meetings/:meeting_unique_id/billing` body (sent as `{ "billing": {...} }`), validated before it
 * is sent: an amount in the currency's minor units, a known currency, a payer, and a split that sums to
 * the amount.
 *
 * @since 0.1.0
 */
export const CreateBillingRequest = Schema.Struct(billingInput).pipe(Schema.filter(moneyRules)).annotations({
  identifier: "CreateBillingRequest"
})
/** `CreateBillingRequest` as the client sees it (camelCase). @since 0.1.0 */
export interface CreateBillingRequest extends Schema.Schema.Type<typeof CreateBillingRequest> {}

/**
 * `PUT /billings/:unique_id` body: any attribute, a payment (`paymentAmount`, dated `paidAt` or now), or
 * `billingStatus: "void"`; at least one. The server checks what needs the stored billing (overpaying, a
 * split that no longer sums, amounts in the stored currency) and answers 422.
 *
 * @since 0.1.0
 */
export const UpdateBillingRequest = Schema.Struct({
  ...billingInput,
  amount: Fields.optionalInput(Amount).annotations({ description: "Amount (decimal string)" }),
  currency: Fields.optionalInput(Currency).annotations({ description: "ISO 4217 code" }),
  payerName: Fields.optionalInput(PayerName).pipe(Schema.fromKey("payer_name")).annotations({
    description: "Who pays"
  }),
  // Assumed: a payment is recorded through the update, as the issue describes.
  paymentAmount: Fields.optionalInput(Amount).pipe(Schema.fromKey("payment_amount")).annotations({
    description: "Record a payment of this amount"
  }),
  paidAt: Fields.optionalInput(InputTimestamp).pipe(Schema.fromKey("paid_at")).annotations({
    description: "When the payment was made (default: now)"
  }),
  billingStatus: Fields.optionalInput(Schema.Literal("void")).pipe(Schema.fromKey("billing_status")).annotations({
    description: "void, to cancel the billing"
  }),
  enabled: Fields.optionalInput(Schema.Boolean).annotations({ description: "Whether the record is enabled" })
}).pipe(
  Fields.atLeastOneAttribute,
  Schema.filter(moneyRules),
  // paid_at dates a payment: alone it would say nothing the server could act on.
  Schema.filter((input) =>
    input.paidAt === undefined || input.paymentAmount !== undefined ||
    { path: ["paidAt"], message: "dates a payment: give paymentAmount with it" }
  )
).annotations({ identifier: "UpdateBillingRequest" })
/** `UpdateBillingRequest` as the client sees it (camelCase). @since 0.1.0 */
export interface UpdateBillingRequest extends Schema.Schema.Type<typeof UpdateBillingRequest> {}

/**
 * How a billing's amount divides between payers (`GET /billings/:unique_id/payment_split`): the parts
 * sum exactly to the amount; a billing without an explicit split has one part, its payer.
 *
 * @since 0.1.0
 */
export const PaymentSplit = Schema.Struct({
  billingUniqueId: Fields.renamed(Schema.String, "billing_unique_id"),
  amount: Amount,
  currency: Currency,
  parts: Schema.Array(Schema.Struct({
    ...PaymentSplitPart.fields,
    // A share, not money: rounded to two decimals.
    percentage: Schema.Number
  }))
}).annotations({ identifier: "PaymentSplit" })
/** `PaymentSplit` as the client sees it (camelCase). @since 0.1.0 */
export interface PaymentSplit extends Schema.Schema.Type<typeof PaymentSplit> {}
/** The JSON:API resource of `PaymentSplit`, as it travels on the wire. @since 0.1.0 */
export const PaymentSplitResource = JsonApi.resource("payment_split", PaymentSplit, {
  id: (split) => split.billingUniqueId
})
