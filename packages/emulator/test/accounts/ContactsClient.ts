/**
 * The accounts domain's contact-side services (contacts, history, profile, identities, account
 * contacts, and accounts for the account they hang on) over the file's emulator, tenant A unless told
 * otherwise, with every request they send recorded.
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
import type { CrmConfig } from "@blocks-crm/core-http"
import { Emulator } from "@blocks-crm/emulator"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestEmulator from "../support/TestEmulator.js"
import type { SentRequest } from "../support/TestEmulator.js"

export const connectContacts = (overrides: Partial<CrmConfig.CrmOptions> = {}) =>
  Effect.gen(function*() {
    const info = yield* Emulator.Emulator
    const sent: Array<SentRequest> = []
    const services = yield* Effect.all({
      accounts: AccountsService,
      contacts: ContactsService,
      history: ContactHistoryService,
      profiles: ContactProfileService,
      identities: IdentitiesService,
      accountContacts: AccountContactsService
    }).pipe(
      Effect.provide(
        AccountsServicesLive.pipe(
          Layer.provide(TestEmulator.transportLayer(TestEmulator.transportOptions(info, overrides), sent))
        )
      )
    )
    return { info, sent, ...services }
  })
