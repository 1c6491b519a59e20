/**
 * Everything `@blocks-crm/billing` exports (meeting billings, payments, splits, billing reports), under `@blocks-crm/sdk/billing`: the
 * domain's own names, including those another domain also exports.
 *
 * @since 0.1.0
 */
export * from "@blocks-crm/billing"
