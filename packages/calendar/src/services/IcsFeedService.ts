/**
 * The public ICS feed of a user (`GET /calendars/:company_url_id/ics/:token`), fetched as text and read
 * with ical.js into typed events.
 *
 * The token in the URL is the feed's only permission, so the request goes through the transport's plain
 * client: no bearer token or API key is sent (a calendar app fetching the feed sends none either), and
 * the token never appears in an error, a log or a span (they show `[redacted]` in its place).
 *
 * @since 0.1.0
 */
import type { ApiError, CrmError } from "@blocks-crm/core-http/CrmError"
import { excerpt, InvalidInput, Timeout, TransportError, UnexpectedResponse } from "@blocks-crm/core-http/CrmError"
import { CrmTransport, errorForStatus } from "@blocks-crm/core-http/CrmTransport"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { IcsContentType } from "../contract/IcsFeedGroup.js"
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
  effect: Effect.map(CrmTransport, (transport): IcsFeed => {
    const baseUrl = transport.settings.apiUrl.toString().replace(/\/+$/, "")
    const timeout = transport.settings.timeout
    // The platform client's own span would carry the URL, token included: the call has its own span.
    const client = HttpClient.withTracerDisabledWhen(transport.plainClient, () => true)

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
      const path = `/calendars/${encodeURIComponent(companyUrlId)}/ics/`
      const info = { method: "GET", url: `${baseUrl}${path}[redacted]`, requestId: crypto.randomUUID() }
      const scrub = (s: string) => s.split(secret!).join("[redacted]")
      const request = HttpClientRequest.get(`${baseUrl}${path}${encodeURIComponent(secret!)}`).pipe(
        HttpClientRequest.setHeaders({ accept: `text/calendar, application/json`, "x-request-id": info.requestId })
      )
      return client.execute(request).pipe(
        Effect.flatMap((response) =>
          Effect.flatMap(
            Effect.mapError(response.text, (error): ApiError =>
              new TransportError({ ...info, reason: `the feed could not be read (${error.reason})` })),
            (body): Effect.Effect<string, ApiError> => {
              if (response.status >= 200 && response.status < 300) {
                const contentType = response.headers["content-type"]
                return contentType?.toLowerCase().startsWith("text/calendar") === true
                  ? Effect.succeed(body)
                  : Effect.fail(
                    new UnexpectedResponse({
                      ...info,
                      status: response.status,
                      contentType,
                      bodyExcerpt: scrub(excerpt(body)),
                      path: undefined,
                      reason: `expected ${IcsContentType}, got ${contentType ?? "no content type"}`
                    })
                  )
              }
              return Effect.fail(errorForStatus(info, response, scrub(body)))
            }
          )
        ),
        Effect.catchTags({
          RequestError: (error) =>
            Effect.fail(
              new TransportError({
                ...info,
                reason: scrub(error.cause instanceof Error ? error.cause.message : error.reason)
              })
            ),
          ResponseError: (error) =>
            Effect.fail(new TransportError({ ...info, reason: `the feed could not be read (${error.reason})` }))
        }),
        Effect.timeoutFail({
          duration: timeout,
          onTimeout: () => new Timeout({ ...info, after: timeout, scope: "attempt" })
        }),
        Effect.withSpan("crm.request", {
          kind: "client",
          captureStackTrace: false,
          attributes: { "http.request.method": "GET", "url.full": info.url, "crm.request_id": info.requestId }
        })
      )
    }

    return {
      text,
      calendar: (companyUrlId: string, token: Redacted.Redacted<string>) =>
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
  })
}) {}
