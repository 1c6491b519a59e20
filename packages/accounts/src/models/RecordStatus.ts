/**
 * The status set the official SDK reads on every CRM record (official-fields.md, "Conventions").
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A record's state: `active`, `inactive`, `pending`, `archived` or `deleted`.
 *
 * @since 0.1.0
 */
export const RecordStatus = Schema.Literal("active", "inactive", "pending", "archived", "deleted")
/**
 * A record's state: one of the values this SDK knows, as requests take them (a response may carry others,
 * kept as sent: `Fields.Open<RecordStatus>`).
 *
 * @since 0.1.0
 */
export type RecordStatus = typeof RecordStatus.Type
