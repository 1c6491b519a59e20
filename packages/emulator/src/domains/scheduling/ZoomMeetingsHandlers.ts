/**
 * The emulator's Zoom links. Creating one books the meeting on a host free for its time (the host
 * linked to the user first, then the least busy): 422 naming the range when none is; it answers the
 * join URL, start URL, password, Zoom's meeting id and the host. Updating reschedules and re-allocates
 * (the old booking stays when no host is free); deleting releases the host. A tenant with no host pool
 * at all hosts on the user's own Zoom account (no host id, no allocation), as Zoom does without a pool:
 * that is how crm-block.md's "Schedule a Meeting with Zoom" works on a fresh tenant.
 */
import { SchedulingApi } from "@blocks-crm/scheduling"
import type { ZoomAllocation, ZoomHost, ZoomMeeting, ZoomUserAvailability } from "@blocks-crm/scheduling"
import * as Effect from "effect/Effect"
import { randomBytes, randomInt } from "node:crypto"
import { created, group, invalid, newId, notFound, updated } from "../Resources.js"
import { openScheduling } from "./Records.js"
import { activeAllocations, availabilityOf, rangeOf } from "./ZoomBooking.js"
import type { Range } from "./ZoomBooking.js"
import { Directory } from "../../Directory.js"

/** The emulator's handlers for the zoom meetings endpoints. */
export const ZoomMeetingsHandlers = group(
  SchedulingApi,
  "zoomMeetings",
  (handlers) =>
    Effect.gen(function*() {
      const { allocations, hosts, meetings, zoomMeetings } = yield* openScheduling
      const { users } = yield* Directory

      /** The meeting's Zoom link, if it has one. */
      const linkOf = (meetingId: string) => Effect.map(zoomMeetings.all(meetingId), (links) => links[0])
      const existing = (meetingId: string) =>
        Effect.flatMap(
          linkOf(meetingId),
          (link) => link === undefined ? Effect.fail(notFound("Zoom Meeting")) : Effect.succeed(link)
        )

      /** The hosts free for `range`, best first; `ignore` is an allocation being replaced. */
      const freeHosts = (userId: string, range: Range, ignore?: string) =>
        Effect.gen(function*() {
          const free: Array<{ host: ZoomHost; load: number }> = []
          for (const host of yield* hosts.all()) {
            const rows = (yield* allocations.all(host.uniqueId)).filter((a) => a.uniqueId !== ignore)
            const availability = availabilityOf(host, rows, range)
            if (availability.available) {
              free.push({ host, load: activeAllocations(rows).length / availability.maxMeetings })
            }
          }
          return free.sort((a, b) =>
            Number(b.host.userUniqueId === userId) - Number(a.host.userUniqueId === userId) || a.load - b.load ||
            a.host.createdAt.getTime() - b.host.createdAt.getTime()
          ).map((entry) => entry.host)
        })

      /** Whether the tenant has a host pool at all (without one, users host on their own accounts). */
      const hasPool = Effect.map(hosts.all(), (all) => all.length > 0)

      const noHost = (range: Range) =>
        invalid(
          "/zoom/start_time",
          "no_host_available",
          `no Zoom host is free from ${range.start.toISOString()} to ${range.end.toISOString()}`
        )

      const allocate = (host: ZoomHost, meetingId: string, zoomMeetingId: string, range: Range) => {
        const allocation: ZoomAllocation = {
          uniqueId: newId(),
          hostUniqueId: host.uniqueId,
          meetingUniqueId: meetingId,
          zoomMeetingId,
          startTime: range.start,
          endTime: range.end,
          allocatedAt: new Date(),
          status: "allocated"
        }
        return allocations.insert(allocation, { parentId: host.uniqueId })
      }

      /** Releases the live allocation of a Zoom link, if any. */
      const release = (link: ZoomMeeting) =>
        link.zoomHostId === undefined ?
          Effect.void :
          Effect.flatMap(allocations.all(link.zoomHostId), (rows) =>
            Effect.forEach(
              rows.filter((a) => a.status === "allocated" && a.zoomMeetingId === link.zoomMeetingId),
              (a) =>
                allocations.update(
                  a.uniqueId,
                  (row) => ({ ...row, status: "released" as const, releasedAt: new Date() }),
                  { parentId: link.zoomHostId }
                ),
              { discard: true }
            ))

      return handlers
        .handle("get", ({ path }) =>
          Effect.zipRight(
            Effect.all([users.find(path.userId), meetings.find(path.meetingId)]),
            existing(path.meetingId)
          ))
        .handle("create", ({ path, payload }) =>
          Effect.gen(function*() {
            yield* users.find(path.userId)
            const meeting = yield* meetings.find(path.meetingId)
            if ((yield* linkOf(path.meetingId)) !== undefined) {
              return yield* Effect.fail(
                invalid("/zoom", "taken", "the meeting already has a Zoom meeting: update it instead")
              )
            }
            const start = payload.startTime ?? meeting.startTime
            const duration = payload.duration ??
              Math.max(1, Math.round((meeting.endTime.getTime() - meeting.startTime.getTime()) / 60_000))
            const range = { start, end: new Date(start.getTime() + duration * 60_000) }
            const pooled = yield* hasPool
            const [host] = pooled ? yield* freeHosts(path.userId, range) : []
            if (pooled && host === undefined) return yield* Effect.fail(noHost(range))
            const zoomMeetingId = String(randomInt(10_000_000_000, 99_999_999_999))
            const password = randomBytes(6).toString("base64url").slice(0, 8)
            if (host !== undefined) yield* allocate(host, path.meetingId, zoomMeetingId, range)
            const now = new Date()
            const link: ZoomMeeting = {
              ...created(now),
              meetingUniqueId: path.meetingId,
              userUniqueId: path.userId,
              zoomMeetingId,
              ...(host === undefined ? {} : { zoomHostId: host.uniqueId }),
              joinUrl: `https://zoom.us/j/${zoomMeetingId}?pwd=${password}`,
              startUrl: `https://zoom.us/s/${zoomMeetingId}?zak=${randomBytes(12).toString("base64url")}`,
              password,
              topic: payload.topic ?? meeting.title,
              ...(payload.agenda === undefined ? {} : { agenda: payload.agenda }),
              startTime: start,
              duration,
              ...(payload.timezone ?? meeting.timezone) === undefined
                ? {}
                : { timezone: payload.timezone ?? meeting.timezone },
              zoomStatus: "waiting",
              status: "active",
              enabled: true
            }
            return yield* zoomMeetings.insert(link, { parentId: path.meetingId })
          }))
        .handle("update", ({ path, payload }) =>
          Effect.gen(function*() {
            yield* users.find(path.userId)
            yield* meetings.find(path.meetingId)
            const link = yield* existing(path.meetingId)
            const start = payload.startTime ?? link.startTime ?? new Date()
            const duration = payload.duration ?? link.duration ?? 60
            const range = { start, end: new Date(start.getTime() + duration * 60_000) }
            const current = link.zoomHostId === undefined
              ? undefined
              : (yield* allocations.all(link.zoomHostId)).find((a) =>
                a.status === "allocated" && a.zoomMeetingId === link.zoomMeetingId
              )
            const pooled = yield* hasPool
            const [host] = pooled ? yield* freeHosts(path.userId, range, current?.uniqueId) : []
            if (pooled && host === undefined) return yield* Effect.fail(noHost(range))
            yield* release(link)
            if (host !== undefined) yield* allocate(host, path.meetingId, link.zoomMeetingId ?? newId(), range)
            const { zoomHostId: _released, ...unhosted } = link
            const next: ZoomMeeting = {
              ...unhosted,
              ...payload,
              startTime: start,
              duration,
              ...(host === undefined ? {} : { zoomHostId: host.uniqueId }),
              ...updated()
            }
            return yield* zoomMeetings.update(link.uniqueId, () => next, { parentId: path.meetingId })
          }))
        .handle("delete", ({ path }) =>
          Effect.gen(function*() {
            yield* users.find(path.userId)
            const link = yield* existing(path.meetingId)
            yield* release(link)
            yield* zoomMeetings.remove(link.uniqueId, { parentId: path.meetingId })
          }))
        .handle("availability", ({ path, urlParams }) =>
          Effect.gen(function*() {
            yield* users.find(path.userId)
            const range = rangeOf(urlParams)
            const all = yield* hosts.all()
            const own = all.filter((host) => host.userUniqueId === path.userId)
            // A user with their own Zoom host hosts on it; any other user on the pool.
            const candidates = own.length > 0 ? own : all
            if (candidates.length === 0) {
              const ownAccount: ZoomUserAvailability = { userUniqueId: path.userId, available: true }
              return ownAccount
            }
            const answers = yield* Effect.forEach(
              candidates,
              (host) => Effect.map(allocations.all(host.uniqueId), (rows) => availabilityOf(host, rows, range))
            )
            const free = answers.find((a) => a.available)
            if (free !== undefined) {
              const answer: ZoomUserAvailability = {
                userUniqueId: path.userId,
                available: true,
                hostUniqueId: free.hostUniqueId
              }
              return answer
            }
            const next = answers.flatMap((a) =>
              a.nextAvailableAt === undefined ? [] : [a.nextAvailableAt.getTime()]
            ).sort((x, y) =>
              x - y
            )[0]
            const answer: ZoomUserAvailability = {
              userUniqueId: path.userId,
              available: false,
              reason: answers.length === 1
                ? answers[0]!.reason!
                : "no_host_free",
              ...(next === undefined ? {} : { nextAvailableAt: new Date(next) })
            }
            return answer
          }))
    })
)
