/**
 * The accounts services (acc-core's: accounts, details, locations, categories) over the file's
 * emulator, for tenant A unless told otherwise, with every request they send recorded.
 */
import {
  AccountDetailsService,
  AccountLocationsService,
  AccountsService,
  AccountsServicesLive,
  CategoriesService
} from "@blocks-crm/accounts"
import type { CrmConfig } from "@blocks-crm/core-http"
import { Emulator } from "@blocks-crm/emulator"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestEmulator from "../support/TestEmulator.js"
import type { SentRequest } from "../support/TestEmulator.js"

export const connectAccounts = (overrides: Partial<CrmConfig.CrmOptions> = {}) =>
  Effect.gen(function*() {
    const info = yield* Emulator.Emulator
    const sent: Array<SentRequest> = []
    const services = yield* Effect.all({
      accounts: AccountsService,
      details: AccountDetailsService,
      locations: AccountLocationsService,
      categories: CategoriesService
    }).pipe(
      Effect.provide(
        AccountsServicesLive.pipe(
          Layer.provide(TestEmulator.transportLayer(TestEmulator.transportOptions(info, overrides), sent))
        )
      )
    )
    return { ...services, sent }
  })

/** A name no other test of the file uses (names are unique per tenant). */
let counter = 0
export const uniqueName = (base: string) => `${base} ${++counter}-${Date.now().toString(36)}`
