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
 * A record's state, as the model holds it.
 *
 * @since 0.1.0
 */
export type RecordStatus = typeof RecordStatus.Type
