/**
 * A newer API's answers decode: every GET endpoint of the calendar contract with a JSON answer, served over
 * real HTTP by tools/test-server's `NewerApi` server the way a newer version of the API would (a value
 * this SDK does not know in every open set, unknown attributes and members, unknown relationships, an
 * `included` of an unknown type, unknown `meta` members), on both transports: the known fields decode
 * as before and the unknown values are kept as sent.
 */
import { CalendarApi } from "@blocks-crm/calendar"
import { describeNewerApi } from "@blocks-crm/test-server/NewerApiSuite"

// Calendar accounts (list, get), busy blocks (list) and ICS tokens (list); the ICS feed answers
// iCalendar text, not JSON:API, and has its own tests.
describeNewerApi("calendar", CalendarApi, 4)
