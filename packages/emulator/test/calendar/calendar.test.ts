/**
 * The calendar services against the emulator over loopback HTTP: every authenticated endpoint (success,
 * 404, 422), input refused before sending, property-based round trips, and the domain's rules: accounts
 * per user, sync moving `last_synced_at` on sync-enabled accounts only, busy blocks with RFC 5545 rules
 * and their occurrences, ICS tokens and the public feed they open (and close, once deleted).
 */
import { BusyBlocksGroup, CreateBusyBlockRequest, CreateCalendarAccountRequest, Ics } from "@blocks-crm/calendar"
import type { CalendarAccount } from "@blocks-crm/calendar"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import ICAL from "ical.js"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_B, expectTag, raw, uuid } from "../support/TestEmulator.js"
import type { WireErrors } from "../support/TestEmulator.js"
import { connectCalendar, registerUser } from "./CalendarClient.js"

const lunch = {
  title: "Lunch Break",
  startTime: new Date("2026-02-20T12:00:00Z"),
  endTime: new Date("2026-02-20T13:00:00Z"),
  recurring: true,
  recurrenceRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}

layer(TestEmulator.layer(), { excludeTestServices: true })("calendar on the emulator", (it) => {
  describe("CalendarAccountsService", () => {
    it.effect("create, get, list, update and delete; sync on by default, never synced yet", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectCalendar()
        const user = yield* registerUser("Cara Calendar")
        const created = yield* accounts.create(user.id, { provider: "google", email: "cara@gmail.com" })
        expect(created).toStrictEqual({
          uniqueId: created.uniqueId,
          userUniqueId: user.id,
          provider: "google",
          email: "cara@gmail.com",
          syncEnabled: true,
          lastSyncedAt: null,
          status: "active",
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(yield* accounts.get(user.id, created.uniqueId)).toStrictEqual(created)
        expect((yield* accounts.list(user.id)).map((a) => a.uniqueId)).toEqual([created.uniqueId])

        const updated = yield* accounts.update(user.id, created.uniqueId, { syncEnabled: false })
        expect(updated).toMatchObject({ uniqueId: created.uniqueId, syncEnabled: false })
        expect(updated).not.toHaveProperty("lastSyncedAt")
        expect((yield* accounts.get(user.id, created.uniqueId)).syncEnabled).toBe(false)

        yield* accounts.delete(user.id, created.uniqueId)
        expectTag(yield* Effect.flip(accounts.get(user.id, created.uniqueId)), "NotFound")
        expect(yield* accounts.list(user.id)).toEqual([])
      }))

    it.effect("another user's account, an unknown account and an unknown user are NotFound", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectCalendar()
        const owner = yield* registerUser("Owner")
        const other = yield* registerUser("Other")
        const account = yield* accounts.create(owner.id, { provider: "outlook", email: "owner@example.com" })
        expectTag(yield* Effect.flip(accounts.get(other.id, account.uniqueId)), "NotFound")
        expectTag(yield* Effect.flip(accounts.update(other.id, account.uniqueId, { syncEnabled: false })), "NotFound")
        expectTag(yield* Effect.flip(accounts.delete(other.id, account.uniqueId)), "NotFound")
        expectTag(yield* Effect.flip(accounts.get(owner.id, "no-such-account")), "NotFound")
        expectTag(yield* Effect.flip(accounts.list("no-such-user")), "NotFound")
        expectTag(
          yield* Effect.flip(accounts.create("no-such-user", { provider: "apple", email: "a@me.com" })),
          "NotFound"
        )
        // Still there for its owner.
        expect((yield* accounts.get(owner.id, account.uniqueId)).syncEnabled).toBe(true)
      }))

    it.effect("a bad provider, e-mail, sync_enabled or token label is 422 on its attribute", () =>
      Effect.gen(function*() {
        const user = yield* registerUser("Val")
        const response = yield* raw<WireErrors>("POST", `/users/${user.id}/calendar_accounts`, {
          body: { calendar_account: { provider: "yahoo", email: "not-an-address" } }
        })
        expect(response.status, response.text).toBe(422)
        expect(response.json.errors.map((e) => e.source?.pointer).sort()).toEqual([
          "/calendar_account/email",
          "/calendar_account/provider"
        ])
        const missing = yield* raw<WireErrors>("POST", `/users/${user.id}/calendar_accounts`, {
          body: { calendar_account: { email: "val@example.com" } }
        })
        expect(missing.status).toBe(422)
        expect(missing.json.errors[0]).toMatchObject({
          code: "required",
          source: { pointer: "/calendar_account/provider" }
        })
        const account = yield* raw<any>("POST", `/users/${user.id}/calendar_accounts`, {
          body: { calendar_account: { provider: "apple", email: "val@me.com" } }
        })
        expect(account.status, account.text).toBe(201)
        const update = yield* raw<WireErrors>("PUT", `/users/${user.id}/calendar_accounts/${account.json.data.id}`, {
          body: { calendar_account: { sync_enabled: "yes" } }
        })
        expect(update.status).toBe(422)
        expect(update.json.errors[0]?.source?.pointer).toBe("/calendar_account/sync_enabled")
        const label = yield* raw<WireErrors>("POST", `/users/${user.id}/ics_tokens`, {
          body: { ics_token: { label: "  " } }
        })
        expect(label.status).toBe(422)
        expect(label.json.errors[0]?.source?.pointer).toBe("/ics_token/label")
      }))

    it.effect("invalid input is refused before anything is sent", () =>
      Effect.gen(function*() {
        const { accounts, sent } = yield* connectCalendar()
        const invalid = expectTag(
          yield* Effect.flip(accounts.create("u-1", { provider: "yahoo" as "google", email: "nope" })),
          "InvalidInput"
        )
        expect(invalid.operation).toBe("calendarAccounts.create")
        expect(invalid.issues.map((issue) => issue.path).sort()).toEqual(["email", "provider"])
        expectTag(yield* Effect.flip(accounts.update("u-1", "a-1", {} as { syncEnabled: boolean })), "InvalidInput")
        expectTag(yield* Effect.flip(accounts.get("u/1", "a-1")), "InvalidInput")
        expect(sent).toEqual([])
      }))
  })

  describe("CalendarSyncService", () => {
    it.effect("a user's sync moves last_synced_at on that user's sync-enabled accounts only", () =>
      Effect.gen(function*() {
        const { accounts, sync } = yield* connectCalendar()
        const user = yield* registerUser("Syncing Sam")
        const other = yield* registerUser("Other Olive")
        const google = yield* accounts.create(user.id, { provider: "google", email: "sam@gmail.com" })
        const paused = yield* accounts.create(user.id, { provider: "apple", email: "sam@me.com", syncEnabled: false })
        const others = yield* accounts.create(other.id, { provider: "outlook", email: "olive@outlook.com" })
        const before = Date.now()
        const started = yield* sync.syncUser(user.id)
        expect(started).toMatchObject({ message: "Calendar sync initiated", data: { status: "in_progress" } })
        expect(started.data.syncId).toMatch(uuid)
        expect(started.data.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
        const synced = yield* accounts.get(user.id, google.uniqueId)
        expect(synced.lastSyncedAt).toEqual(started.data.startedAt)
        expect((yield* accounts.get(user.id, paused.uniqueId)).lastSyncedAt).toBeNull()
        expect((yield* accounts.get(other.id, others.uniqueId)).lastSyncedAt).toBeNull()
        expectTag(yield* Effect.flip(sync.syncUser("no-such-user")), "NotFound")
      }))

    it.effect("the tenant's sync covers every sync-enabled account of the tenant, and no other tenant's", () =>
      Effect.gen(function*() {
        const a = yield* connectCalendar()
        const b = yield* connectCalendar(API_KEY_B)
        const userB = yield* registerUser("Tenant B user", { apiKey: API_KEY_B })
        const inB = yield* b.accounts.create(userB.id, { provider: "google", email: "b@gmail.com" })
        const user = yield* registerUser("Tenant A user")
        yield* a.accounts.create(user.id, { provider: "google", email: "t1@gmail.com" })
        yield* a.accounts.create(user.id, { provider: "outlook", email: "t2@outlook.com", syncEnabled: false })
        const users = yield* raw<{ data: ReadonlyArray<{ id: string }> }>("GET", "/users?records=100")
        const everyAccount: Array<CalendarAccount> = []
        for (const u of users.json.data) {
          everyAccount.push(...(yield* Effect.orElseSucceed(a.accounts.list(u.id), () => [])))
        }
        const started = yield* a.sync.syncTenant()
        expect(started.message).toBe("Global calendar sync initiated")
        expect(started.data.status).toBe("in_progress")
        expect(started.data.accountsCount).toBe(everyAccount.filter((acc) => acc.syncEnabled).length)
        expect(started.data.accountsCount).toBeGreaterThanOrEqual(1)
        for (const account of everyAccount) {
          const now = yield* a.accounts.get(account.userUniqueId!, account.uniqueId)
          expect(now.lastSyncedAt, account.email).toEqual(
            account.syncEnabled ? started.data.startedAt : account.lastSyncedAt
          )
        }
        expect((yield* b.accounts.get(userB.id, inB.uniqueId)).lastSyncedAt).toBeNull()
      }))
  })

  describe("BusyBlocksService", () => {
    it.effect("create, list and delete; a recurring block keeps its rule; another user's block is NotFound", () =>
      Effect.gen(function*() {
        const { busyBlocks } = yield* connectCalendar()
        const user = yield* registerUser("Blocky")
        const other = yield* registerUser("Nobody")
        const block = yield* busyBlocks.create(user.id, lunch)
        expect(block).toStrictEqual({
          ...lunch,
          uniqueId: block.uniqueId,
          userUniqueId: user.id,
          createdAt: block.createdAt,
          updatedAt: block.createdAt
        })
        const once = yield* busyBlocks.create(user.id, {
          title: "Personal Time",
          startTime: new Date("2026-03-01T17:00:00Z"),
          endTime: new Date("2026-03-01T18:00:00Z")
        })
        expect(once.recurring).toBe(false)
        expect(once).not.toHaveProperty("recurrenceRule")
        expect((yield* busyBlocks.list(user.id)).map((b) => b.uniqueId)).toEqual([block.uniqueId, once.uniqueId])
        expectTag(yield* Effect.flip(busyBlocks.delete(other.id, block.uniqueId)), "NotFound")
        yield* busyBlocks.delete(user.id, block.uniqueId)
        expectTag(yield* Effect.flip(busyBlocks.delete(user.id, block.uniqueId)), "NotFound")
        expect((yield* busyBlocks.list(user.id)).map((b) => b.uniqueId)).toEqual([once.uniqueId])
        expectTag(yield* Effect.flip(busyBlocks.list("no-such-user")), "NotFound")
      }))

    it.effect("an invalid rule, a recurring block without one and a backwards block are 422 on the attribute", () =>
      Effect.gen(function*() {
        const user = yield* registerUser("Rules")
        const post = (busy_block: Record<string, unknown>) =>
          raw<WireErrors>("POST", `/users/${user.id}/busy_blocks`, { body: { busy_block } })
        const times = { start_time: "2026-03-02T12:00:00Z", end_time: "2026-03-02T13:00:00Z" }
        for (
          const rule of [
            "FREQ=SOMETIMES",
            "BYDAY=MO",
            "FREQ=WEEKLY;BYDAY=XX",
            "FREQ=DAILY;COUNT=abc",
            "FREQ=DAILY;FOO=1"
          ]
        ) {
          const response = yield* post({ ...times, recurring: true, recurrence_rule: rule })
          expect(response.status, rule).toBe(422)
          expect(response.json.errors.map((e) => e.source?.pointer), rule).toEqual(["/busy_block/recurrence_rule"])
        }
        const noRule = yield* post({ ...times, recurring: true })
        expect(noRule.status).toBe(422)
        expect(noRule.json.errors[0]).toMatchObject({ source: { pointer: "/busy_block/recurrence_rule" } })
        const backwards = yield* post({ start_time: times.end_time, end_time: times.start_time })
        expect(backwards.status).toBe(422)
        expect(backwards.json.errors[0]).toMatchObject({ source: { pointer: "/busy_block/end_time" } })
        const missing = yield* post({ start_time: times.start_time })
        expect(missing.status).toBe(422)
        expect(missing.json.errors[0]).toMatchObject({ code: "required", source: { pointer: "/busy_block/end_time" } })
        // A rule without `recurring` makes a recurring block.
        const implied = yield* post({ ...times, recurrence_rule: "FREQ=DAILY;COUNT=3" })
        expect(implied.status, implied.text).toBe(201)
        expect((implied.json as any).data.attributes).toMatchObject({
          recurring: true,
          recurrence_rule: "FREQ=DAILY;COUNT=3"
        })
      }))

    it.effect("the same rules are checked before sending", () =>
      Effect.gen(function*() {
        const { busyBlocks, sent } = yield* connectCalendar()
        const bad = expectTag(
          yield* Effect.flip(busyBlocks.create("u-1", { ...lunch, recurrenceRule: "FREQ=SOMETIMES" })),
          "InvalidInput"
        )
        expect(bad.issues.map((i) => i.path)).toEqual(["recurrenceRule"])
        const { recurrenceRule: _r, ...noRule } = lunch
        expect(expectTag(yield* Effect.flip(busyBlocks.create("u-1", noRule)), "InvalidInput").issues[0]?.path).toBe(
          "recurrenceRule"
        )
        const backwards = { startTime: lunch.endTime, endTime: lunch.startTime }
        expect(expectTag(yield* Effect.flip(busyBlocks.create("u-1", backwards)), "InvalidInput").issues[0]?.path).toBe(
          "endTime"
        )
        expectTag(yield* Effect.flip(busyBlocks.occurrences("u-1", lunch.endTime, lunch.startTime)), "InvalidInput")
        expect(sent).toEqual([])
      }))

    it.effect("occurrences expands the weekday rule into concrete intervals (weekends free)", () =>
      Effect.gen(function*() {
        const { busyBlocks } = yield* connectCalendar()
        const user = yield* registerUser("Occurring")
        yield* busyBlocks.create(user.id, lunch)
        yield* busyBlocks.create(user.id, {
          title: "Dentist",
          startTime: new Date("2026-02-24T09:00:00Z"),
          endTime: new Date("2026-02-24T10:00:00Z")
        })
        // Fri 20 Feb 2026 to Sat 28 Feb: Fri, Mon..Fri lunches and the dentist on Tuesday.
        const found = yield* busyBlocks.occurrences(
          user.id,
          new Date("2026-02-20T00:00:00Z"),
          new Date("2026-02-28T00:00:00Z")
        )
        expect(found.map((o) => `${o.start.toISOString()} ${o.title}`)).toEqual([
          "2026-02-20T12:00:00.000Z Lunch Break",
          "2026-02-23T12:00:00.000Z Lunch Break",
          "2026-02-24T09:00:00.000Z Dentist",
          "2026-02-24T12:00:00.000Z Lunch Break",
          "2026-02-25T12:00:00.000Z Lunch Break",
          "2026-02-26T12:00:00.000Z Lunch Break",
          "2026-02-27T12:00:00.000Z Lunch Break"
        ])
        expect(found.every((o) => o.end.getTime() - o.start.getTime() === 3_600_000)).toBe(true)
        // Half-open: a range ending as a lunch starts does not hold it; one starting mid-lunch does.
        const edge = yield* busyBlocks.occurrences(
          user.id,
          new Date("2026-02-23T12:30:00Z"),
          new Date("2026-02-24T12:00:00Z")
        )
        expect(edge.map((o) => o.start.toISOString())).toEqual(["2026-02-23T12:00:00.000Z", "2026-02-24T09:00:00.000Z"])
      }))
  })

  describe("ICS tokens and the public feed", () => {
    it.effect("a token is a random secret of at least 128 bits, held Redacted, listed, and opens the feed", () =>
      Effect.gen(function*() {
        const { busyBlocks, feed, icsTokens } = yield* connectCalendar()
        const user = yield* registerUser("Feedy")
        const token = yield* icsTokens.create(user.id, { label: "Phone" })
        expect(Redacted.isRedacted(token.token)).toBe(true)
        const secret = Redacted.value(token.token)
        expect(String(token.token)).not.toContain(secret)
        expect(secret).toMatch(/^ics_[A-Za-z0-9_-]{43}$/) // 32 random bytes, base64url
        const second = yield* icsTokens.create(user.id, {})
        expect(Redacted.value(second.token)).not.toBe(secret)
        expect(token).toMatchObject({ label: "Phone", active: true, userUniqueId: user.id })
        const listed = yield* icsTokens.list(user.id)
        expect(listed.map((t) => [t.uniqueId, Redacted.value(t.token)])).toEqual([
          [token.uniqueId, secret],
          [second.uniqueId, Redacted.value(second.token)]
        ])

        // One meeting organised by the user, one they attend, one of someone else: two in the feed.
        const meeting = (title: string, organiser: string) =>
          raw<any>("POST", "/meetings/", {
            body: {
              meeting: {
                title,
                start_time: "2026-03-15T14:00:00Z",
                end_time: "2026-03-15T15:00:00Z",
                user_unique_id: organiser,
                meeting_location: "Conference Room A"
              }
            }
          })
        const someoneElse = yield* registerUser("Someone else")
        expect((yield* meeting("Quarterly Review", user.id)).status).toBe(201)
        const attended = yield* meeting("Their kick-off", someoneElse.id)
        const added = yield* raw("POST", `/meetings/${attended.json.data.id}/participants`, {
          body: { participant: { user_unique_id: user.id } }
        })
        expect(added.status, added.text).toBe(201)
        expect((yield* meeting("Not ours", someoneElse.id)).status).toBe(201)
        yield* busyBlocks.create(user.id, lunch)

        const response = yield* raw("GET", `/calendars/my-company/ics/${secret}`, { apiKey: null, token: null })
        expect(response.status, response.text).toBe(200)
        expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8")
        expect(response.text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true)
        // Read back independently with ical.js.
        const calendar = new ICAL.Component(ICAL.parse(response.text))
        expect(calendar.getFirstPropertyValue("version")).toBe("2.0")
        expect(calendar.getFirstPropertyValue("prodid")).toBe("-//23blocks//CRM//EN")
        const events = calendar.getAllSubcomponents("vevent")
        expect(events.map((e) => e.getFirstPropertyValue("summary")).sort()).toEqual(
          ["Lunch Break", "Quarterly Review", "Their kick-off"]
        )
        for (const event of events) {
          for (const name of ["uid", "dtstamp", "dtstart", "dtend", "summary"]) {
            expect(event.hasProperty(name), name).toBe(true)
          }
        }
        expect(response.text).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
        expect(response.text).toContain("DTSTART:20260315T140000Z")
        expect(response.text).toContain("LOCATION:Conference Room A")

        // The SDK reads the same feed into typed events.
        const parsed = yield* feed.calendar("my-company", token.token)
        expect(parsed.prodId).toBe("-//23blocks//CRM//EN")
        expect(parsed.events).toHaveLength(3)
        const lunchEvent = parsed.events.find((e) => e.summary === "Lunch Break")!
        expect(lunchEvent).toMatchObject({
          start: lunch.startTime,
          end: lunch.endTime,
          recurrenceRule: lunch.recurrenceRule
        })
        expect(yield* feed.text("my-company", token.token)).toBe(response.text)
        const busy = Ics.occurrences(parsed, new Date("2026-03-15T00:00:00Z"), new Date("2026-03-17T00:00:00Z"))
        expect(busy.map((o) => `${o.start.toISOString()} ${o.summary}`)).toEqual([
          "2026-03-15T14:00:00.000Z Quarterly Review",
          "2026-03-15T14:00:00.000Z Their kick-off",
          "2026-03-16T12:00:00.000Z Lunch Break"
        ])
      }))

    it.effect("an unknown token, another company and a deleted token are a JSON:API 404, the token never in the error", () =>
      Effect.gen(function*() {
        const { feed, icsTokens } = yield* connectCalendar()
        const user = yield* registerUser("Revoking")
        const token = yield* icsTokens.create(user.id, { label: "Laptop" })
        const secret = Redacted.value(token.token)
        expect((yield* raw("GET", `/calendars/my-company/ics/${secret}`, { apiKey: null, token: null })).status).toBe(
          200
        )
        const cases = [
          `/calendars/my-company/ics/ics_no_such_token_0000000000000000000000000000`,
          `/calendars/another-company/ics/${secret}`
        ]
        for (const path of cases) {
          const response = yield* raw<WireErrors>("GET", path, { apiKey: null, token: null })
          expect(response.status, path).toBe(404)
          expect(response.json.errors[0]).toMatchObject({ status: "404", code: "not_found" })
        }
        const wrongCompany = expectTag(yield* Effect.flip(feed.calendar("another-company", token.token)), "NotFound")
        expect(wrongCompany.url).toMatch(/\/calendars\/another-company\/ics\/\[redacted\]$/)
        expect(JSON.stringify(wrongCompany)).not.toContain(secret)
        expect(wrongCompany.message).not.toContain(secret)

        yield* icsTokens.delete(user.id, token.uniqueId)
        const revoked = yield* raw<WireErrors>("GET", `/calendars/my-company/ics/${secret}`, {
          apiKey: null,
          token: null
        })
        expect(revoked.status).toBe(404)
        expect(revoked.json.errors[0]?.code).toBe("not_found")
        expectTag(yield* Effect.flip(feed.text("my-company", token.token)), "NotFound")
        expect(yield* icsTokens.list(user.id)).toEqual([])
        expectTag(yield* Effect.flip(icsTokens.delete(user.id, token.uniqueId)), "NotFound")
        expectTag(yield* Effect.flip(icsTokens.create("no-such-user", {})), "NotFound")
        // Tenant B's token does not open tenant A's feed of the same user id, nor the other way round.
        expectTag(yield* Effect.flip(feed.text("my-company", Redacted.make("ics_made_up_token"))), "NotFound")
      }))

    it.effect("a blank label is refused before sending, and the feed needs a Redacted token", () =>
      Effect.gen(function*() {
        const { feed, icsTokens, sent } = yield* connectCalendar()
        expectTag(yield* Effect.flip(icsTokens.create("u-1", { label: " " })), "InvalidInput")
        expectTag(yield* Effect.flip(feed.text("my/company", Redacted.make("abc123def456"))), "InvalidInput")
        expectTag(
          yield* Effect.flip(feed.text("my-company", "plain" as unknown as Redacted.Redacted<string>)),
          "InvalidInput"
        )
        expect(sent).toEqual([])
      }))
  })

  describe("property-based", () => {
    it.effect("arbitrary valid calendar accounts and busy blocks round-trip client → emulator → client", () =>
      Effect.gen(function*() {
        const { accounts, busyBlocks } = yield* connectCalendar()
        const user = yield* registerUser("Arbitrary")
        for (const input of fc.sample(Arbitrary.make(CreateCalendarAccountRequest), { seed: 41, numRuns: 25 })) {
          const created = yield* accounts.create(user.id, input)
          expect(created).toMatchObject({
            provider: input.provider,
            email: input.email,
            syncEnabled: input.syncEnabled ?? true
          })
          expect(yield* accounts.get(user.id, created.uniqueId)).toStrictEqual(created)
        }
        for (const input of fc.sample(Arbitrary.make(CreateBusyBlockRequest), { seed: 42, numRuns: 25 })) {
          const created = yield* busyBlocks.create(user.id, input)
          const { createdAt: _c, uniqueId: _id, updatedAt: _u, userUniqueId: _user, ...echoed } = created
          expect(echoed).toStrictEqual({ ...input, recurring: input.recurring ?? input.recurrenceRule !== undefined })
        }
      }))

    it.effect("arbitrary invalid inputs fail with InvalidInput and send nothing", () =>
      Effect.gen(function*() {
        const { accounts, busyBlocks, sent } = yield* connectCalendar()
        const isAccount = Schema.is(CreateCalendarAccountRequest)
        const badAccounts = fc.record({
          provider: fc.oneof(fc.constantFrom("yahoo", "", "Google"), fc.string(), fc.integer()),
          email: fc.oneof(fc.constantFrom("", "a@b", "no at"), fc.string()),
          syncEnabled: fc.oneof(fc.string(), fc.integer())
        }, { requiredKeys: [] }).filter((input) => !isAccount(input))
        for (const input of fc.sample(badAccounts, { seed: 43, numRuns: 40 })) {
          expectTag(yield* Effect.flip(accounts.create("u-1", input as any)), "InvalidInput")
        }
        const isBlock = Schema.is(CreateBusyBlockRequest)
        const badBlocks = fc.record({
          startTime: fc.oneof(fc.date(), fc.string(), fc.constant(new Date(Number.NaN))),
          endTime: fc.oneof(fc.date(), fc.integer()),
          recurring: fc.oneof(fc.boolean(), fc.string()),
          recurrenceRule: fc.oneof(fc.constantFrom("FREQ=NEVER", "garbage", "BYDAY=MO", ""), fc.string())
        }, { requiredKeys: [] }).filter((input) => !isBlock(input))
        for (const input of fc.sample(badBlocks, { seed: 44, numRuns: 40 })) {
          expectTag(yield* Effect.flip(busyBlocks.create("u-1", input as any)), "InvalidInput")
        }
        expect(sent).toEqual([])
      }))
  })

  it.effect("the emulator's OpenAPI document lists the 15 endpoints at their documented paths", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, { security?: unknown }>> }>(
        "GET",
        "/openapi.json"
      )
      expect(response.status).toBe(200)
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/users/{userId}/calendar_accounts")).toEqual(["get", "post"])
      expect(methods("/users/{userId}/calendar_accounts/{accountId}")).toEqual(["delete", "get", "put"])
      expect(methods("/users/{userId}/calendar/sync")).toEqual(["post"])
      expect(methods("/calendar/sync")).toEqual(["post"])
      expect(methods("/users/{userId}/busy_blocks")).toEqual(["get", "post"])
      expect(methods("/users/{userId}/busy_blocks/{blockId}")).toEqual(["delete"])
      expect(methods("/users/{userId}/ics_tokens")).toEqual(["get", "post"])
      expect(methods("/users/{userId}/ics_tokens/{tokenId}")).toEqual(["delete"])
      expect(methods("/calendars/{companyUrlId}/ics/{token}")).toEqual(["get"])
      expect(methods("/calcom/{urlId}/webhook")).toEqual(["post"])
      // The two public endpoints ask for no credentials.
      expect(response.json.paths["/calendars/{companyUrlId}/ics/{token}"]?.["get"]?.security ?? []).toEqual([])
      expect(response.json.paths["/calcom/{urlId}/webhook"]?.["post"]?.security ?? []).toEqual([])
      expect(BusyBlocksGroup.identifier).toBe("busyBlocks")
    }))
})
