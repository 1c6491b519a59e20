/**
 * Everything `@blocks-crm/comms` exports (subscribers, mail templates and Mandrill), under `@blocks-crm/sdk/comms`: the
 * domain's own names, including those another domain also exports.
 *
 * @since 0.1.0
 */
export * from "@blocks-crm/comms"
