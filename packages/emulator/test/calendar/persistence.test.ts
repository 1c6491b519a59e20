/**
 * The calendar state outlives the emulator: on the same SQLite file, a restarted emulator still has the
 * calendar account with its sync time, the busy block with its rule, and the ICS token, whose feed still
 * answers (and a deleted token's feed still does not).
 */
import { Emulator } from "@blocks-crm/emulator"
import { expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as TestEmulator from "../support/TestEmulator.js"
import { raw } from "../support/TestEmulator.js"

const tempDir = Effect.acquireRelease(
  Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "crm-calendar-test-"))),
  (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
)

const withEmulator = <A, E, R>(
  database: string,
  f: Effect.Effect<A, E, R | Emulator.Emulator>,
  seed?: Emulator.EmulatorOptions["seed"]
) =>
  Effect.scoped(
    Effect.flatMap(
      TestEmulator.start({ database, seed }),
      (info) => Effect.provideService(f, Emulator.Emulator, info)
    )
  )

/** The synced account's provider calendar has no events, so the sync imports no busy block. */
const emptyProviderCalendar: Emulator.EmulatorOptions["seed"] = {
  tenants: { [TestEmulator.API_KEY_A]: { calendar: { provider_calendars: [{ email: "kc@gmail.com", events: [] }] } } }
}

const publicly = { apiKey: null, token: null } as const

it.scopedLive("accounts, busy blocks and ICS tokens survive a restart on the same SQLite file", () =>
  Effect.gen(function*() {
    const database = path.join(yield* tempDir, "emulator.db")
    const kept = yield* withEmulator(
      database,
      Effect.gen(function*() {
        const user = "kept-cal-user"
        expect((yield* raw("POST", `/users/${user}/register`, { body: { user: { email: "kc@acme.example" } } })).status)
          .toBeLessThan(300)
        const account = yield* raw<any>("POST", `/users/${user}/calendar_accounts`, {
          body: { calendar_account: { provider: "google", email: "kc@gmail.com" } }
        })
        expect(account.status).toBe(201)
        expect((yield* raw("POST", `/users/${user}/calendar/sync`)).status).toBe(200)
        const synced = yield* raw<any>("GET", `/users/${user}/calendar_accounts/${account.json.data.id}`)
        const block = yield* raw<any>("POST", `/users/${user}/busy_blocks`, {
          body: {
            busy_block: {
              title: "Lunch",
              start_time: "2031-05-05T12:00:00Z",
              end_time: "2031-05-05T13:00:00Z",
              recurring: true,
              recurrence_rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
            }
          }
        })
        expect(block.status).toBe(201)
        const token = yield* raw<any>("POST", `/users/${user}/ics_tokens`, { body: { ics_token: { label: "Kept" } } })
        const revoked = yield* raw<any>("POST", `/users/${user}/ics_tokens`, { body: { ics_token: {} } })
        expect((yield* raw("DELETE", `/users/${user}/ics_tokens/${revoked.json.data.id}`)).status).toBe(204)
        const feed = yield* raw("GET", `/calendars/my-company/ics/${token.json.data.attributes.token}`, publicly)
        expect(feed.status).toBe(200)
        return {
          user,
          account: synced.json.data,
          token: token.json.data.attributes.token as string,
          revoked: revoked.json.data.attributes.token as string,
          feed: feed.text
        }
      }),
      emptyProviderCalendar
    )

    yield* withEmulator(
      database,
      Effect.gen(function*() {
        const account = yield* raw<any>("GET", `/users/${kept.user}/calendar_accounts/${kept.account.id}`)
        expect(account.json.data).toEqual(kept.account)
        expect(account.json.data.attributes.last_synced_at).not.toBeNull()
        const blocks = yield* raw<any>("GET", `/users/${kept.user}/busy_blocks`)
        expect(blocks.json.data.map((b: any) => b.attributes.recurrence_rule)).toEqual([
          "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
        ])
        const feed = yield* raw("GET", `/calendars/my-company/ics/${kept.token}`, publicly)
        expect(feed.status).toBe(200)
        // The same text: each DTSTAMP is its record's stored time, not the request's.
        expect(feed.text).toBe(kept.feed)
        expect((yield* raw("GET", `/calendars/my-company/ics/${kept.revoked}`, publicly)).status).toBe(404)
      })
    )
  }))
