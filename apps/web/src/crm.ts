/**
 * The app's CRM: the two domains it uses and the React bindings over them. Every page takes its hooks'
 * options from here.
 */
import { pipeline } from "@blocks-crm/pipeline/domain"
import { scheduling } from "@blocks-crm/scheduling/domain"

export const domains = [pipeline, scheduling] as const

export { CrmProvider, crmMutations, crmQueries, useCrmBlock } from "./shim-react.js"
