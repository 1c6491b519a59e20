/**
 * A user's ICS feed tokens: each a random secret of 256 bits (base64url), answered on create and in the
 * list as the reference shows; deleting one removes it, so its feed is a 404 from the next request on.
 */
import { CalendarApi } from "@blocks-crm/calendar"
import type { IcsToken } from "@blocks-crm/calendar"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { randomBytes } from "node:crypto"
import { group, newId } from "../Resources.js"
import { openCalendar } from "./Records.js"
import { Directory } from "../../Directory.js"

/** The emulator's handlers for the ics tokens endpoints. */
export const IcsTokensHandlers = group(CalendarApi, "icsTokens", (handlers) =>
  Effect.gen(function*() {
    const { icsTokens } = yield* openCalendar
    const { users } = yield* Directory
    return handlers
      .handle("list", ({ path, urlParams }) =>
        Effect.zipRight(users.find(path.userId), icsTokens.all(path.userId, urlParams)))
      .handle("create", ({ path, payload }) =>
        Effect.gen(function*() {
          yield* users.find(path.userId)
          const token: IcsToken = {
            ...payload,
            uniqueId: newId(),
            userUniqueId: path.userId,
            token: Redacted.make(`ics_${randomBytes(32).toString("base64url")}`),
            active: true,
            createdAt: new Date()
          }
          return yield* icsTokens.insert(token, { parentId: path.userId })
        }))
      .handle("delete", ({ path }) =>
        Effect.zipRight(users.find(path.userId), icsTokens.remove(path.tokenId, { parentId: path.userId })))
  }))
