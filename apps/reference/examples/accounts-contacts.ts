/**
 * Contacts, identities and account contacts with `@blocks-crm/accounts` on its own: a sales rep
 * registers, adds a contact to an account (crm-block.md's "Create an Account with Contact"), logs a
 * call, fills in the profile, and archives a contact who left.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/accounts-contacts.ts
 */
import {
  AccountContactsService,
  AccountsService,
  AccountsServicesLive,
  ContactHistoryService,
  ContactProfileService,
  ContactsService,
  IdentitiesService
} from "@blocks-crm/accounts"
import { CrmTransport } from "@blocks-crm/core-http"
import { Console, Effect, Layer } from "effect"

const program = Effect.gen(function*() {
  const identities = yield* IdentitiesService
  const rep = yield* identities.register("auth0-user-42", { email: "sam@acme.com", name: "Sam Rep" })

  const accounts = yield* AccountsService
  const accountContacts = yield* AccountContactsService
  const acme = yield* accounts.create({ name: "Acme Corp" })
  const jane = yield* accountContacts.create(acme.uniqueId, {
    firstName: "Jane",
    lastName: "Smith",
    email: "jane@acme.com",
    title: "VP Sales",
    userUniqueId: rep.uniqueId
  })

  const history = yield* ContactHistoryService
  const profiles = yield* ContactProfileService
  yield* history.create(jane.uniqueId, { title: "Discovery call", eventType: "call" })
  yield* profiles.create(jane.uniqueId, { primaryPhone: "+1-555-0101" })

  const contacts = yield* ContactsService
  const bob = yield* contacts.create({ firstName: "Bob", lastName: "Jones" })
  yield* accountContacts.link(acme.uniqueId, bob.uniqueId)
  yield* contacts.archive(bob.uniqueId) // out of the listings until `contacts.recover(bob.uniqueId)`

  const linked = yield* accountContacts.list(acme.uniqueId)
  const owned = yield* identities.listContacts(rep.uniqueId)
  yield* Console.log(`${acme.name}: ${linked.length} contact(s); ${rep.email} owns ${owned.length}`)
}).pipe(Effect.catchTag("NotFound", (e) => Effect.logWarning(e.message)))

program.pipe(
  Effect.provide(AccountsServicesLive.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))),
  Effect.runPromise
)
