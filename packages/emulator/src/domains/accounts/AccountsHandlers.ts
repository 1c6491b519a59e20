/**
 * The emulator's accounts: stored per tenant in the record store, encoded by the model's own schema.
 * The server sets the id, the status and the timestamps, as the API does.
 *
 * Lifecycle: `DELETE /accounts/:id/` marks the account `deleted` and moves it to the trash;
 * `DELETE /accounts/:id/archive` marks it `archived` (it leaves the main listing); `recover` brings
 * either back as `active`. A name is unique per tenant among the accounts not in the trash (compared
 * trimmed and case-insensitively): create and update refuse a taken name with a 422, and `validate`
 * reports it. Details are one record per account; locations and category assignments are children
 * of the account.
 */
import {
  AccountCategory,
  AccountDetail,
  AccountEmail,
  AccountLocation,
  AccountsApi,
  PhoneNumber,
  Website
} from "@blocks-crm/accounts"
import type { AccountProblem, ValidateAccountRequest } from "@blocks-crm/accounts"
import { Fields } from "@blocks-crm/core-http"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { RecordStore } from "../../RecordStore.js"
import { created, group, invalid, notFound, resource, updated } from "../Resources.js"
import { categoryRecords } from "./CategoriesHandlers.js"
import { accountRecords } from "./Records.js"
import { checkTaxId } from "./TaxIds.js"

const nameKey = (name: string) => name.trim().toLowerCase()

/** The attributes whose format `validate` checks, with the schemas create uses. */
const formats: ReadonlyArray<readonly [keyof ValidateAccountRequest & string, Schema.Schema<string>]> = [
  ["code", Fields.NonBlankString],
  ["email", AccountEmail],
  ["website", Website],
  ["phone", PhoneNumber]
]

/** The first message a schema gives for a value, or none when it is valid. */
const problemWith = (schema: Schema.Schema<string>, value: string): Option.Option<string> =>
  Either.match(Schema.decodeUnknownEither(schema)(value), {
    onLeft: (error) => Option.some(ParseResult.ArrayFormatter.formatErrorSync(error)[0]?.message ?? "is invalid"),
    onRight: () => Option.none()
  })

/** The emulator's handlers for the accounts endpoints. */
export const AccountsHandlers = group(AccountsApi, "accounts", (handlers) =>
  Effect.gen(function*() {
    const accounts = yield* accountRecords
    const categories = yield* categoryRecords
    const store = yield* RecordStore
    const assignments = resource(
      store.collection("account_categories", AccountCategory, { idOf: (assignment) => assignment.uniqueId }),
      "AccountCategory"
    )

    /** The id of the tenant's account (live or archived, not in the trash) that uses `name`, if any. */
    const holderOf = (name: string) =>
      Effect.gen(function*() {
        const live = yield* accounts.all()
        const archived = yield* accounts.page({ archived: true, records: Number.MAX_SAFE_INTEGER })
        const key = nameKey(name)
        return Option.fromNullable(
          [...live, ...archived.data].find((account) => nameKey(account.name) === key)?.uniqueId
        )
      })
    const refuseTakenName = (name: string | undefined, self?: string) =>
      name === undefined ?
        Effect.void :
        Effect.flatMap(holderOf(name), (holder) =>
          Option.isSome(holder) && holder.value !== self
            ? Effect.fail(
              invalid(
                "/account/name",
                "taken",
                `name ${JSON.stringify(name)} is already used by another account`
              )
            )
            : Effect.void)

    const problemsOf = (payload: ValidateAccountRequest) =>
      Effect.gen(function*() {
        const problems: Array<AccountProblem> = []
        if (payload.name === undefined || payload.name.trim() === "") {
          problems.push({ attribute: "name", code: "required", detail: "name is required" })
        } else if (Option.isSome(yield* holderOf(payload.name))) {
          problems.push({
            attribute: "name",
            code: "taken",
            detail: `name ${JSON.stringify(payload.name)} is already used by another account`
          })
        }
        for (const [attribute, schema] of formats) {
          const value = payload[attribute]
          if (typeof value !== "string") continue
          const message = problemWith(schema, value)
          if (Option.isSome(message)) {
            problems.push({
              attribute,
              code: "invalid",
              detail: `${attribute} ${message.value.replace(/^Expected /, "must be ")}`
            })
          }
        }
        return problems
      })

    return handlers
      // `status=archived` lists the archive, which the main listing leaves out.
      .handle("list", ({ urlParams }) => accounts.page({ ...urlParams, archived: urlParams.status === "archived" }))
      .handle("listDeleted", ({ urlParams }) => accounts.page({ ...urlParams, deleted: true }))
      .handle("listArchived", ({ urlParams }) => accounts.page({ ...urlParams, archived: true }))
      .handle("get", ({ path }) => accounts.find(path.uniqueId))
      .handle(
        "validate",
        ({ payload }) => Effect.map(problemsOf(payload), (problems) => ({ valid: problems.length === 0, problems }))
      )
      .handle("validateTaxId", ({ payload }) => Effect.sync(() => checkTaxId(payload.taxId, payload.country)))
      .handle("create", ({ payload }) =>
        Effect.gen(function*() {
          yield* refuseTakenName(payload.name)
          const now = new Date()
          return yield* accounts.insert({
            ...payload,
            ...created(now),
            status: "active"
          })
        }))
      .handle("update", ({ path, payload }) =>
        Effect.gen(function*() {
          yield* accounts.find(path.uniqueId)
          yield* refuseTakenName(payload.name, path.uniqueId)
          return yield* accounts.update(path.uniqueId, (account) => ({ ...account, ...payload, ...updated() }))
        }))
      .handle("delete", ({ path }) =>
        Effect.zipRight(
          accounts.update(
            path.uniqueId,
            (account) => ({ ...account, status: "deleted" as const, ...updated() })
          ),
          accounts.softDelete(path.uniqueId)
        ))
      .handle("archive", ({ path }) =>
        Effect.asVoid(
          accounts.update(
            path.uniqueId,
            (account) => ({ ...account, status: "archived" as const, ...updated() })
          )
        ))
      .handle("recover", ({ path }) =>
        Effect.gen(function*() {
          // Out of the trash first; otherwise an archived (or live) account.
          yield* Effect.option(accounts.recover(path.uniqueId))
          return yield* accounts.update(
            path.uniqueId,
            (account) =>
              account.status === "archived" || account.status === "deleted"
                ? { ...account, status: "active" as const, ...updated() }
                : account
          )
        }))
      .handle("assignCategory", ({ path, payload }) =>
        Effect.gen(function*() {
          const account = yield* accounts.find(path.uniqueId)
          yield* categories.find(payload.categoryUniqueId).pipe(
            Effect.mapError(() =>
              invalid(
                "/category/category_unique_id",
                "invalid",
                `category_unique_id ${payload.categoryUniqueId} is not a category`
              )
            )
          )
          const existing = (yield* assignments.all(account.uniqueId)).find(
            (assignment) => assignment.categoryUniqueId === payload.categoryUniqueId
          )
          // Assigning a category twice keeps the one assignment.
          if (existing !== undefined) return existing
          const now = new Date()
          return yield* assignments.insert({
            ...payload,
            ...created(now),
            accountUniqueId: account.uniqueId,
            status: "active"
          }, { parentId: account.uniqueId })
        }))
  }))

