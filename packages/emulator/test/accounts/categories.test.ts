/**
 * Categories (an official-SDK extra) and assigning one to an account, against the emulator: CRUD, a
 * parent that must exist, an assignment only of a category that exists (422 naming the field), 404s
 * and input refused before sending.
 */
import { CreateCategoryRequest } from "@blocks-crm/accounts"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag, raw, uuid } from "../support/TestEmulator.js"
import { connectAccounts, uniqueName } from "./AccountsClient.js"

layer(TestEmulator.layer(), { excludeTestServices: true })("categories on the emulator", (it) => {
  describe("CategoriesService", () => {
    it.effect("create, get, list, update and delete; a parent must exist", () =>
      Effect.gen(function*() {
        const { categories } = yield* connectAccounts()
        const parent = yield* categories.create({ name: "Customers", code: "cust", order: 1 })
        expect(parent).toStrictEqual({
          uniqueId: parent.uniqueId,
          name: "Customers",
          code: "cust",
          order: 1,
          status: "active",
          createdAt: parent.createdAt,
          updatedAt: parent.createdAt
        })
        expect(parent.uniqueId).toMatch(uuid)
        const child = yield* categories.create({ name: "Enterprise", parentUniqueId: parent.uniqueId, color: "#0a0" })
        expect(yield* categories.get(child.uniqueId)).toStrictEqual(child)
        expect((yield* categories.list({ records: 100 })).data.map((c) => c.uniqueId)).toEqual([
          parent.uniqueId,
          child.uniqueId
        ])

        const orphan = expectTag(
          yield* Effect.flip(categories.create({ name: "Orphan", parentUniqueId: "no-such-category" })),
          "ValidationFailed"
        )
        expect(orphan.errors[0]?.source?.pointer).toBe("/category/parent_unique_id")
        const ownParent = expectTag(
          yield* Effect.flip(categories.update(child.uniqueId, { parentUniqueId: child.uniqueId })),
          "ValidationFailed"
        )
        expect(ownParent.errors[0]?.source?.pointer).toBe("/category/parent_unique_id")

        expect(yield* categories.update(child.uniqueId, { description: "Large accounts" })).toMatchObject({
          uniqueId: child.uniqueId,
          name: "Enterprise",
          description: "Large accounts"
        })
        yield* categories.delete(child.uniqueId)
        expectTag(yield* Effect.flip(categories.get(child.uniqueId)), "NotFound")
      }))

    it.effect("arbitrary valid categories (without a parent) round-trip client → emulator → client unchanged", () =>
      Effect.gen(function*() {
        const { categories } = yield* connectAccounts()
        const inputs = fc.sample(Arbitrary.make(CreateCategoryRequest), { seed: 31, numRuns: 25 })
        for (const { parentUniqueId: _parent, ...input } of inputs) {
          const category = yield* categories.create(input)
          const { createdAt: _c, status, uniqueId: _u, updatedAt: _up, ...echoed } = category
          expect(echoed).toStrictEqual(input)
          expect(status).toBe("active")
          expect(yield* categories.get(category.uniqueId)).toStrictEqual(category)
        }
      }))

    it.effect("unknown ids are NotFound; bad bodies are 422s; bad input is refused before sending", () =>
      Effect.gen(function*() {
        const { categories, sent } = yield* connectAccounts()
        expectTag(yield* Effect.flip(categories.get("no-such-category")), "NotFound")
        expectTag(yield* Effect.flip(categories.update("no-such-category", { name: "x" })), "NotFound")
        expectTag(yield* Effect.flip(categories.delete("no-such-category")), "NotFound")
        const before = sent.length
        const refused = expectTag(yield* Effect.flip(categories.create({ name: "", order: -1 })), "InvalidInput")
        expect(refused.issues.map((issue) => issue.path).sort()).toEqual(["name", "order"])
        expectTag(yield* Effect.flip(categories.update("c", {})), "InvalidInput")
        expect(sent.length).toBe(before)
        const response = yield* raw<{ errors: Array<{ source?: { pointer?: string } }> }>("POST", "/categories", {
          body: { category: { order: 1.5 } }
        })
        expect(response.status).toBe(422)
        expect(response.json.errors.map((error) => error.source?.pointer).sort()).toEqual([
          "/category/name",
          "/category/order"
        ])
      }))
  })

  describe("AccountsService.assignCategory", () => {
    it.effect("assigns an existing category once; an unknown category is a 422 naming the field", () =>
      Effect.gen(function*() {
        const { accounts, categories, sent } = yield* connectAccounts()
        const account = yield* accounts.create({ name: uniqueName("Categorised plc") })
        const category = yield* categories.create({ name: uniqueName("Partners") })
        const assignment = yield* accounts.assignCategory(account.uniqueId, {
          categoryUniqueId: category.uniqueId,
          order: 2
        })
        expect(assignment).toStrictEqual({
          uniqueId: assignment.uniqueId,
          accountUniqueId: account.uniqueId,
          categoryUniqueId: category.uniqueId,
          order: 2,
          status: "active",
          createdAt: assignment.createdAt,
          updatedAt: assignment.createdAt
        })
        expect(yield* accounts.assignCategory(account.uniqueId, { categoryUniqueId: category.uniqueId })).toStrictEqual(
          assignment
        )

        const unknown = expectTag(
          yield* Effect.flip(accounts.assignCategory(account.uniqueId, { categoryUniqueId: "no-such-category" })),
          "ValidationFailed"
        )
        expect(unknown.errors).toEqual([
          expect.objectContaining({ status: "422", source: { pointer: "/category/category_unique_id" } })
        ])
        expectTag(
          yield* Effect.flip(accounts.assignCategory("no-such-account", { categoryUniqueId: category.uniqueId })),
          "NotFound"
        )
        // A category of another tenant does not exist for this one.
        const other = yield* connectAccounts({ apiKey: TestEmulator.API_KEY_B })
        const foreign = yield* other.categories.create({ name: "Theirs" })
        expectTag(
          yield* Effect.flip(accounts.assignCategory(account.uniqueId, { categoryUniqueId: foreign.uniqueId })),
          "ValidationFailed"
        )
        const before = sent.length
        expectTag(
          yield* Effect.flip(accounts.assignCategory(account.uniqueId, { categoryUniqueId: "a b" })),
          "InvalidInput"
        )
        expect(sent.length).toBe(before)
        const response = yield* raw("POST", `/accounts/${account.uniqueId}/categories`, { body: { category: {} } })
        expect(response.status).toBe(422)
      }))
  })
})
