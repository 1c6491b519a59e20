/**
 * The emulator's events and their attendance workflow. Each contact's and employee's attendance moves
 * confirmation → check-in → checkout: checking in without a confirmation, checking out without a
 * check-in, or doing a step twice is a 422 whose code and detail name the rule (confirming twice
 * changes nothing). Notes are appended with their time and author; the counts are computed from the
 * attendance on every change.
 */
import { SchedulingApi } from "@blocks-crm/scheduling"
import type { Attendance, AttendeeKind, Event, EventNote } from "@blocks-crm/scheduling"
import * as Effect from "effect/Effect"
import { created, group, invalid } from "../Resources.js"
import { openScheduling } from "./Records.js"
import { Directory } from "../../Directory.js"

// The endpoint says who attends (contact or employee): the model's open `kind` is for reading responses.
type Kind = AttendeeKind
type Step = "confirm" | "checkIn" | "checkOut"

const withCounts = (event: Event): Event => {
  const attendance = event.attendance ?? []
  return {
    ...event,
    confirmedCount: attendance.length,
    checkedInCount: attendance.filter((a) => a.state !== "confirmed").length,
    checkedOutCount: attendance.filter((a) => a.state === "checked_out").length
  }
}

const checkRange = (event: { readonly startTime?: Date | undefined; readonly endTime?: Date | undefined }) =>
  event.startTime === undefined || event.endTime === undefined || event.startTime < event.endTime
    ? Effect.void
    : Effect.fail(invalid("/event/end_time", "invalid_range", "end_time must be after start_time"))

/** The next attendance of a person, or the rule the step breaks. */
const advance = (
  current: Attendance | undefined,
  step: Step,
  kind: Kind,
  personUniqueId: string,
  extra: Partial<Pick<Attendance, "contactApproved" | "eventFinalScore">>,
  now: Date
): Attendance | { readonly code: string; readonly detail: string } => {
  const who = `${kind} ${personUniqueId}`
  switch (step) {
    case "confirm":
      if (current === undefined) return { kind, personUniqueId, state: "confirmed", confirmedAt: now }
      return current.state === "confirmed"
        ? current
        : { code: "already_checked_in", detail: `confirmation comes before check-in: ${who} has already checked in` }
    case "checkIn":
      if (current === undefined) {
        return { code: "confirmation_required", detail: `check-in requires a confirmation: ${who} has not confirmed` }
      }
      return current.state === "confirmed"
        ? { ...current, state: "checked_in", checkedInAt: now }
        : { code: "already_checked_in", detail: `a person checks in once: ${who} has already checked in` }
    case "checkOut":
      if (current === undefined || current.state === "confirmed") {
        return { code: "check_in_required", detail: `checkout requires a check-in: ${who} has not checked in` }
      }
      return current.state === "checked_in"
        ? { ...current, ...extra, state: "checked_out", checkedOutAt: now }
        : { code: "already_checked_out", detail: `a person checks out once: ${who} has already checked out` }
  }
}

/** The emulator's handlers for the events endpoints. */
export const EventsHandlers = group(SchedulingApi, "events", (handlers) =>
  Effect.gen(function*() {
    const { events } = yield* openScheduling
    const { contacts, users } = yield* Directory

    const attend = (eventId: string, kind: Kind, personUniqueId: string, step: Step, extra: Partial<Attendance>) =>
      Effect.gen(function*() {
        const event = yield* events.find(eventId)
        yield* kind === "contact" ? contacts.find(personUniqueId) : users.find(personUniqueId)
        const attendance = event.attendance ?? []
        const index = attendance.findIndex((a) => a.kind === kind && a.personUniqueId === personUniqueId)
        const current = index === -1 ? undefined : attendance[index]
        const now = new Date()
        const next = advance(current, step, kind, personUniqueId, extra, now)
        if ("code" in next) {
          const pointer = kind === "contact" ? "/event/contact_unique_id" : "/event/employee_unique_id"
          return yield* Effect.fail(invalid(pointer, next.code, next.detail))
        }
        if (next === current) return event
        const updated = index === -1
          ? [...attendance, next]
          : attendance.map((a, i) => (i === index ? next : a))
        return yield* events.update(eventId, (stored) => withCounts({ ...stored, attendance: updated, updatedAt: now }))
      })

    const appendNote = (
      eventId: string,
      field: "contactNotes" | "adminNotes",
      note: { note: string; author?: string }
    ) =>
      events.update(eventId, (event) => {
        const now = new Date()
        const entry: EventNote = { ...note, createdAt: now }
        return { ...event, [field]: [...(event[field] ?? []), entry], updatedAt: now }
      })

    return handlers
      .handle("list", ({ urlParams }) => events.page(urlParams))
      .handle("get", ({ path }) => events.find(path.uniqueId))
      .handle("create", ({ payload }) =>
        Effect.gen(function*() {
          yield* checkRange(payload)
          if (payload.contactUniqueId !== undefined) yield* contacts.find(payload.contactUniqueId)
          if (payload.userUniqueId !== undefined) yield* users.find(payload.userUniqueId)
          const now = new Date()
          return yield* events.insert(withCounts({
            ...payload,
            ...created(now),
            status: "active",
            enabled: true
          }))
        }))
      .handle("update", ({ path, payload }) =>
        Effect.gen(function*() {
          const current = yield* events.find(path.uniqueId)
          const next: Event = { ...current, ...payload, updatedAt: new Date() }
          yield* checkRange(next)
          if (payload.contactUniqueId !== undefined) yield* contacts.find(payload.contactUniqueId)
          if (payload.userUniqueId !== undefined) yield* users.find(payload.userUniqueId)
          return yield* events.update(path.uniqueId, () => next)
        }))
      .handle("delete", ({ path }) => events.remove(path.uniqueId))
      .handle("confirmContact", ({ path, payload }) =>
        attend(path.uniqueId, "contact", payload.contactUniqueId, "confirm", {}))
      .handle("checkInContact", ({ path, payload }) =>
        attend(path.uniqueId, "contact", payload.contactUniqueId, "checkIn", {}))
      .handle("checkOutContact", ({ path, payload: { contactUniqueId, ...extra } }) =>
        attend(path.uniqueId, "contact", contactUniqueId, "checkOut", extra))
      .handle("addContactNote", ({ path, payload }) =>
        appendNote(path.uniqueId, "contactNotes", payload))
      .handle("confirmEmployee", ({ path, payload }) =>
        attend(path.uniqueId, "employee", payload.employeeUniqueId, "confirm", {}))
      .handle("checkInEmployee", ({ path, payload }) =>
        attend(path.uniqueId, "employee", payload.employeeUniqueId, "checkIn", {}))
      .handle("checkOutEmployee", ({ path, payload }) =>
        attend(path.uniqueId, "employee", payload.employeeUniqueId, "checkOut", {}))
      .handle("addAdminNote", ({ path, payload }) =>
        appendNote(path.uniqueId, "adminNotes", payload))
  }))
