/**
 * A newer API's answers decode: every GET endpoint of the billing contract with a JSON answer, served over
 * real HTTP by tools/test-server's `NewerApi` server the way a newer version of the API would (a value
 * this SDK does not know in every open set, unknown attributes and members, unknown relationships, an
 * `included` of an unknown type, unknown `meta` members), on both transports: the known fields decode
 * as before and the unknown values are kept as sent.
 */
import { BillingApi } from "@blocks-crm/billing"
import { describeNewerApi } from "@blocks-crm/test-server/NewerApiSuite"

// Billings (forMeeting, get, paymentSplit) and the five reports (outstandingByPayer,
// eapSessions, revenue, aging, participant).
describeNewerApi("billing", BillingApi, 8)
