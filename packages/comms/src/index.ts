/**
 * The comms domain of the 23blocks CRM Block: subscribers (and unsubscribes), mail templates and their
 * copies on Mandrill.
 *
 * @since 0.1.0
 */
export * from "./models/Email.js"
export * from "./models/Subscriber.js"
export * from "./models/MailTemplate.js"
export * from "./models/MandrillTemplate.js"
export * from "./contract/SubscribersGroup.js"
export * from "./contract/MailTemplatesGroup.js"
export * from "./contract/MandrillTemplatesGroup.js"
export * from "./contract/CommsApi.js"
export * from "./services/SubscribersService.js"
export * from "./services/MailTemplatesService.js"
export * from "./services/MandrillTemplatesService.js"
export * from "./services/CommsServices.js"
export * from "./domain.js"
