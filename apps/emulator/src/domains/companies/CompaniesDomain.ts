/**
 * The companies domain as the emulator serves it.
 */
import { CompaniesApi } from "@blocks-crm/companies"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { CompaniesHandlers } from "./CompaniesHandlers.js"

export const CompaniesDomain = EmulatorDomain.make("companies", CompaniesApi, CompaniesHandlers)
