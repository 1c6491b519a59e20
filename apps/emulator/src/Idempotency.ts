/**
 * A POST with an `Idempotency-Key` the tenant has used before answers with the first response and
 * changes nothing. Only 2xx answers are remembered, so a failed attempt can be retried with the same key.
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Credentials } from "./Credentials.js"
import type { HttpMiddlewareFn } from "./HttpMiddlewareFn.js"

interface Stored {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly content_type: string | null
  readonly body: string
}

/** Keys whose first request is still being handled, per emulator (never shared between two). */
export class InFlight extends Context.Tag("@blocks-crm/emulator/Idempotency/InFlight")<InFlight, Set<string>>() {}

export const layer: Layer.Layer<InFlight> = Layer.sync(InFlight, () => new Set<string>())

const conflict = (detail: string) =>
  HttpServerResponse.unsafeJson(
    { errors: [{ status: "409", code: "idempotency_conflict", title: "Idempotency Key Conflict", detail }] },
    { status: 409 }
  )

export const middleware: HttpMiddlewareFn<SqlClient.SqlClient | Credentials | InFlight> = (app) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const key = request.headers["idempotency-key"]
    if (request.method !== "POST" || key === undefined || key === "") return yield* app
    const credentials = yield* Credentials
    const apiKey = request.headers["appid"] ?? request.headers["x-api-key"] ?? ""
    const tenantId = credentials.tenantOf(apiKey)
    if (tenantId === undefined) return yield* app // authentication answers 401
    const sql = yield* SqlClient.SqlClient
    const path = new URL(request.url, "http://emulator").pathname
    const [stored] = yield* Effect.orDie(sql<Stored>`SELECT method, path, status, content_type, body FROM idempotency_keys
      WHERE tenant_id = ${tenantId} AND idempotency_key = ${key}`)
    if (stored !== undefined) {
      if (stored.method !== request.method || stored.path !== path) {
        return conflict(`The Idempotency-Key was first used for ${stored.method} ${stored.path}.`)
      }
      return HttpServerResponse.text(stored.body, {
        status: stored.status,
        contentType: stored.content_type ?? "application/json",
        headers: { "idempotent-replayed": "true" }
      })
    }
    const inFlight = yield* InFlight
    const slot = `${tenantId}:${key}`
    if (inFlight.has(slot)) return conflict("A request with this Idempotency-Key is still in progress.")
    inFlight.add(slot)
    return yield* Effect.ensuring(
      Effect.tap(app, (response) =>
        response.status >= 200 && response.status < 300 && response.body._tag === "Uint8Array"
          ? Effect.orDie(sql`INSERT INTO idempotency_keys ${
            sql.insert({
              tenant_id: tenantId,
              idempotency_key: key,
              method: request.method,
              path,
              status: response.status,
              content_type: response.body.contentType,
              body: new TextDecoder().decode(response.body.body),
              created_at: new Date().toISOString()
            })
          }`)
          : Effect.void),
      Effect.sync(() => inFlight.delete(slot))
    )
  })
