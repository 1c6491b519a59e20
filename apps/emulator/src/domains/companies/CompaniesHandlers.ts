/**
 * The emulator's companies: stored per tenant in the record store, encoded by the model's
 * own schema. The server sets the id and the timestamps, as the API does.
 */
import { CompaniesApi, Company } from "@blocks-crm/companies"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { newId, resource } from "../Resources.js"

export const CompaniesHandlers = HttpApiBuilder.group(CompaniesApi, "companies", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore
    const companies = resource(
      store.collection("companies", Company, {
        idOf: (company) => company.uniqueId,
        searchText: (company) => [company.name, company.notes ?? ""].join(" ")
      }),
      "Company"
    )
    return handlers
      .handle("list", ({ urlParams }) => companies.page(urlParams))
      .handle("get", ({ path }) => companies.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return companies.insert({ ...payload, uniqueId: newId(), createdAt: now, updatedAt: now })
      })
      .handle("update", ({ path, payload }) =>
        companies.update(path.uniqueId, (company) => ({ ...company, ...payload, updatedAt: new Date() })))
      .handle("delete", ({ path }) => companies.remove(path.uniqueId))
  }))
