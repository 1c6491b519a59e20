/**
 * The shared HTTP layer of the 23blocks CRM SDK: configuration, the transport, JSON:API codecs, tagged
 * errors, pagination, the helpers domain contracts are declared with, and the Promise face. Every domain
 * package builds on it; each module is also its own entry point (`@blocks-crm/core-http/CrmTransport`).
 *
 * @since 0.1.0
 */
export * as ApiClient from "./ApiClient.js"
export * as Contract from "./Contract.js"
export * as CrmConfig from "./CrmConfig.js"
export * as CrmDomain from "./CrmDomain.js"
export * as CrmError from "./CrmError.js"
export * as CrmTransport from "./CrmTransport.js"
export * as FastDecode from "./FastDecode.js"
export * as Fields from "./Fields.js"
export * as HmacSha256 from "./HmacSha256.js"
export * as JsonApi from "./JsonApi.js"
export * as Pagination from "./Pagination.js"
export * as PromiseFace from "./PromiseFace.js"
export * as RecordCache from "./RecordCache.js"
export * as ResourceClient from "./ResourceClient.js"
