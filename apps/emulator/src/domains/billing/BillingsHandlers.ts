/**
 * The emulator's billings: stored per tenant in the record store, encoded by the model's
 * own schema. The server sets the id and the timestamps, as the API does.
 */
import { BillingApi, Billing } from "@blocks-crm/billing"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { newId, resource } from "../Resources.js"

export const BillingsHandlers = HttpApiBuilder.group(BillingApi, "billings", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore
    const billings = resource(
      store.collection("billings", Billing, {
        idOf: (billing) => billing.uniqueId,
        searchText: (billing) => [billing.name, billing.notes ?? ""].join(" ")
      }),
      "Billing"
    )
    return handlers
      .handle("list", ({ urlParams }) => billings.page(urlParams))
      .handle("get", ({ path }) => billings.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return billings.insert({ ...payload, uniqueId: newId(), createdAt: now, updatedAt: now })
      })
      .handle("update", ({ path, payload }) =>
        billings.update(path.uniqueId, (billing) => ({ ...billing, ...payload, updatedAt: new Date() })))
      .handle("delete", ({ path }) => billings.remove(path.uniqueId))
  }))
