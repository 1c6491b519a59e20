/**
 * Everything `@blocks-crm/scheduling` exports (meetings and participants, events, Zoom), under `@blocks-crm/sdk/scheduling`: the
 * domain's own names, including those another domain also exports.
 *
 * @since 0.1.0
 */
export * from "@blocks-crm/scheduling"
