/**
 * The calendar services over the file's emulator (tenant A unless told otherwise), every request they
 * send recorded, and users registered over raw HTTP.
 */
import {
  BusyBlocksService,
  CalcomWebhookService,
  CalendarAccountsService,
  CalendarServicesLive,
  CalendarSyncService,
  IcsFeedService,
  IcsTokensService
} from "@blocks-crm/calendar"
import { Emulator } from "@blocks-crm/emulator"
import { expect } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestEmulator from "../support/TestEmulator.js"
import type { SentRequest } from "../support/TestEmulator.js"

export const connectCalendar = (apiKey?: string) =>
  Effect.gen(function*() {
    const info = yield* Emulator.Emulator
    const sent: Array<SentRequest> = []
    const options = TestEmulator.transportOptions(info, apiKey === undefined ? {} : { apiKey })
    const services = yield* Effect.all({
      accounts: CalendarAccountsService,
      sync: CalendarSyncService,
      busyBlocks: BusyBlocksService,
      icsTokens: IcsTokensService,
      feed: IcsFeedService,
      calcom: CalcomWebhookService
    }).pipe(Effect.provide(CalendarServicesLive.pipe(Layer.provide(TestEmulator.transportLayer(options, sent)))))
    return { ...services, sent }
  })

let counter = 0
/** A word no other test of the file uses. */
export const unique = (base: string) => `${base}-${++counter}-${Date.now().toString(36)}`

/** Registers a user (`POST /users/:id/register`) and returns its id. */
export const registerUser = (name: string, options: { readonly apiKey?: string; readonly id?: string } = {}) =>
  Effect.gen(function*() {
    const id = options.id ?? unique("user")
    const response = yield* TestEmulator.raw("POST", `/users/${id}/register`, {
      body: { user: { email: `${id}@example.com`, name } },
      ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey })
    })
    expect(response.status, response.text).toBeLessThan(300)
    return { id, email: `${id}@example.com`, name }
  })
