/**
 * The scheduling services over the file's emulator (tenant A unless told otherwise), every request they
 * send recorded, and the accounts-domain records a meeting points at, created over raw HTTP.
 */
import { Emulator } from "@blocks-crm/emulator"
import {
  EventsService,
  MeetingParticipantsService,
  MeetingsService,
  SchedulingServicesLive,
  ZoomHostsService,
  ZoomMeetingsService,
  ZoomWebhookService
} from "@blocks-crm/scheduling"
import { expect } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestEmulator from "../support/TestEmulator.js"
import type { SentRequest } from "../support/TestEmulator.js"

export const connectScheduling = (apiKey?: string) =>
  Effect.gen(function*() {
    const info = yield* Emulator.Emulator
    const sent: Array<SentRequest> = []
    const options = TestEmulator.transportOptions(info, apiKey === undefined ? {} : { apiKey })
    const services = yield* Effect.all({
      meetings: MeetingsService,
      participants: MeetingParticipantsService,
      events: EventsService,
      zoomHosts: ZoomHostsService,
      zoom: ZoomMeetingsService,
      webhook: ZoomWebhookService
    }).pipe(
      Effect.provide(SchedulingServicesLive.pipe(Layer.provide(TestEmulator.transportLayer(options, sent))))
    )
    return { ...services, sent }
  })

let counter = 0
/** A word no other test of the file uses. */
export const unique = (base: string) => `${base}-${++counter}-${Date.now().toString(36)}`

/** Registers a user (`POST /users/:id/register`) and returns its id. */
export const registerUser = (name: string, apiKey?: string) =>
  Effect.gen(function*() {
    const id = unique("user")
    const response = yield* TestEmulator.raw("POST", `/users/${id}/register`, {
      body: { user: { email: `${id}@example.com`, name } },
      ...(apiKey === undefined ? {} : { apiKey })
    })
    expect(response.status, response.text).toBeLessThan(300)
    return { id, email: `${id}@example.com`, name }
  })

/** Creates an account and returns its id. */
export const createAccount = (name: string) =>
  Effect.gen(function*() {
    const response = yield* TestEmulator.raw<TestEmulator.WireDocument>("POST", "/accounts/", {
      body: { account: { name: unique(name) } }
    })
    expect(response.status, response.text).toBe(201)
    return response.json.data.id
  })

/** Creates a contact and returns its id and address. */
export const createContact = (firstName: string, lastName: string) =>
  Effect.gen(function*() {
    const email = `${unique(firstName.toLowerCase())}@example.com`
    const response = yield* TestEmulator.raw<TestEmulator.WireDocument>("POST", "/contacts/", {
      body: { contact: { first_name: firstName, last_name: lastName, email } }
    })
    expect(response.status, response.text).toBe(201)
    return { id: response.json.data.id, email }
  })

/** An hour-long slot starting `hoursFromNow` hours from now, on whole seconds. */
export const slot = (hoursFromNow: number, hours = 1) => {
  const start = Math.floor(Date.now() / 1000 + hoursFromNow * 3600) * 1000
  return { startTime: new Date(start), endTime: new Date(start + hours * 3_600_000) }
}
