/**
 * The emulator's calendar accounts: stored per tenant in the record store, encoded by the model's
 * own schema. The server sets the id and the timestamps, as the API does.
 */
import { CalendarApi, CalendarAccount } from "@blocks-crm/calendar"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { newId, resource } from "../Resources.js"

export const CalendarAccountsHandlers = HttpApiBuilder.group(CalendarApi, "calendarAccounts", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore
    const calendarAccounts = resource(
      store.collection("calendar_accounts", CalendarAccount, {
        idOf: (calendarAccount) => calendarAccount.uniqueId,
        searchText: (calendarAccount) => [calendarAccount.name, calendarAccount.notes ?? ""].join(" ")
      }),
      "Calendar account"
    )
    return handlers
      .handle("list", ({ urlParams }) => calendarAccounts.page(urlParams))
      .handle("get", ({ path }) => calendarAccounts.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return calendarAccounts.insert({ ...payload, uniqueId: newId(), createdAt: now, updatedAt: now })
      })
      .handle("update", ({ path, payload }) =>
        calendarAccounts.update(path.uniqueId, (calendarAccount) => ({ ...calendarAccount, ...payload, updatedAt: new Date() })))
      .handle("delete", ({ path }) => calendarAccounts.remove(path.uniqueId))
  }))
