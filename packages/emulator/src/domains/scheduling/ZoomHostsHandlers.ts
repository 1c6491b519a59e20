/**
 * The emulator's Zoom hosts: CRUD (a host linked to a user needs that user; a host with meetings
 * allocated cannot be deleted), availability and allocations computed from the allocation rows, and
 * the hosts free for a range.
 */
import { SchedulingApi } from "@blocks-crm/scheduling"
import type { ZoomHost } from "@blocks-crm/scheduling"
import * as Effect from "effect/Effect"
import { created, group, invalid, updated } from "../Resources.js"
import { openScheduling, pageOf } from "./Records.js"
import { activeAllocations, availabilityOf, rangeOf } from "./ZoomBooking.js"
import { Directory } from "../../Directory.js"

/** The emulator's handlers for the zoom hosts endpoints. */
export const ZoomHostsHandlers = group(SchedulingApi, "zoomHosts", (handlers) =>
  Effect.gen(function*() {
    const { allocations, hosts } = yield* openScheduling
    const { users } = yield* Directory

    /** The host as it answers: with its current meetings counted from the allocations. */
    const present = (host: ZoomHost) =>
      Effect.map(allocations.all(host.uniqueId), (rows): ZoomHost => ({
        ...host,
        currentMeetings: availabilityOf(host, rows, rangeOf({})).currentMeetings
      }))
    const checkWorkingHours = (host: ZoomHost) =>
      host.workingHoursStart !== undefined && host.workingHoursEnd !== undefined &&
        host.workingHoursStart >= host.workingHoursEnd
        ? Effect.fail(
          invalid(
            "/zoom_host/working_hours_end",
            "invalid_range",
            "working_hours_end must be after working_hours_start"
          )
        )
        : Effect.void

    return handlers
      .handle("availableUsers", ({ urlParams }) =>
        Effect.gen(function*() {
          const range = rangeOf(urlParams)
          const all = yield* hosts.all()
          const free: Array<ZoomHost> = []
          for (const host of all) {
            if (availabilityOf(host, yield* allocations.all(host.uniqueId), range).available) free.push(host)
          }
          // Only what the host has: absent stays absent.
          return free.map(({ displayName, email, firstName, lastName, uniqueId, userUniqueId }) => ({
            hostUniqueId: uniqueId,
            email: email ?? "",
            ...(userUniqueId === undefined ? {} : { userUniqueId }),
            ...(firstName === undefined ? {} : { firstName }),
            ...(lastName === undefined ? {} : { lastName }),
            ...(displayName === undefined ? {} : { displayName })
          }))
        }))
      .handle("list", ({ urlParams: { available, ...query } }) =>
        available === undefined
          ? Effect.flatMap(
            hosts.page(query),
            (page) => Effect.map(Effect.forEach(page.data, present), (data) => ({ ...page, data }))
          )
          : Effect.gen(function*() {
            // Whether a host has a free slot now comes from its allocations, not from its stored
            // record: the other filters and the sort run in SQL, `available` on what they return.
            const now = rangeOf({})
            const matching: Array<ZoomHost> = []
            for (const host of yield* hosts.all(undefined, query)) {
              if (availabilityOf(host, yield* allocations.all(host.uniqueId), now).available === available) {
                matching.push(host)
              }
            }
            const page = pageOf(matching, query)
            return { ...page, data: yield* Effect.forEach(page.data, present) }
          }))
      .handle("get", ({ path }) => Effect.flatMap(hosts.find(path.uniqueId), present))
      .handle("create", ({ payload }) =>
        Effect.gen(function*() {
          if (payload.userUniqueId !== undefined) yield* users.find(payload.userUniqueId)
          const now = new Date()
          const host: ZoomHost = {
            ...payload,
            maxMeetings: payload.maxMeetings ?? 1,
            ...created(now),
            status: "active",
            enabled: payload.enabled ?? true
          }
          return yield* Effect.flatMap(hosts.insert(host), present)
        }))
      .handle("update", ({ path, payload }) =>
        Effect.gen(function*() {
          const current = yield* hosts.find(path.uniqueId)
          const next: ZoomHost = { ...current, ...payload, ...updated() }
          yield* checkWorkingHours(next)
          if (payload.userUniqueId !== undefined) yield* users.find(payload.userUniqueId)
          return yield* Effect.flatMap(hosts.update(path.uniqueId, () => next), present)
        }))
      .handle("delete", ({ path }) =>
        Effect.gen(function*() {
          yield* hosts.find(path.uniqueId)
          const booked = activeAllocations(yield* allocations.all(path.uniqueId))
          if (booked.length > 0) {
            return yield* Effect.fail(
              invalid(
                "/zoom_host",
                "host_in_use",
                `the host has ${booked.length} meeting(s) allocated: cancel them first`
              )
            )
          }
          yield* hosts.remove(path.uniqueId)
        }))
      .handle("availability", ({ path, urlParams }) =>
        Effect.gen(function*() {
          const host = yield* hosts.find(path.uniqueId)
          return availabilityOf(host, yield* allocations.all(host.uniqueId), rangeOf(urlParams))
        }))
      .handle("allocations", ({ path }) => Effect.zipRight(hosts.find(path.uniqueId), allocations.all(path.uniqueId)))
  }))
