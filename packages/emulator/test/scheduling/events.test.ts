/**
 * EventsService against the emulator over loopback HTTP: every endpoint (success, 404, 422), input
 * refused before sending, property-based round trips, and the attendance workflow: confirmation →
 * check-in → checkout for contacts and employees, a 422 naming the rule on a wrong order or a double
 * check-in, notes appended with their time and author, and counts computed from the attendance.
 */
import type { ValidationFailed } from "@blocks-crm/core-http/CrmError"
import { CreateEventRequest } from "@blocks-crm/scheduling"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag, raw, uuid } from "../support/TestEmulator.js"
import type { WireDocument, WireErrors } from "../support/TestEmulator.js"
import { connectScheduling, createContact, registerUser, slot } from "./SchedulingClient.js"

layer(TestEmulator.layer(), { excludeTestServices: true })("scheduling events on the emulator", (it) => {
  describe("EventsService", () => {
    it.effect("create, get, list, update and delete round-trip every value", () =>
      Effect.gen(function*() {
        const { events } = yield* connectScheduling()
        const host = yield* registerUser("Hana Host")
        const created = yield* events.create({
          title: "Customer day",
          eventType: "customer_event",
          userUniqueId: host.id,
          ...slot(24, 4)
        })
        expect(created).toStrictEqual({
          uniqueId: created.uniqueId,
          title: "Customer day",
          eventType: "customer_event",
          userUniqueId: host.id,
          startTime: created.startTime,
          endTime: created.endTime,
          status: "active",
          enabled: true,
          confirmedCount: 0,
          checkedInCount: 0,
          checkedOutCount: 0,
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(yield* events.get(created.uniqueId)).toStrictEqual(created)
        const page = yield* events.list({ records: 1000 })
        expect(page.data.map((event) => event.uniqueId)).toContain(created.uniqueId)
        const updated = yield* events.update(created.uniqueId, { description: "Doors at nine" })
        expect(updated).toMatchObject({ uniqueId: created.uniqueId, description: "Doors at nine" })
        yield* events.delete(created.uniqueId)
        expectTag(yield* Effect.flip(events.get(created.uniqueId)), "NotFound")
      }))

    it.effect("an unknown event, contact or employee is NotFound", () =>
      Effect.gen(function*() {
        const { events } = yield* connectScheduling()
        expectTag(yield* Effect.flip(events.get("no-such-event")), "NotFound")
        expectTag(yield* Effect.flip(events.update("no-such-event", { title: "x" })), "NotFound")
        expectTag(yield* Effect.flip(events.delete("no-such-event")), "NotFound")
        expectTag(yield* Effect.flip(events.confirmContact("no-such-event", { contactUniqueId: "c" })), "NotFound")
        expectTag(yield* Effect.flip(events.addAdminNote("no-such-event", { note: "x" })), "NotFound")
        const event = yield* events.create({ title: "Open day" })
        expectTag(yield* Effect.flip(events.confirmContact(event.uniqueId, { contactUniqueId: "nobody" })), "NotFound")
        expectTag(
          yield* Effect.flip(events.confirmEmployee(event.uniqueId, { employeeUniqueId: "nobody" })),
          "NotFound"
        )
        expectTag(yield* Effect.flip(events.create({ title: "x", contactUniqueId: "nobody" })), "NotFound")
      }))

    it.effect("a body the API refuses is a 422 naming the field", () =>
      Effect.gen(function*() {
        const created = yield* raw<WireDocument>("POST", "/events/", { body: { event: { title: "Fair" } } })
        expect(created.status).toBe(201)
        const id = created.json.data.id
        const cases: ReadonlyArray<readonly [string, string, unknown, string]> = [
          ["POST", "/events/", { event: { title: " " } }, "/event/title"],
          [
            "PUT",
            `/events/${id}`,
            { event: { start_time: "2026-01-02T10:00:00Z", end_time: "2026-01-01T10:00:00Z" } },
            "/event/endTime"
          ],
          ["PUT", `/events/${id}/contacts/confirmation`, { event: {} }, "/event/contact_unique_id"],
          ["PUT", `/events/${id}/employees/checking`, { event: {} }, "/event/employee_unique_id"],
          ["PUT", `/events/${id}/admin/notes`, { event: { note: "" } }, "/event/note"]
        ]
        for (const [method, path, body, pointer] of cases) {
          const response = yield* raw<WireErrors>(method, path, { body })
          expect(response.status, `${method} ${path}`).toBe(422)
          expect(response.json.errors.map((error) => error.source?.pointer), `${method} ${path}`).toEqual([pointer])
        }
        const { events } = yield* connectScheduling()
        yield* events.update(id, { startTime: new Date("2026-01-02T10:00:00Z") })
        const moved = expectTag(
          yield* Effect.flip(events.update(id, { endTime: new Date("2026-01-01T10:00:00Z") })),
          "ValidationFailed"
        )
        expect(moved.errors.map((error) => error.code)).toEqual(["invalid_range"])
      }))

    it.effect("invalid input is refused before anything is sent", () =>
      Effect.gen(function*() {
        const { events, sent } = yield* connectScheduling()
        expectTag(yield* Effect.flip(events.create({ title: "" })), "InvalidInput")
        const backwards = slot(2)
        expectTag(
          yield* Effect.flip(events.create({ title: "x", startTime: backwards.endTime, endTime: backwards.startTime })),
          "InvalidInput"
        )
        expectTag(yield* Effect.flip(events.update("e-1", {})), "InvalidInput")
        expectTag(yield* Effect.flip(events.confirmContact("e-1", { contactUniqueId: "" })), "InvalidInput")
        expectTag(yield* Effect.flip(events.checkInEmployee("a b", { employeeUniqueId: "u" })), "InvalidInput")
        expectTag(yield* Effect.flip(events.addContactNote("e-1", { note: "  " })), "InvalidInput")
        expect(sent).toEqual([])
      }))
  })

  describe("attendance", () => {
    it.effect("contacts and employees move confirmation → check-in → checkout, and the counts follow", () =>
      Effect.gen(function*() {
        const { events } = yield* connectScheduling()
        const event = yield* events.create({ title: "Customer day", ...slot(1, 3) })
        const ana = yield* createContact("Ana", "Lima")
        const ben = yield* createContact("Ben", "Ode")
        const staff = yield* registerUser("Sam Staff")

        yield* events.confirmContact(event.uniqueId, { contactUniqueId: ana.id })
        yield* events.confirmContact(event.uniqueId, { contactUniqueId: ben.id })
        // Confirming again changes nothing.
        const again = yield* events.confirmContact(event.uniqueId, { contactUniqueId: ben.id })
        expect(again.confirmedCount).toBe(2)
        yield* events.confirmEmployee(event.uniqueId, { employeeUniqueId: staff.id })
        const checkedIn = yield* events.checkInContact(event.uniqueId, { contactUniqueId: ana.id })
        expect(checkedIn).toMatchObject({ confirmedCount: 3, checkedInCount: 1, checkedOutCount: 0 })
        yield* events.checkInEmployee(event.uniqueId, { employeeUniqueId: staff.id })
        const out = yield* events.checkOutContact(event.uniqueId, {
          contactUniqueId: ana.id,
          contactApproved: true,
          eventFinalScore: 9
        })
        expect(out).toMatchObject({ confirmedCount: 3, checkedInCount: 2, checkedOutCount: 1 })
        const anaAttendance = out.attendance?.find((a) => a.personUniqueId === ana.id)
        expect(anaAttendance).toMatchObject({
          kind: "contact",
          state: "checked_out",
          contactApproved: true,
          eventFinalScore: 9
        })
        expect(anaAttendance!.confirmedAt.getTime()).toBeLessThanOrEqual(anaAttendance!.checkedInAt!.getTime())
        expect(anaAttendance!.checkedInAt!.getTime()).toBeLessThanOrEqual(anaAttendance!.checkedOutAt!.getTime())
        const final = yield* events.checkOutEmployee(event.uniqueId, { employeeUniqueId: staff.id })
        expect(final).toMatchObject({ confirmedCount: 3, checkedInCount: 2, checkedOutCount: 2 })
        expect(final.attendance?.map((a) => [a.kind, a.state])).toEqual([
          ["contact", "checked_out"],
          ["contact", "confirmed"],
          ["employee", "checked_out"]
        ])
        expect(yield* events.get(event.uniqueId)).toStrictEqual(final)
      }))

    it.effect("a step out of order or done twice is a 422 naming the rule, and changes nothing", () =>
      Effect.gen(function*() {
        const { events } = yield* connectScheduling()
        const event = yield* events.create({ title: "Workshop" })
        const cy = yield* createContact("Cy", "Pen")
        const staff = yield* registerUser("Eve")
        const rule = (error: ValidationFailed) => error.errors.map((e) => [e.code, e.source?.pointer, e.detail])

        const early = expectTag(
          yield* Effect.flip(events.checkInContact(event.uniqueId, { contactUniqueId: cy.id })),
          "ValidationFailed"
        )
        expect(rule(early)).toEqual([[
          "confirmation_required",
          "/event/contact_unique_id",
          `check-in requires a confirmation: contact ${cy.id} has not confirmed`
        ]])
        const outFirst = expectTag(
          yield* Effect.flip(events.checkOutEmployee(event.uniqueId, { employeeUniqueId: staff.id })),
          "ValidationFailed"
        )
        expect(rule(outFirst)[0]?.slice(0, 2)).toEqual(["check_in_required", "/event/employee_unique_id"])

        yield* events.confirmContact(event.uniqueId, { contactUniqueId: cy.id })
        const outBeforeIn = expectTag(
          yield* Effect.flip(events.checkOutContact(event.uniqueId, { contactUniqueId: cy.id })),
          "ValidationFailed"
        )
        expect(rule(outBeforeIn)[0]?.[0]).toBe("check_in_required")
        yield* events.checkInContact(event.uniqueId, { contactUniqueId: cy.id })
        const twice = expectTag(
          yield* Effect.flip(events.checkInContact(event.uniqueId, { contactUniqueId: cy.id })),
          "ValidationFailed"
        )
        expect(rule(twice)).toEqual([[
          "already_checked_in",
          "/event/contact_unique_id",
          `a person checks in once: contact ${cy.id} has already checked in`
        ]])
        const reconfirm = expectTag(
          yield* Effect.flip(events.confirmContact(event.uniqueId, { contactUniqueId: cy.id })),
          "ValidationFailed"
        )
        expect(rule(reconfirm)[0]?.[0]).toBe("already_checked_in")
        yield* events.checkOutContact(event.uniqueId, { contactUniqueId: cy.id })
        const outTwice = expectTag(
          yield* Effect.flip(events.checkOutContact(event.uniqueId, { contactUniqueId: cy.id })),
          "ValidationFailed"
        )
        expect(rule(outTwice)[0]?.[0]).toBe("already_checked_out")
        expect(yield* events.get(event.uniqueId)).toMatchObject({
          confirmedCount: 1,
          checkedInCount: 1,
          checkedOutCount: 1
        })
      }))

    it.effect("contact and admin notes are appended with their time and author, oldest first", () =>
      Effect.gen(function*() {
        const { events } = yield* connectScheduling()
        const event = yield* events.create({ title: "Demo day" })
        const before = Date.now()
        yield* events.addContactNote(event.uniqueId, { note: "Asked for a parking spot" })
        yield* events.addContactNote(event.uniqueId, { note: "Brings a colleague", author: "Ana" })
        const withAdmin = yield* events.addAdminNote(event.uniqueId, { note: "Room B booked", author: "Office" })
        expect(withAdmin.contactNotes?.map((n) => [n.note, n.author])).toEqual([
          ["Asked for a parking spot", undefined],
          ["Brings a colleague", "Ana"]
        ])
        expect(withAdmin.adminNotes?.map((n) => [n.note, n.author])).toEqual([["Room B booked", "Office"]])
        for (const note of [...withAdmin.contactNotes!, ...withAdmin.adminNotes!]) {
          expect(note.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
          expect(note.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
        }
        expect(withAdmin.contactNotes![0]!.createdAt.getTime()).toBeLessThanOrEqual(
          withAdmin.contactNotes![1]!.createdAt.getTime()
        )
      }))
  })

  describe("property-based", () => {
    it.effect("arbitrary valid create inputs round-trip client → emulator → client unchanged", () =>
      Effect.gen(function*() {
        const { events } = yield* connectScheduling()
        const inputs = fc.sample(Arbitrary.make(CreateEventRequest), { seed: 21, numRuns: 30 })
        for (const generated of inputs) {
          // The contact and user must exist: their existence is tested above.
          const { contactUniqueId: _c, userUniqueId: _u, ...input } = generated
          const created = yield* events.create(input)
          const {
            checkedInCount: _ci,
            checkedOutCount: _co,
            confirmedCount: _cc,
            createdAt: _ca,
            enabled: _e,
            status: _s,
            uniqueId: _id,
            updatedAt: _up,
            ...echoed
          } = created
          expect(echoed).toStrictEqual(input)
        }
      }))

    it.effect("arbitrary invalid create inputs fail with InvalidInput and send nothing", () =>
      Effect.gen(function*() {
        const { events, sent } = yield* connectScheduling()
        const isValid = Schema.is(CreateEventRequest)
        const invalid = fc.record({
          title: fc.oneof(fc.constantFrom("", " "), fc.string(), fc.integer()),
          startTime: fc.oneof(fc.date(), fc.string()),
          contactUniqueId: fc.oneof(fc.constantFrom("", "a/b", "x y"), fc.string())
        }, { requiredKeys: [] }).filter((input) => !isValid(input))
        for (const input of fc.sample(invalid, { seed: 22, numRuns: 60 })) {
          const error = expectTag(
            yield* Effect.flip(events.create(input as unknown as CreateEventRequest)),
            "InvalidInput"
          )
          expect(error.issues.length).toBeGreaterThan(0)
        }
        expect(sent).toEqual([])
      }))
  })

  it.effect("the emulator's OpenAPI document lists every event endpoint at its documented path", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/events/")).toEqual(["get", "post"])
      expect(methods("/events/{uniqueId}")).toEqual(["delete", "get", "put"])
      for (
        const action of [
          "contacts/confirmation",
          "contacts/checking",
          "contacts/checkout",
          "contacts/notes",
          "employees/confirmation",
          "employees/checking",
          "employees/checkout",
          "admin/notes"
        ]
      ) {
        expect(methods(`/events/{uniqueId}/${action}`), action).toEqual(["put"])
      }
    }))
})
