/**
 * The calendar package on its own: what a team that installed only `@blocks-crm/calendar` and
 * `@blocks-crm/core-http` writes. The package README's snippets are excerpts of this file.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/calendar.ts
 */
import { CrmTransport } from "@blocks-crm/core-http"
import {
  BusyBlocksService,
  CalcomWebhookSignature,
  CalendarAccountsService,
  CalendarServicesLive,
  CalendarSyncService,
  Ics,
  IcsFeedService,
  IcsTokensService
} from "@blocks-crm/calendar"
import { Console, Effect, Layer, Redacted } from "effect"

// Calendar accounts and sync: connect a Google calendar, then sync the user's accounts.
const connect = (userId: string) =>
  Effect.gen(function*() {
    const accounts = yield* CalendarAccountsService
    const calendar = yield* CalendarSyncService
    const google = yield* accounts.create(userId, { provider: "google", email: "rep@gmail.com" })
    const { data } = yield* calendar.syncUser(userId)
    yield* Console.log(
      `sync ${data.syncId} ${data.status}; last synced ${
        (yield* accounts.get(userId, google.uniqueId)).lastSyncedAt?.toISOString() ?? "never"
      }`
    )
  })

// Busy blocks: a weekday lunch, and the concrete hours it blocks next week (expanded by ical.js).
const lunch = (userId: string) =>
  Effect.gen(function*() {
    const busyBlocks = yield* BusyBlocksService
    yield* busyBlocks.create(userId, {
      title: "Lunch",
      startTime: new Date("2026-03-02T12:00:00Z"),
      endTime: new Date("2026-03-02T13:00:00Z"),
      recurring: true,
      recurrenceRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    })
    const busy = yield* busyBlocks.occurrences(
      userId,
      new Date("2026-03-09T00:00:00Z"),
      new Date("2026-03-16T00:00:00Z")
    )
    yield* Console.log(busy.map((o) => o.start.toISOString()).join(", "))
  })

// ICS feed: a token (Redacted) opens the user's public feed; read it into events and a free hour.
const share = (userId: string) =>
  Effect.gen(function*() {
    const tokens = yield* IcsTokensService
    const feed = yield* IcsFeedService
    const token = yield* tokens.create(userId, { label: "Phone" })
    const calendar = yield* feed.calendar("my-company", token.token)
    const now = new Date()
    const week = new Date(now.getTime() + 7 * 86_400_000)
    const free = Ics.nextFreeHour(Ics.occurrences(calendar, now, week), now)
    yield* Console.log(`${calendar.events.length} events; next free hour ${free?.toISOString() ?? "none"}`)
    // Deleting the token revokes the feed at once.
    yield* tokens.delete(userId, token.uniqueId)
  })

// Cal.com webhooks received by your own server: check X-Cal-Signature-256 before trusting the body.
const receive = (headers: Record<string, string | undefined>, rawBody: string) =>
  CalcomWebhookSignature.verify({
    secret: Redacted.make(process.env["CALCOM_WEBHOOK_SECRET"] ?? ""),
    signature: headers["x-cal-signature-256"],
    rawBody
  })

const program = Effect.gen(function*() {
  yield* connect("user-uuid-123")
  yield* lunch("user-uuid-123")
  yield* share("user-uuid-123")
  yield* Effect.either(receive({}, "{}"))
})

program.pipe(
  Effect.provide(CalendarServicesLive.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))),
  Effect.runPromise
)
