/**
 * The emulator's accounts: stored per tenant in the record store, encoded by the model's
 * own schema. The server sets the id and the timestamps, as the API does.
 */
import { AccountsApi } from "@blocks-crm/accounts"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as Effect from "effect/Effect"
import { newId } from "../Resources.js"
import { accountRecords } from "./Records.js"

export const AccountsHandlers = HttpApiBuilder.group(AccountsApi, "accounts", (handlers) =>
  Effect.gen(function*() {
    const accounts = yield* accountRecords
    return handlers
      .handle("list", ({ urlParams }) => accounts.page(urlParams))
      .handle("get", ({ path }) => accounts.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return accounts.insert({ ...payload, uniqueId: newId(), createdAt: now, updatedAt: now })
      })
      .handle("update", ({ path, payload }) =>
        accounts.update(path.uniqueId, (account) => ({ ...account, ...payload, updatedAt: new Date() })))
      .handle("delete", ({ path }) => accounts.remove(path.uniqueId))
  }))
