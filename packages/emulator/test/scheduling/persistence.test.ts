/**
 * The scheduling state outlives the emulator: on the same SQLite file, a restarted emulator still has
 * the meeting and its participant, the event's attendance (so a second check-in is still refused), and
 * the host's allocation (so a full host is still full).
 */
import { Emulator } from "@blocks-crm/emulator"
import { expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as TestEmulator from "../support/TestEmulator.js"
import type { WireDocument, WireErrors } from "../support/TestEmulator.js"
import { raw } from "../support/TestEmulator.js"

const tempDir = Effect.acquireRelease(
  Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "crm-scheduling-test-"))),
  (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
)

const withEmulator = <A, E, R>(database: string, f: Effect.Effect<A, E, R | Emulator.Emulator>) =>
  Effect.scoped(
    Effect.flatMap(TestEmulator.start({ database }), (info) => Effect.provideService(f, Emulator.Emulator, info))
  )

const meetingBody = { meeting: { title: "Kept", start_time: "2031-05-01T10:00:00Z", end_time: "2031-05-01T11:00:00Z" } }

it.scopedLive("meetings, attendance and allocations survive a restart on the same SQLite file", () =>
  Effect.gen(function*() {
    const database = path.join(yield* tempDir, "emulator.db")
    const ids = yield* withEmulator(
      database,
      Effect.gen(function*() {
        expect(
          (yield* raw("POST", "/users/kept-user/register", { body: { user: { email: "k@acme.example" } } })).status
        )
          .toBeLessThan(300)
        const host = yield* raw<WireDocument>("POST", "/zoom_hosts/", {
          body: { zoom_host: { email: "z@acme.example" } }
        })
        expect(host.status).toBe(201)
        const meeting = yield* raw<WireDocument>("POST", "/meetings/", { body: meetingBody })
        const participant = yield* raw<WireDocument>("POST", `/meetings/${meeting.json.data.id}/participants`, {
          body: { participant: { email: "guest@example.org" } }
        })
        expect(participant.status).toBe(201)
        const zoom = yield* raw("POST", `/users/kept-user/meetings/${meeting.json.data.id}/zoom`, {
          body: { zoom: {} }
        })
        expect(zoom.status).toBe(201)
        const event = yield* raw<WireDocument>("POST", "/events/", { body: { event: { title: "Kept day" } } })
        for (const step of ["confirmation", "checking"]) {
          const response = yield* raw("PUT", `/events/${event.json.data.id}/employees/${step}`, {
            body: { event: { employee_unique_id: "kept-user" } }
          })
          expect(response.status).toBe(200)
        }
        return { meeting: meeting.json.data.id, participant: participant.json.data.id, event: event.json.data.id }
      })
    )

    yield* withEmulator(
      database,
      Effect.gen(function*() {
        const participants = yield* raw<{ data: ReadonlyArray<{ id: string }> }>(
          "GET",
          `/meetings/${ids.meeting}/participants`
        )
        expect(participants.json.data.map((p) => p.id)).toEqual([ids.participant])
        const twice = yield* raw<WireErrors>("PUT", `/events/${ids.event}/employees/checking`, {
          body: { event: { employee_unique_id: "kept-user" } }
        })
        expect(twice.status).toBe(422)
        expect(twice.json.errors[0]?.code).toBe("already_checked_in")
        // The only host (capacity 1) is still taken at that time.
        const other = yield* raw<WireDocument>("POST", "/meetings/", { body: meetingBody })
        const refused = yield* raw<WireErrors>("POST", `/users/kept-user/meetings/${other.json.data.id}/zoom`, {
          body: { zoom: {} }
        })
        expect(refused.status).toBe(422)
        expect(refused.json.errors[0]?.code).toBe("no_host_available")
      })
    )
  }))
