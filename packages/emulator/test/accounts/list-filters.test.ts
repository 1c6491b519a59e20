/**
 * The accounts domain's lists that filter and sort (issue 31): contacts by status and `contact_status`,
 * accounts by status (`archived` is the archive) and name, categories by parent, users by status; and
 * the comms lists beside them (subscribers by source, mail templates by status), on the emulator.
 */
import { MailTemplatesService, SubscribersService } from "@blocks-crm/comms"
import { CommsServicesLive } from "@blocks-crm/comms/CommsServices"
import { Emulator } from "@blocks-crm/emulator"
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag } from "../support/TestEmulator.js"
import { connectAccounts, uniqueName } from "./AccountsClient.js"
import { connectContacts } from "./ContactsClient.js"

const connectComms = Effect.gen(function*() {
  const info = yield* Emulator.Emulator
  return yield* Effect.all({ subscribers: SubscribersService, templates: MailTemplatesService }).pipe(
    Effect.provide(
      CommsServicesLive.pipe(Layer.provide(TestEmulator.transportLayer(TestEmulator.transportOptions(info), [])))
    )
  )
})

layer(TestEmulator.layer(), { excludeTestServices: true })("accounts and comms lists that filter and sort", (it) => {
  it.effect("contacts by contact_status and status, sorted by last name", () =>
    Effect.gen(function*() {
      const { contacts, sent } = yield* connectContacts()
      const stage = uniqueName("stage")
      const ada = yield* contacts.create({ firstName: "Ada", lastName: "Zeta" })
      const bo = yield* contacts.create({ firstName: "Bo", lastName: "Alpha" })
      yield* contacts.create({ firstName: "Cy", lastName: "Mid" })
      yield* contacts.update(ada.uniqueId, { contactStatus: stage })
      yield* contacts.update(bo.uniqueId, { contactStatus: stage, status: "inactive" })

      const staged = yield* contacts.list({ contactStatus: stage, sort: "lastName" })
      expect(staged.data.map((c) => c.firstName)).toEqual(["Bo", "Ada"])
      expect(sent.at(-1)?.query).toEqual({ contact_status: stage, sort: "last_name" })
      const active = yield* contacts.list({ contactStatus: stage, status: "active" })
      expect(active.data.map((c) => c.firstName)).toEqual(["Ada"])
    }))

  it.effect("accounts by status (archived lists the archive) and name; categories by parent", () =>
    Effect.gen(function*() {
      const { accounts, categories } = yield* connectAccounts()
      const word = uniqueName("Filter")
      const b = yield* accounts.create({ name: `${word} B` })
      yield* accounts.create({ name: `${word} A` })
      const c = yield* accounts.create({ name: `${word} C` })
      yield* accounts.archive(c.uniqueId)
      yield* accounts.update(b.uniqueId, { status: "pending" })

      const live = yield* accounts.search(word, { sort: "-name" })
      expect(live.data.map((a) => a.name)).toEqual([`${word} B`, `${word} A`])
      const pending = yield* accounts.search(word, { status: "pending" })
      expect(pending.data.map((a) => a.name)).toEqual([`${word} B`])
      const archived = yield* accounts.list({ status: "archived", records: 1000 })
      expect(archived.data.map((a) => a.uniqueId)).toContain(c.uniqueId)

      const parent = yield* categories.create({ name: uniqueName("Parent") })
      yield* categories.create({ name: "Second child", parentUniqueId: parent.uniqueId, order: 2 })
      yield* categories.create({ name: "First child", parentUniqueId: parent.uniqueId, order: 1 })
      const children = yield* categories.list({ parentUniqueId: parent.uniqueId, sort: "order" })
      expect(children.data.map((c) => c.name)).toEqual(["First child", "Second child"])
    }))

  it.effect("users by status; subscribers by source; mail templates by status (no sort for either)", () =>
    Effect.gen(function*() {
      const { identities } = yield* connectContacts()
      expect((yield* identities.list({ status: "deleted" })).data).toEqual([])
      expectTag(yield* Effect.flip(identities.list({ sort: "email" } as {})), "InvalidInput")

      const { subscribers, templates } = yield* connectComms
      const source = uniqueName("source")
      yield* subscribers.create({ email: "b@example.com", source })
      yield* subscribers.create({ email: "a@example.com", source })
      yield* subscribers.create({ email: "c@example.com" })
      const fromSource = yield* subscribers.list({ source, sort: "email" })
      expect(fromSource.data.map((s) => s.email)).toEqual(["a@example.com", "b@example.com"])
      expect((yield* templates.list({ status: "archived" })).data).toEqual([])
      expectTag(yield* Effect.flip(templates.list({ sort: "name" } as {})), "InvalidInput")
    }))
})
