/**
 * A newer API's answers decode: every GET endpoint of the scheduling contract (each `get` and `list`),
 * answered over real HTTP by tools/test-server's `NewerApi` server the way a newer version of the API
 * would (a value this SDK does not know in every set of values, unknown attributes and members,
 * unknown relationships, an `included` of an unknown type, unknown `meta` members), on both
 * transports: the known fields decode as before and the unknown values are kept as sent.
 */
import { SchedulingApi } from "@blocks-crm/scheduling"
import { describeNewerApi } from "@blocks-crm/test-server/NewerApiSuite"

// Meetings (list, get, listForUser, listForAccount), participants, events (list, get), Zoom hosts
// (availableUsers, list, get, availability, allocations), Zoom meetings (get, availability).
describeNewerApi("scheduling", SchedulingApi, 14)
