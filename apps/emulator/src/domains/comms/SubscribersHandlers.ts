/**
 * The emulator's subscribers: stored per tenant in the record store, encoded by the model's
 * own schema. The server sets the id and the timestamps, as the API does.
 */
import { CommsApi, Subscriber } from "@blocks-crm/comms"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { newId, resource } from "../Resources.js"

export const SubscribersHandlers = HttpApiBuilder.group(CommsApi, "subscribers", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore
    const subscribers = resource(
      store.collection("subscribers", Subscriber, {
        idOf: (subscriber) => subscriber.uniqueId,
        searchText: (subscriber) => [subscriber.name, subscriber.notes ?? ""].join(" ")
      }),
      "Subscriber"
    )
    return handlers
      .handle("list", ({ urlParams }) => subscribers.page(urlParams))
      .handle("get", ({ path }) => subscribers.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return subscribers.insert({ ...payload, uniqueId: newId(), createdAt: now, updatedAt: now })
      })
      .handle("update", ({ path, payload }) =>
        subscribers.update(path.uniqueId, (subscriber) => ({ ...subscriber, ...payload, updatedAt: new Date() })))
      .handle("delete", ({ path }) => subscribers.remove(path.uniqueId))
  }))
