/**
 * Everything `@blocks-crm/accounts` exports (identities, accounts, categories, contacts, account contacts, documents and logos), under `@blocks-crm/sdk/accounts`: the
 * domain's own names, including those another domain also exports.
 *
 * @since 0.1.0
 */
export * from "@blocks-crm/accounts"
