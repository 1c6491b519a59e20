/**
 * The scheduling domain of the 23blocks CRM Block.
 *
 * @since 0.1.0
 */
export * from "./models/Meeting.js"
export * from "./contract/MeetingsGroup.js"
export * from "./contract/SchedulingApi.js"
export * from "./services/MeetingsService.js"
export * from "./services/SchedulingServices.js"
