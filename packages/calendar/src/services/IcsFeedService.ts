/**
 * The public ICS feed of a user (`GET /calendars/:company_url_id/ics/:token`), fetched as text and read
 * with ical.js into typed events.
 *
 * The token in the URL is the feed's only permission. The contract marks the feed `Contract.Public`, so the
 * derived client sends no bearer token or API key (a calendar app fetching the feed sends none either),
 * and the call carries the token as one of its secrets: it never appears in an error, a log or a span
 * (they show `[redacted]` in its place).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import { excerpt, InvalidInput, UnexpectedResponse } from "@blocks-crm/core-http/CrmError"
import { CrmTransport, withCallOptions } from "@blocks-crm/core-http/CrmTransport"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { IcsContentType, IcsFeedGroup } from "../contract/IcsFeedGroup.js"
import { parse } from "../models/IcsFeed.js"
import type { IcsCalendar } from "../models/IcsFeed.js"

/**
 * The feed methods.
 *
 * @since 0.1.0
 */
export interface IcsFeed {
  /** The feed as the API sends it (`text/calendar`). */
  readonly text: (companyUrlId: string, token: Redacted.Redacted<string>) => Effect.Effect<string, CrmError>
  /** The feed read into its VERSION, PRODID and events (recurring ones with their rule). */
  readonly calendar: (companyUrlId: string, token: Redacted.Redacted<string>) => Effect.Effect<IcsCalendar, CrmError>
}

const isValidId = Schema.is(Fields.ResourceId)

/**
 * The public ICS feed as an Effect service (`IcsFeed`).
 *
 * @example
 * ```ts
 * import { IcsFeedService } from "@blocks-crm/calendar"
 * import { Effect, Redacted } from "effect"
 *
 * const events = (token: Redacted.Redacted<string>) =>
 *   Effect.flatMap(IcsFeedService, (feed) => feed.calendar("my-company", token)).pipe(
 *     Effect.map((calendar) => calendar.events.length)
 *   )
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class IcsFeedService extends Effect.Service<IcsFeedService>()("@blocks-crm/calendar/IcsFeedService", {
  effect: Effect.gen(function*() {
    const api = yield* ApiClient.group(IcsFeedGroup)
    const baseUrl = (yield* CrmTransport).settings.apiUrl.toString().replace(/\/+$/, "")

    const text = (companyUrlId: string, token: Redacted.Redacted<string>): Effect.Effect<string, CrmError> => {
      const secret = Redacted.isRedacted(token) ? Redacted.value(token) : undefined
      const issues = [
        ...(isValidId(companyUrlId)
          ? []
          : [{ path: "companyUrlId", message: "must be a non-blank id without /, ?, #, % or spaces" }]),
        ...(secret !== undefined && isValidId(secret)
          ? []
          : [{ path: "token", message: "must be a Redacted token without /, ?, #, % or spaces" }])
      ]
      if (issues.length > 0) return Effect.fail(new InvalidInput({ operation: "icsFeed.text", issues }))
      return withCallOptions(api.get({ path: { companyUrlId, token: secret! } }), { secrets: [secret!] })
    }

    const feed: IcsFeed = {
      text,
      calendar: (companyUrlId, token) =>
        Effect.flatMap(text(companyUrlId, token), (body) =>
          Effect.try({
            try: () => parse(body),
            catch: (cause) =>
              new UnexpectedResponse({
                method: "GET",
                url: `${baseUrl}/calendars/${encodeURIComponent(companyUrlId)}/ics/[redacted]`,
                requestId: "",
                status: 200,
                contentType: IcsContentType,
                bodyExcerpt: excerpt(body),
                path: undefined,
                reason: `not an RFC 5545 calendar: ${cause instanceof Error ? cause.message : String(cause)}`
              })
          }))
    }
    return feed
  })
}) {}
