/**
 * A newer API's answers decode: every GET endpoint of the accounts contract (each `get` and `list`),
 * answered over real HTTP by tools/test-server's `NewerApi` server the way a newer version of the API
 * would (a value this SDK does not know in every set of values, unknown attributes and members,
 * unknown relationships, an `included` of an unknown type, unknown `meta` members), on both
 * transports: the known fields decode as before and the unknown values are kept as sent.
 */
import { AccountsApi } from "@blocks-crm/accounts"
import { describeNewerApi } from "@blocks-crm/test-server/NewerApiSuite"

// Accounts (list, listDeleted, listArchived, get), account locations, categories (list, get),
// contacts (list, listDeleted, get), contact history, identities (list, get, contacts), account
// contacts (list, get), account and contact documents.
describeNewerApi("accounts", AccountsApi, 18)
