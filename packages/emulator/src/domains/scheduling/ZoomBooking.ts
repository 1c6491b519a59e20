/**
 * When a Zoom host is free. A host is free for a range when it is enabled and active, the range lies
 * inside its working hours (HH:MM in UTC, on one day; none = any time) and fewer allocations than its
 * capacity overlap the range (counting every overlapping allocation: a conservative reading of
 * "meetings at once").
 */
import type { ZoomAllocation, ZoomHost, ZoomHostAvailability } from "@blocks-crm/scheduling"

/** A span of time a Zoom host is booked for. */
export interface Range {
  readonly start: Date
  readonly end: Date
}

/** The range a request asks about: now and one minute when it gives none. */
export const rangeOf = (
  params: { readonly startTime?: Date | undefined; readonly endTime?: Date | undefined }
): Range => {
  const start = params.startTime ?? new Date()
  return { start, end: params.endTime ?? new Date(start.getTime() + 60_000) }
}

/** Whether two spans of time overlap (touching ends do not). */
export const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end

const minutesOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const dayStart = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())

/** The capacity a host has when none was given: one meeting at a time. */
export const capacityOf = (host: ZoomHost) => host.maxMeetings ?? 1

const withinWorkingHours = (host: ZoomHost, range: Range) => {
  if (host.workingHoursStart === undefined || host.workingHoursEnd === undefined) return true
  const day = dayStart(range.start)
  const open = day + minutesOfDay(host.workingHoursStart) * 60_000
  const close = day + minutesOfDay(host.workingHoursEnd) * 60_000
  return range.start.getTime() >= open && range.end.getTime() <= close
}

/** The next opening of working hours at or after `from`. */
const nextOpening = (host: ZoomHost, from: Date) => {
  if (host.workingHoursStart === undefined) return from
  const today = dayStart(from) + minutesOfDay(host.workingHoursStart) * 60_000
  return new Date(today >= from.getTime() ? today : today + 86_400_000)
}

/** A host's allocations that still hold it (not released). */
export const activeAllocations = (allocations: ReadonlyArray<ZoomAllocation>) =>
  allocations.filter((allocation) => allocation.status === "allocated")

/** Whether `host` is free for `range`, given its active allocations, and if not why and when next. */
export const availabilityOf = (
  host: ZoomHost,
  allocations: ReadonlyArray<ZoomAllocation>,
  range: Range
): ZoomHostAvailability => {
  const active = activeAllocations(allocations)
  const now = new Date()
  const base = {
    hostUniqueId: host.uniqueId,
    currentMeetings: active.filter((a) => a.startTime <= now && now < a.endTime).length,
    maxMeetings: capacityOf(host)
  }
  if (!host.enabled || host.status !== "active") return { ...base, available: false, reason: "disabled" }
  if (!withinWorkingHours(host, range)) {
    return {
      ...base,
      available: false,
      reason: "outside_working_hours",
      nextAvailableAt: nextOpening(host, range.start)
    }
  }
  const overlapping = active.filter((a) => overlaps({ start: a.startTime, end: a.endTime }, range))
  if (overlapping.length >= capacityOf(host)) {
    const earliestEnd = overlapping.map((a) => a.endTime.getTime()).sort((x, y) => x - y)[0]!
    return { ...base, available: false, reason: "at_capacity", nextAvailableAt: new Date(earliestEnd) }
  }
  return { ...base, available: true }
}
