/**
 * The companies domain as the emulator serves it.
 */
import { CompaniesApi } from "@blocks-crm/companies"
import * as Layer from "effect/Layer"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { CompaniesHandlers, CompanyKeysHandlers } from "./CompaniesHandlers.js"

/** The companies domain as the emulator serves it: its contract and its handlers. */
export const CompaniesDomain = EmulatorDomain.make(
  "companies",
  CompaniesApi,
  Layer.mergeAll(CompaniesHandlers, CompanyKeysHandlers)
)
