/**
 * The comms domain of the 23blocks CRM Block.
 *
 * @since 0.1.0
 */
export * from "./models/Subscriber.js"
export * from "./contract/SubscribersGroup.js"
export * from "./contract/CommsApi.js"
export * from "./services/SubscribersService.js"
export * from "./services/CommsServices.js"
