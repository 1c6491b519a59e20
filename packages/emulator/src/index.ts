/**
 * The 23blocks CRM emulator: every domain's contract served over SQLite on loopback. `startEmulator`
 * for test runners and scripts; `Emulator` (layers) for Effect programs; `EmulatorDomain`,
 * `RecordStore`, `Resources` and `Directory` to serve a team's own domain beside `builtInDomains`.
 */
export { startEmulator } from "./RunningEmulator.js"
export type { RunningEmulator, StartEmulatorOptions } from "./RunningEmulator.js"
export { builtInDomains } from "./Emulator.js"
export * as Cors from "./Cors.js"
export * as Fixtures from "./Fixtures.js"
export * as Credentials from "./Credentials.js"
export * as Database from "./Database.js"
export * as Directory from "./Directory.js"
export * as Emulator from "./Emulator.js"
export * as EmulatorDomain from "./EmulatorDomain.js"
export * as EmulatorProcess from "./EmulatorProcess.js"
export * as Faults from "./Faults.js"
export * as RecordStore from "./RecordStore.js"
export * as Resources from "./domains/Resources.js"
export * as Uploads from "./Uploads.js"
export { PipelineDomain } from "./domains/pipeline/PipelineDomain.js"
export * as Cli from "./Cli.js"
export { AccountsDomain } from "./domains/accounts/AccountsDomain.js"
export { CommsDomain } from "./domains/comms/CommsDomain.js"
export { CompaniesDomain } from "./domains/companies/CompaniesDomain.js"
export { SchedulingDomain } from "./domains/scheduling/SchedulingDomain.js"
export { CalendarDomain } from "./domains/calendar/CalendarDomain.js"
export { BillingDomain } from "./domains/billing/BillingDomain.js"
