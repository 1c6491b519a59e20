/**
 * The emulator's meetings: stored per tenant in the record store, encoded by the model's
 * own schema. The server sets the id and the timestamps, as the API does.
 */
import { SchedulingApi, Meeting } from "@blocks-crm/scheduling"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { newId, resource } from "../Resources.js"

export const MeetingsHandlers = HttpApiBuilder.group(SchedulingApi, "meetings", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore
    const meetings = resource(
      store.collection("meetings", Meeting, {
        idOf: (meeting) => meeting.uniqueId,
        searchText: (meeting) => [meeting.name, meeting.notes ?? ""].join(" ")
      }),
      "Meeting"
    )
    return handlers
      .handle("list", ({ urlParams }) => meetings.page(urlParams))
      .handle("get", ({ path }) => meetings.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return meetings.insert({ ...payload, uniqueId: newId(), createdAt: now, updatedAt: now })
      })
      .handle("update", ({ path, payload }) =>
        meetings.update(path.uniqueId, (meeting) => ({ ...meeting, ...payload, updatedAt: new Date() })))
      .handle("delete", ({ path }) => meetings.remove(path.uniqueId))
  }))
