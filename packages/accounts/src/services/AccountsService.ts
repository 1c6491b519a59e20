/**
 * Accounts: list, stream, search, get, create, update, delete (to the trash), listDeleted, archive,
 * listArchived, recover, validate, validateTaxId, assignCategory.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import type { PageParams, PageResult } from "@blocks-crm/core-http/Pagination"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { AccountsGroup } from "../contract/AccountsGroup.js"
import type {
  Account,
  CreateAccountRequest,
  ListAccountsParams,
  UpdateAccountRequest,
  UpdatedAccount
} from "../models/Account.js"
import type {
  AccountValidation,
  TaxIdValidation,
  ValidateAccountRequest,
  ValidateTaxIdRequest
} from "../models/AccountValidation.js"
import type { AccountCategory, AssignCategoryRequest } from "../models/AccountCategory.js"

/**
 * The account methods: the soft-deleting resource's (`delete` moves to the trash, `listDeleted` lists
 * it, `recover` brings an account back from the trash or the archive) plus the archive, validation and
 * categories.
 *
 * @since 0.1.0
 */
export interface Accounts extends
  ResourceClient.SoftDeleteClient<
    Account,
    CreateAccountRequest,
    UpdateAccountRequest,
    UpdatedAccount,
    ListAccountsParams
  >
{
  /** Archives an account: it leaves `list` and appears in `listArchived`. */
  readonly archive: (uniqueId: string) => Effect.Effect<void, CrmError>
  /** Archived accounts (`/accounts/status/archive`). */
  readonly listArchived: (params?: PageParams) => Effect.Effect<PageResult<Account>, CrmError>
  /** The problems the API finds in an account payload; nothing is created. */
  readonly validate: (data: ValidateAccountRequest) => Effect.Effect<AccountValidation, CrmError>
  /** Whether a tax id has its country's format and check digit, and why not. */
  readonly validateTaxId: (data: ValidateTaxIdRequest) => Effect.Effect<TaxIdValidation, CrmError>
  /** Assigns an existing category to an account. */
  readonly assignCategory: (uniqueId: string, data: AssignCategoryRequest) => Effect.Effect<AccountCategory, CrmError>
}

/**
 * The CRM's accounts as an Effect service (`Accounts`). Inputs are validated before anything is sent,
 * except `validate`'s, whose problems are the API's answer.
 *
 * @example
 * ```ts
 * import { AccountsService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const onboard = Effect.gen(function*() {
 *   const accounts = yield* AccountsService
 *   const check = yield* accounts.validate({ name: "Acme Corp", email: "info@acme.com" })
 *   if (!check.valid) return yield* Effect.fail(check.problems)
 *   return yield* accounts.create({ name: "Acme Corp", industry: "Technology", email: "info@acme.com" })
 * })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class AccountsService extends Effect.Service<AccountsService>()("@blocks-crm/accounts/AccountsService", {
  effect: Effect.map(ApiClient.group(AccountsGroup), (endpoints): Accounts => ({
    ...ResourceClient.softDelete("accounts", endpoints),
    archive: (uniqueId) => endpoints.archive({ path: { uniqueId } }),
    listArchived: (params) => endpoints.listArchived({ urlParams: params ?? {} }),
    validate: (data) => endpoints.validate({ payload: data }),
    validateTaxId: (data) => endpoints.validateTaxId({ payload: data }),
    assignCategory: (uniqueId, data) => endpoints.assignCategory({ path: { uniqueId }, payload: data })
  }))
}) {}
