/**
 * Everything `@blocks-crm/companies` exports (companies, API keys, key exchange, impersonation, storage), under `@blocks-crm/sdk/companies`: the
 * domain's own names, including those another domain also exports.
 *
 * @since 0.1.0
 */
export * from "@blocks-crm/companies"
