/**
 * The billing services and the meetings service over the file's emulator (tenant A unless told
 * otherwise), every request they send recorded; meetings are the scheduling domain's own.
 */
import { BillingReportsService, BillingServicesLive, BillingsService } from "@blocks-crm/billing"
import { Emulator } from "@blocks-crm/emulator"
import { MeetingsService } from "@blocks-crm/scheduling"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestEmulator from "../support/TestEmulator.js"
import type { SentRequest } from "../support/TestEmulator.js"

export const connectBilling = (apiKey?: string) =>
  Effect.gen(function*() {
    const info = yield* Emulator.Emulator
    const sent: Array<SentRequest> = []
    const options = TestEmulator.transportOptions(info, apiKey === undefined ? {} : { apiKey })
    const services = yield* Effect.all({
      billings: BillingsService,
      reports: BillingReportsService,
      meetings: MeetingsService
    }).pipe(
      Effect.provide(
        Layer.merge(BillingServicesLive, MeetingsService.Default).pipe(
          Layer.provide(TestEmulator.transportLayer(options, sent))
        )
      )
    )
    return { ...services, sent }
  })

let counter = 0
/** A meeting to bill (a new one each call: one billing per meeting). */
export const newMeeting = (meetings: MeetingsService, title = "Session") => {
  const start = Date.UTC(2026, 2, 1, 14) + ++counter * 3_600_000
  return Effect.map(
    meetings.create({ title: `${title} ${counter}`, startTime: new Date(start), endTime: new Date(start + 3_600_000) }),
    (meeting) => meeting.uniqueId
  )
}

/** An amount in cents as the decimal text a person writes (`3333` → `"33.33"`), with plain integers. */
export const cents = (value: number) => `${Math.trunc(value / 100)}.${String(value % 100).padStart(2, "0")}`

/** A calendar day `days` after `day` (negative: before). */
export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
