/**
 * The emulator's subscribers and unsubscribes. An address is unique per tenant whatever its case. An
 * unsubscribe suppresses the address itself, known or not (the answer is the same either way, so it
 * tells no one who subscribes); a subscriber created later at that address starts unsubscribed, until
 * an update explicitly sets `subscription_status: subscribed`.
 */
import { CommsApi } from "@blocks-crm/comms"
import type { Subscriber, UnsubscribeResult } from "@blocks-crm/comms"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { RecordStore } from "../../RecordStore.js"
import { group, invalid, newId, tenant } from "../Resources.js"
import { after, commsRecords, normalize } from "./CommsRecords.js"

const emailTaken = invalid("/subscriber/email", "taken", "email has already been taken")

/** The emulator's handlers for the subscribers endpoints. */
export const SubscribersHandlers = group(CommsApi, "subscribers", (handlers) =>
  Effect.gen(function*() {
    const records = commsRecords(yield* RecordStore)
    const { subscriberEmails, subscribers, suppressions } = records

    const suppressionOf = (email: string) =>
      Effect.flatMap(tenant, (tenantId) => Effect.orDie(suppressions.find(tenantId, normalize(email))))

    /** Suppresses `email` (once: a second unsubscribe keeps the first time) and returns the record. */
    const suppress = (email: string, now: Date) =>
      Effect.flatMap(suppressionOf(email), (found) =>
        Option.isSome(found)
          ? Effect.succeed(found.value)
          : Effect.flatMap(tenant, (tenantId) =>
            Effect.orDie(suppressions.insert(tenantId, { success: true, email, unsubscribedAt: now }))))

    const unsuppress = (email: string) =>
      Effect.flatMap(tenant, (tenantId) =>
        Effect.asVoid(Effect.orDie(suppressions.remove(tenantId, normalize(email)))))

    /** The subscriber with its subscription set to `status` since `since` (unchanged if it already was). */
    const withSubscription = (
      subscriber: Subscriber,
      status: "subscribed" | "unsubscribed",
      since: Date
    ): Subscriber =>
      subscriber.subscriptionStatus === status
        ? subscriber
        : { ...subscriber, subscriptionStatus: status, subscriptionChangedAt: since }

    return handlers
      .handle("list", ({ urlParams }) => subscribers.page(urlParams))
      .handle("get", ({ path }) => subscribers.find(path.uniqueId))
      .handle("create", ({ payload }) =>
        Effect.gen(function*() {
          const now = new Date()
          const uniqueId = newId()
          if (!(yield* subscriberEmails.claim(payload.email, uniqueId))) return yield* Effect.fail(emailTaken)
          const suppressed = yield* suppressionOf(payload.email)
          return yield* subscribers.insert({
            ...payload,
            uniqueId,
            status: "active",
            enabled: true,
            subscriptionStatus: Option.isSome(suppressed) ? "unsubscribed" : "subscribed",
            subscriptionChangedAt: Option.isSome(suppressed) ? suppressed.value.unsubscribedAt ?? now : now,
            createdAt: now,
            updatedAt: now
          })
        }))
      .handle("update", ({ path, payload }) =>
        Effect.gen(function*() {
          const current = yield* subscribers.find(path.uniqueId)
          const now = new Date()
          const email = payload.email ?? current.email
          const moved = normalize(email) !== normalize(current.email)
          if (moved && !(yield* subscriberEmails.claim(email, current.uniqueId))) return yield* Effect.fail(emailTaken)
          const { subscriptionStatus: requested, ...changes } = payload
          let next: Subscriber = { ...current, ...changes, updatedAt: after(current.updatedAt, now) }
          if (requested === "subscribed") {
            // The explicit re-subscribe: the only way out of the suppression list.
            yield* unsuppress(email)
            next = withSubscription(next, "subscribed", now)
          } else if (requested === "unsubscribed") {
            const suppression = yield* suppress(email, now)
            next = withSubscription(next, "unsubscribed", suppression.unsubscribedAt ?? now)
          } else if (moved) {
            const suppressed = yield* suppressionOf(email)
            if (Option.isSome(suppressed)) {
              next = withSubscription(next, "unsubscribed", suppressed.value.unsubscribedAt ?? now)
            }
          }
          const updated = yield* subscribers.update(path.uniqueId, () => next)
          if (moved) yield* subscriberEmails.release(current.email, current.uniqueId)
          return updated
        }))
      .handle("delete", ({ path }) =>
        Effect.gen(function*() {
          const current = yield* subscribers.find(path.uniqueId)
          yield* subscribers.remove(path.uniqueId)
          // The address may be used again; an unsubscribe stays on the suppression list.
          yield* subscriberEmails.release(current.email, current.uniqueId)
        }))
      .handle("unsubscribe", ({ payload }) =>
        Effect.gen(function*() {
          const now = new Date()
          const suppression = yield* suppress(payload.email, now)
          const since = suppression.unsubscribedAt ?? now
          const tenantId = yield* tenant
          const owner = yield* subscriberEmails.owner(tenantId, payload.email)
          if (Option.isSome(owner)) {
            // The claim and the record go together; a missing record would be the emulator's defect.
            yield* Effect.orDie(subscribers.update(owner.value, (subscriber) => {
              const next = withSubscription(subscriber, "unsubscribed", since)
              return next === subscriber ? subscriber : { ...next, updatedAt: after(subscriber.updatedAt, now) }
            }))
          }
          // The same answer for every address: it must not reveal who subscribes.
          const answer: UnsubscribeResult = { success: true, email: payload.email, unsubscribedAt: since }
          return answer
        }))
  }))
