/**
 * The whole 23blocks CRM SDK in one install, as `@23blocks/sdk` is for the official one:
 * `createCrmClient` (Promises) and `CrmClient` (Effect) over every domain, and every domain's public
 * names (`Opportunity`, `CreateOpportunityRequest`, `CalendarSyncResult`, `LeadsService`, ...).
 *
 * `RecordStatus`, `Payload` and `InputTimestamp` are exported by several domains with the same
 * definition: the root re-exports each once, explicitly, from the domain named below, and
 * `@blocks-crm/sdk/<domain>` (`@blocks-crm/sdk/billing`) has every domain's names as its own package
 * exports them. A new name two domains share fails the typecheck here until it is re-exported
 * explicitly.
 *
 * @since 0.1.0
 */
export { CrmClient, domains } from "./CrmClient.js"
export { create23BlocksClient, createCrmClient } from "./PromiseClient.js"
export type { CreateCrmClientOptions, CrmPromiseClient } from "./PromiseClient.js"
export { CrmDomain } from "@blocks-crm/client"
export * as CrmError from "@blocks-crm/core-http/CrmError"
export * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
export type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
export type { Open } from "@blocks-crm/core-http/Fields"
export type { PageMeta, PageResult } from "@blocks-crm/core-http/JsonApi"
export type { RequestOptions } from "@blocks-crm/core-http/PromiseFace"

export * from "./domains/pipeline.js"
export * from "./domains/accounts.js"
export * from "./domains/comms.js"
export * from "./domains/companies.js"
export * from "./domains/scheduling.js"
export * from "./domains/calendar.js"
export * from "./domains/billing.js"
// Shared by accounts, scheduling and billing (the same literals and record), and by scheduling,
// calendar and billing (the same timestamp input): one of each, named explicitly.
export { Payload, RecordStatus } from "./domains/accounts.js"
export { InputTimestamp } from "./domains/scheduling.js"
