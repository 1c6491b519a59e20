/**
 * Everything `@blocks-crm/pipeline` exports (leads and follow-ups, opportunities, quotes, referrals, touches), under `@blocks-crm/sdk/pipeline`: the
 * domain's own names, including those another domain also exports.
 *
 * @since 0.1.0
 */
export * from "@blocks-crm/pipeline"
