/**
 * A newer API's answers decode: every GET endpoint of the companies contract with a JSON answer, served over
 * real HTTP by tools/test-server's `NewerApi` server the way a newer version of the API would (a value
 * this SDK does not know in every open set, unknown attributes and members, unknown relationships, an
 * `included` of an unknown type, unknown `meta` members), on both transports: the known fields decode
 * as before and the unknown values are kept as sent.
 */
import { CompaniesApi } from "@blocks-crm/companies"
import { describeNewerApi } from "@blocks-crm/test-server/NewerApiSuite"

// The company (get), its storage and its API keys (list).
describeNewerApi("companies", CompaniesApi, 3)