/** The emulator's handlers for the account details endpoints. */
export const AccountDetailsHandlers = group(
  AccountsApi,
  "accountDetails",
  (handlers) =>
    Effect.gen(function*() {
      const accounts = yield* accountRecords
      const store = yield* RecordStore
      const details = resource(
        store.collection("account_details", AccountDetail, { idOf: (detail) => detail.uniqueId }),
        "AccountDetail"
      )
      const detailsOf = (accountId: string) =>
        Effect.flatMap(
          accounts.find(accountId),
          (account) =>
            Effect.map(details.all(account.uniqueId), (found) => ({ account, current: Option.fromNullable(found[0]) }))
        )
      return handlers
        .handle("create", ({ path, payload }) =>
          Effect.gen(function*() {
            const { account, current } = yield* detailsOf(path.accountId)
            if (Option.isSome(current)) {
              return yield* invalid(
                "/detail",
                "taken",
                "the account already has details: change them with PUT"
              )
            }
            const now = new Date()
            return yield* details.insert(
              { ...payload, ...created(now), accountUniqueId: account.uniqueId },
              { parentId: account.uniqueId }
            )
          }))
        .handle("update", ({ path, payload }) =>
          Effect.gen(function*() {
            const { account, current } = yield* detailsOf(path.accountId)
            if (Option.isNone(current)) return yield* notFound("AccountDetail")
            return yield* details.update(
              current.value.uniqueId,
              (detail) => ({ ...detail, ...payload, ...updated() }),
              { parentId: account.uniqueId }
            )
          }))
    })
)

/** The emulator's handlers for the account locations endpoints. */
export const AccountLocationsHandlers = group(
  AccountsApi,
  "accountLocations",
  (handlers) =>
    Effect.gen(function*() {
      const accounts = yield* accountRecords
      const store = yield* RecordStore
      const locations = resource(
        store.collection("account_locations", AccountLocation, {
          idOf: (location) => location.uniqueId,
          searchText: (location) => [location.name, location.city ?? ""].join(" ")
        }),
        "Location"
      )
      return handlers
        .handle(
          "list",
          ({ path }) => Effect.flatMap(accounts.find(path.accountId), (account) => locations.all(account.uniqueId))
        )
        .handle("create", ({ path, payload }) =>
          Effect.flatMap(accounts.find(path.accountId), (account) => {
            const now = new Date()
            return locations.insert(
              { ...payload, ...created(now), accountUniqueId: account.uniqueId },
              { parentId: account.uniqueId }
            )
          }))
    })
)
