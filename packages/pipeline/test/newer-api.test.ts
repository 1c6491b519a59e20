/**
 * A newer API's answers decode: every GET endpoint of the pipeline contract (each `get` and `list`),
 * answered over real HTTP by tools/test-server's `NewerApi` server the way a newer version of the API
 * would (a value this SDK does not know in every open set, unknown attributes and members, unknown
 * relationships, an `included` of an unknown type, unknown `meta` members), on both transports: the
 * known fields decode as before and the unknown values are kept as sent.
 */
import { PipelineApi } from "@blocks-crm/pipeline"
import { describeNewerApi } from "@blocks-crm/test-server/NewerApiSuite"

// Leads (list, listDeleted, get, listForAccount), follow-ups (list, get), opportunities (list,
// listDeleted, get), quotes (list, listDeleted, get, listForAccount), referrals and touches (list, get).
describeNewerApi("pipeline", PipelineApi, 17)
