/**
 * Every example of crm-calendar-sync.md (a copy in test/fixtures/reference) sent as the document writes
 * it, read from the document itself: method, path, headers (with this emulator's credentials for the
 * variables) and body, against an emulator with one tenant, as `pnpm emulator` runs by default. The
 * user it names is registered first; the ids the document makes up (`cal-account-uuid-123`, the token
 * `abc123def456ghi789`) stand for the ones the create examples return. Each answer has the status and
 * the shape the document shows: every key it shows, with a value of the same JSON type.
 */
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_A, raw, TOKEN } from "../support/TestEmulator.js"

interface Example {
  readonly heading: string
  readonly method: string
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | undefined
  readonly status: number
  /** The documented answer: JSON, the ICS text, or nothing (204). */
  readonly response: string | undefined
}

const doc = fs.readFileSync(new URL("../fixtures/reference/crm-calendar-sync.md", import.meta.url), "utf8")

/** Each `### METHOD /path` section's curl request and documented answer. */
const examples: ReadonlyArray<Example> = doc.split(/\n### /).slice(1).flatMap((section) => {
  const heading = section.slice(0, section.indexOf("\n"))
  if (!/^(GET|POST|PUT|DELETE) \//.test(heading)) return []
  const curl = /```bash\n(curl [\s\S]*?)```/.exec(section)?.[1]
  if (curl === undefined) return []
  const request = /curl -X (\w+) "\$BLOCKS_API_URL([^"]+)"/.exec(curl)!
  const headers = Object.fromEntries([...curl.matchAll(/-H "([^:]+): ([^"]+)"/g)].map((m) => [m[1]!, m[2]!]))
  const body = /-d '([\s\S]*?)'/.exec(curl)?.[1]
  const answer = /\*\*Response (\d{3}):\*\*[^\n]*\n(?:[^`\n][^\n]*\n|\n)*?```\w*\n([\s\S]*?)```/.exec(section)
  const status = Number(/\*\*Response (\d{3})/.exec(section)![1])
  return [{
    heading,
    method: request[1]!,
    path: request[2]!,
    headers,
    body,
    status,
    response: status === 204 ? undefined : answer?.[2]
  }]
})

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }
const kind = (value: Json) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value)

/** Every key the documented value shows is in the actual one, with a value of the same JSON type. */
const expectShape = (actual: Json, documented: Json, where: string) => {
  expect(kind(actual), where).toBe(kind(documented))
  if (Array.isArray(documented)) {
    expect((actual as ReadonlyArray<Json>).length, `${where} is empty`).toBeGreaterThan(0)
    for (const [i, item] of (actual as ReadonlyArray<Json>).entries()) {
      expectShape(item, documented[0]!, `${where}[${i}]`)
    }
  } else if (documented !== null && typeof documented === "object") {
    for (const [key, value] of Object.entries(documented)) {
      expect(actual as object, `${where}.${key}`).toHaveProperty([key])
      expectShape((actual as Record<string, Json>)[key]!, value, `${where}.${key}`)
    }
  }
}

/** Sends an example as written, made-up ids replaced by real ones, the variables by this emulator's credentials. */
const send = (example: Example, ids: ReadonlyMap<string, string>) => {
  const swap = (text: string) => [...ids].reduce((out, [from, to]) => out.split(from).join(to), text)
  const headers = Object.fromEntries(
    Object.entries(example.headers).map(([name, value]) => [
      name.toLowerCase(),
      value.replace("$BLOCKS_AUTH_TOKEN", TOKEN).replace("$BLOCKS_API_KEY", API_KEY_A)
    ])
  )
  return raw<Json>(example.method, swap(example.path), {
    apiKey: null,
    token: null,
    headers,
    ...(example.body === undefined ? {} : { body: example.body })
  })
}

const find = (heading: string) => {
  const example = examples.find((e) => e.heading.startsWith(heading))
  if (example === undefined) throw new Error(`no example "${heading}" in crm-calendar-sync.md`)
  return example
}

layer(TestEmulator.layer({ seeds: { apiKeys: [API_KEY_A], tokens: [TOKEN] } }), { excludeTestServices: true })(
  "crm-calendar-sync.md's examples, as written, on the emulator",
  (it) => {
    it("the document has the 15 examples, one per endpoint", () => {
      expect(examples.map((e) => e.heading.split(" - ")[0])).toEqual([
        "GET /users/:user_unique_id/calendar_accounts",
        "GET /users/:user_unique_id/calendar_accounts/:id",
        "POST /users/:user_unique_id/calendar_accounts",
        "PUT /users/:user_unique_id/calendar_accounts/:id",
        "DELETE /users/:user_unique_id/calendar_accounts/:id",
        "POST /users/:user_unique_id/calendar/sync",
        "POST /calendar/sync",
        "GET /users/:user_unique_id/busy_blocks",
        "POST /users/:user_unique_id/busy_blocks",
        "DELETE /users/:user_unique_id/busy_blocks/:id",
        "GET /users/:user_unique_id/ics_tokens",
        "POST /users/:user_unique_id/ics_tokens",
        "DELETE /users/:user_unique_id/ics_tokens/:id",
        "GET /calendars/:company_url_id/ics/:token",
        "POST /calcom/:url_id/webhook"
      ])
    })

    describe("in an order where each finds what it needs", () => {
      it.effect("every example answers its documented status and shape", () =>
        Effect.gen(function*() {
          const registered = yield* raw("POST", "/users/user-uuid-123/register", {
            body: { user: { email: "user@example.com", name: "Reference User" } }
          })
          expect(registered.status, registered.text).toBeLessThan(300)
          const ids = new Map<string, string>()
          const run = (heading: string, check?: (json: any, text: string) => void) =>
            Effect.gen(function*() {
              const example = find(heading)
              const response = yield* send(example, ids)
              expect(response.status, `${heading}: ${response.text}`).toBe(example.status)
              if (example.response !== undefined && !heading.startsWith("GET /calendars")) {
                expectShape(response.json, JSON.parse(example.response) as Json, heading)
              }
              if (example.status === 204) expect(response.text, heading).toBe("")
              check?.(response.json, response.text)
              return response
            })

          const created = yield* run("POST /users/:user_unique_id/calendar_accounts", (json) => {
            expect(json.data.attributes).toMatchObject({
              provider: "google",
              email: "user@gmail.com",
              sync_enabled: true,
              last_synced_at: null,
              status: "active"
            })
            expect(json.data.type).toBe("calendar_account")
          })
          ids.set("cal-account-uuid-123", (created.json as any).data.id)
          yield* run("POST /users/:user_unique_id/calendar/sync", (json) => {
            expect(json.message).toBe("Calendar sync initiated")
            expect(json.data.status).toBe("in_progress")
          })
          yield* run("GET /users/:user_unique_id/calendar_accounts/:id")
          yield* run("GET /users/:user_unique_id/calendar_accounts ", (json) => {
            expect(json.data[0].attributes.last_synced_at).not.toBeNull()
          })
          yield* run("POST /calendar/sync", (json) => {
            expect(json.message).toBe("Global calendar sync initiated")
            expect(json.data.accounts_count).toBe(1)
          })
          yield* run("PUT /users/:user_unique_id/calendar_accounts/:id", (json) => {
            expect(json.data.attributes.sync_enabled).toBe(false)
          })
          yield* run("POST /calendar/sync", (json) => expect(json.data.accounts_count).toBe(0))
          yield* run("DELETE /users/:user_unique_id/calendar_accounts/:id")

          const block = yield* run("POST /users/:user_unique_id/busy_blocks", (json) => {
            expect(json.data.attributes).toMatchObject({
              title: "Personal Time",
              start_time: "2026-03-01T17:00:00Z",
              end_time: "2026-03-01T18:00:00Z",
              recurring: false
            })
          })
          // The list example shows a recurring block: the document's lunch break, created as written there.
          const lunch = yield* raw("POST", "/users/user-uuid-123/busy_blocks", {
            body: {
              busy_block: {
                title: "Lunch Break",
                start_time: "2026-02-20T12:00:00Z",
                end_time: "2026-02-20T13:00:00Z",
                recurring: true,
                recurrence_rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
              }
            }
          })
          expect(lunch.status, lunch.text).toBe(201)
          ids.set("busy-block-uuid-123", (block.json as any).data.id)
          const listed = yield* send(find("GET /users/:user_unique_id/busy_blocks"), ids)
          expect(listed.status).toBe(200)
          const recurring = (listed.json as any).data.find((b: any) => b.attributes.recurring)
          expectShape(
            { data: [recurring] },
            JSON.parse(find("GET /users/:user_unique_id/busy_blocks").response!),
            "busy blocks"
          )
          yield* run("DELETE /users/:user_unique_id/busy_blocks/:id")

          // The feed example shows the Quarterly Review in Conference Room A: the user's meeting.
          const meeting = yield* raw("POST", "/meetings/", {
            body: {
              meeting: {
                title: "Quarterly Review",
                start_time: "2026-03-15T14:00:00Z",
                end_time: "2026-03-15T15:00:00Z",
                user_unique_id: "user-uuid-123",
                meeting_location: "Conference Room A"
              }
            }
          })
          expect(meeting.status, meeting.text).toBe(201)
          const token = yield* run("POST /users/:user_unique_id/ics_tokens", (json) => {
            expect(json.data.attributes).toMatchObject({ label: "Shared Team Calendar", active: true })
          })
          const attributes = (token.json as any).data.attributes
          ids.set("abc123def456ghi789", attributes.token)
          ids.set("ics-token-uuid-123", (token.json as any).data.id)
          yield* run("GET /users/:user_unique_id/ics_tokens")
          yield* run("GET /calendars/:company_url_id/ics/:token", (_json, text) => {
            // Every line the document's feed shows is in ours (its VEVENT is our meeting).
            for (const line of find("GET /calendars").response!.trim().split("\n")) {
              expect(text.split("\r\n"), line).toContain(line)
            }
          })
          yield* run("DELETE /users/:user_unique_id/ics_tokens/:id")
          const revoked = yield* send(find("GET /calendars"), ids)
          expect(revoked.status).toBe(404)

          yield* run("POST /calcom/:url_id/webhook", (json) => {
            expect(json).toEqual({ message: "Webhook processed successfully" })
          })
          const calls = yield* raw<any>("GET", "/meetings/?records=100&search=Consultation")
          const booked = calls.json.data.filter((m: any) => m.attributes.title === "Consultation Call")
          expect(booked).toHaveLength(1)
          const people = yield* raw<any>("GET", `/meetings/${booked[0].id}/participants`)
          expect(people.json.data.map((p: any) => [p.attributes.email, p.attributes.name])).toEqual([
            ["client@example.com", "Client Name"]
          ])
        }))
    })
  }
)
