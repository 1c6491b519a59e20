/**
 * The emulator's users. Registering is create-or-activate by unique id: a live user is updated with
 * what the registration gives, a deleted one comes back, an unknown id is created. Deleting moves the
 * user to the trash, so that registering again activates the same user.
 */
import { AccountsApi } from "@blocks-crm/accounts"
import type { RegisterUserRequest, User } from "@blocks-crm/accounts"
import * as Effect from "effect/Effect"
import { contactRecords, userRecords } from "./Records.js"
import { group } from "../Resources.js"

/** An active user that already holds every value the registration gives: registering again changes nothing. */
const isSameRegistration = (user: User, registration: RegisterUserRequest) =>
  user.status === "active" &&
  Object.entries(registration).every(([key, value]) =>
    JSON.stringify(user[key as keyof RegisterUserRequest]) === JSON.stringify(value)
  )

/** The emulator's handlers for the identities endpoints. */
export const IdentitiesHandlers = group(AccountsApi, "identities", (handlers) =>
  Effect.gen(function*() {
    const contacts = yield* contactRecords
    const users = yield* userRecords
    return handlers
      .handle("list", ({ urlParams }) => users.page(urlParams))
      .handle("get", ({ path }) => users.find(path.uniqueId))
      .handle("register", ({ path, payload }) =>
        users.recover(path.uniqueId).pipe(
          Effect.orElse(() => users.find(path.uniqueId)),
          Effect.matchEffect({
            onFailure: () => {
              const now = new Date()
              return users.insert({
                ...payload,
                uniqueId: path.uniqueId,
                status: "active",
                createdAt: now,
                updatedAt: now
              })
            },
            // Just found or recovered: a 404 here would be a defect.
            onSuccess: (existing) =>
              isSameRegistration(existing, payload) ? Effect.succeed(existing) : Effect.orDie(
                users.update(
                  existing.uniqueId,
                  (user) => ({ ...user, ...payload, status: "active", updatedAt: new Date() })
                )
              )
          })
        ))
      .handle("delete", ({ path }) => users.softDelete(path.uniqueId))
      .handle("contacts", ({ path }) =>
        Effect.zipRight(
          users.find(path.uniqueId),
          Effect.map(contacts.all(), (all) => all.filter((contact) => contact.userUniqueId === path.uniqueId))
        ))
  }))
