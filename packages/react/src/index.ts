/**
 * React bindings for the 23blocks CRM SDK: `CrmProvider` and `useCrmBlock` (the client of a tree, as
 * the API reference uses it), `crmQueries` and `crmMutations` (TanStack Query v5 options for every
 * service method, cancelled by TanStack's signal, failing with the SDK's tagged errors), and
 * `crmEffect` (a query that runs an Effect program on the client).
 *
 * @since 0.1.0
 */
export { CrmProvider, registerCrmClient, useCrmBlock } from "./CrmProvider.js"
export type { CrmBlock, CrmProviderProps } from "./CrmProvider.js"
export { crmQueries, crmRetry } from "./CrmQueries.js"
export type {
  CrmInfiniteQueryOptions,
  CrmQueries,
  CrmQueryError,
  CrmQueryKey,
  CrmQueryOptions,
  CrmServicePages,
  CrmServiceQueries,
  PagesParams
} from "./CrmQueries.js"
export { crmMutations } from "./CrmMutations.js"
export type {
  CrmMutationInput,
  CrmMutationOptions,
  CrmMutations,
  CrmServiceMutations,
  CrmServiceName,
  MutationVariables,
  NestedServiceNames
} from "./CrmMutations.js"
export { crmEffect } from "./CrmEffect.js"
export type { Register, RegisteredClient, RegisteredDomains, RegisteredServices } from "./Register.js"
