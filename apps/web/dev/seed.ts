/**
 * The records the web app starts with on the emulator (`pnpm web`, the browser test): leads at every
 * stage of the reference's pipeline, one opportunity, and meetings spread over the current week, so
 * the board, the opportunity page and the week's meetings all have something to show.
 */
import type { Fixtures } from "@blocks-crm/emulator"

/** The tenant the emulator's local seeds give (`pk_local_emulator`). */
export const tenant = "pk_local_emulator"

/** The seeded leads, by stage: what the board must show. */
export const leads = [
  { name: "Northwind Traders: fleet telematics", source: "website", value: 48_000, stage: "new", probability: 10 },
  { name: "Contoso Health: patient portal", source: "referral", value: 120_000, stage: "new", probability: 20 },
  { name: "Fabrikam: warehouse robotics", source: "cold_call", value: 75_000, stage: "contacted", probability: 20 },
  { name: "Tailspin Toys: expo follow-up", source: "event", value: 15_000, stage: "qualified", probability: 40 },
  { name: "Woodgrove Bank: branch kiosks", source: "website", value: 210_000, stage: "proposal", probability: 60 },
  { name: "Litware: analytics rollout", source: "referral", value: 64_000, stage: "negotiation", probability: 80 }
] as const

const DAY = 24 * 60 * 60 * 1000

/** Monday 00:00 UTC of the week `now` falls in. */
export const weekStart = (now: Date): Date => {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return new Date(midnight - ((now.getUTCDay() + 6) % 7) * DAY)
}

const at = (start: Date, day: number, hour: number) => new Date(start.getTime() + day * DAY + hour * 3_600_000)

/** The fixtures for `startEmulator({ seed })`, with the meetings placed in `now`'s week (UTC). */
export const fixtures = (now: Date = new Date()): Fixtures.FixtureFile => {
  const monday = weekStart(now)
  const meeting = (title: string, day: number, hour: number, meetingType: string) => ({
    title,
    meeting_type: meetingType,
    start_time: at(monday, day, hour).toISOString(),
    end_time: at(monday, day, hour + 1).toISOString(),
    status: "active",
    enabled: true
  })
  return {
    tenants: {
      [tenant]: {
        pipeline: {
          leads: leads.map((lead) => ({ ...lead, status: "active" })),
          opportunities: [{
            name: "Adventure Works: annual licences",
            value: 90_000,
            stage: "negotiation",
            probability: 70,
            status: "active",
            close_date: at(monday, 30, 0).toISOString().slice(0, 10)
          }]
        },
        scheduling: {
          meetings: [
            meeting("Woodgrove Bank: proposal review", 1, 14, "virtual"),
            meeting("Litware: contract call", 3, 10, "virtual"),
            meeting("Fabrikam: site visit", 4, 9, "in_person"),
            // Last week's: not shown.
            meeting("Contoso Health: discovery call", -3, 15, "virtual")
          ]
        }
      }
    }
  }
}
