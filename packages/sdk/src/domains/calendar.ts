/**
 * Everything `@blocks-crm/calendar` exports (calendar accounts and sync, busy blocks, ICS tokens and feed, the Cal.com webhook), under `@blocks-crm/sdk/calendar`: the
 * domain's own names, including those another domain also exports.
 *
 * @since 0.1.0
 */
export * from "@blocks-crm/calendar"
