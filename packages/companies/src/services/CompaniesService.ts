/**
 * Companies: list, stream, get, create, update, delete.
 *
 * @since 0.1.0
 */
import { ApiClient } from "@blocks-crm/core-http"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { CompaniesGroup } from "../contract/CompaniesGroup.js"
import { CreateCompanyRequest, UpdateCompanyRequest } from "../models/Company.js"
import type { Company, UpdatedCompany } from "../models/Company.js"

/**
 * The client is derived from the group alone, so this entry point bundles no other resource.
 *
 * @since 0.1.0
 * @category services
 */
export class CompaniesService extends Effect.Service<CompaniesService>()("@blocks-crm/companies/CompaniesService", {
  effect: Effect.map(
    ApiClient.group(CompaniesGroup),
    (endpoints): ResourceClient.CrudClient<Company, CreateCompanyRequest, UpdateCompanyRequest, UpdatedCompany> =>
      ResourceClient.crud("companies", endpoints, { create: CreateCompanyRequest, update: UpdateCompanyRequest })
  )
}) {}
