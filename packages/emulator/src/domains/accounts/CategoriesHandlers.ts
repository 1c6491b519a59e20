/**
 * The emulator's categories (an extra of the official SDK): CRUD, with a parent that must exist.
 * Categories are opened here once, for these handlers and for assigning one to an account.
 */
import { AccountsApi, Category, CategoryListUrlParams } from "@blocks-crm/accounts"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { created, group, invalid, resource, updated } from "../Resources.js"

/** The accounts domain's categories, opened over the record store. */
export const categoryRecords = Effect.map(RecordStore, (store) =>
  resource(
    store.collection("categories", Category, {
      idOf: (category) => category.uniqueId,
      searchText: (category) => [category.name, category.code ?? "", category.description ?? ""].join(" ")
    }),
    "Category",
    { listParams: CategoryListUrlParams }
  ))

/** The emulator's handlers for the categories endpoints. */
export const CategoriesHandlers = group(AccountsApi, "categories", (handlers) =>
  Effect.gen(function*() {
    const categories = yield* categoryRecords
    const parentMustExist = (parentUniqueId: string | undefined) =>
      parentUniqueId === undefined ? Effect.void : categories.find(parentUniqueId).pipe(
        Effect.mapError(() =>
          invalid(
            "/category/parent_unique_id",
            "invalid",
            `parent_unique_id ${parentUniqueId} is not a category`
          )
        )
      )
    return handlers
      .handle("list", ({ urlParams }) => categories.page(urlParams))
      .handle("get", ({ path }) => categories.find(path.uniqueId))
      .handle("create", ({ payload }) =>
        Effect.gen(function*() {
          yield* parentMustExist(payload.parentUniqueId)
          const now = new Date()
          return yield* categories.insert({
            ...payload,
            ...created(now),
            status: "active"
          })
        }))
      .handle("update", ({ path, payload }) =>
        Effect.gen(function*() {
          if (payload.parentUniqueId === path.uniqueId) {
            return yield* invalid(
              "/category/parent_unique_id",
              "invalid",
              "a category cannot be its own parent"
            )
          }
          yield* parentMustExist(payload.parentUniqueId)
          return yield* categories.update(
            path.uniqueId,
            (category) => ({ ...category, ...payload, ...updated() })
          )
        }))
      .handle("delete", ({ path }) => categories.remove(path.uniqueId))
  }))
