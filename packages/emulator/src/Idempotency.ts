/**
 * A POST with an `Idempotency-Key` the tenant has used before answers with the first response and
 * changes nothing. Only 2xx answers are remembered, so a failed attempt can be retried with the same key.
 * As the IETF Idempotency-Key draft says: the key reused with a different body answers 422, and a retry
 * while the first request is still being handled answers 409.
 *
 * The write a request makes and its key are committed in one transaction, so a crash leaves both or
 * neither: a retry after a crash either replays the answer or makes the write for the first time.
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto"
import * as Credentials from "./Credentials.js"
import * as Database from "./Database.js"
import { errorResponse } from "./ErrorDocuments.js"
import type { HttpMiddlewareFn } from "./HttpMiddlewareFn.js"
import * as Gates from "./internal/Gates.js"

interface Stored {
  readonly method: string
  readonly path: string
  readonly fingerprint: string | null
  readonly status: number
  readonly content_type: string | null
  readonly body: string
}

/** Keys whose first request is still being handled, per emulator (never shared between two). */
export class InFlight extends Context.Tag("@blocks-crm/emulator/Idempotency/InFlight")<InFlight, Set<string>>() {}

/** The keys of requests in flight, so a retry during the first answers 409. */
export const layer: Layer.Layer<InFlight> = Layer.sync(InFlight, () => new Set<string>())

const conflict = (detail: string) => errorResponse(409, "idempotency_conflict", "Idempotency Key Conflict", detail)

const keyReused = errorResponse(
  422,
  "idempotency_key_reused",
  "Idempotency Key Reused",
  "The Idempotency-Key was first used with a different request body; use a new key for a new request."
)

/** The body as sent: the SDK serialises a request the same way on every attempt. */
const fingerprintOf = (body: string) => createHash("sha256").update(body).digest("hex")

/**
 * A kept answer can carry a secret (a new API key, a token), so the database holds neither the
 * Idempotency-Key nor the answer in clear: the key as its SHA-256, the answer sealed with AES-256-GCM
 * under a key derived from the Idempotency-Key (HKDF-SHA256). Only a caller that sends the key
 * again can have it replayed.
 */
const storedKeyOf = (key: string) => createHash("sha256").update(key).digest("hex")
const sealingKey = (key: string) => Buffer.from(hkdfSync("sha256", key, "blocks-crm-emulator", "idempotent-answer", 32))
const sealedPrefix = "aes-256-gcm:"

const seal = (key: string, answer: Uint8Array): string => {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", sealingKey(key), iv)
  const sealed = Buffer.concat([cipher.update(answer), cipher.final()])
  return sealedPrefix + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64")
}

const unseal = (key: string, stored: string): string => {
  const raw = Buffer.from(stored.slice(sealedPrefix.length), "base64")
  const decipher = createDecipheriv("aes-256-gcm", sealingKey(key), raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")
}

const selectText = `SELECT method, path, fingerprint, status, content_type, body
  FROM idempotency_keys WHERE tenant_id = ? AND idempotency_key = ?`
const insertText = `INSERT INTO idempotency_keys
  (tenant_id, idempotency_key, method, path, fingerprint, status, content_type, body, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`

// Every request passes here and few carry a key: those without one go on without a generator.
/** Runs a POST with an `Idempotency-Key` once and answers its stored response to every retry. */
export const middleware: HttpMiddlewareFn<SqlClient.SqlClient | Credentials.Credentials | InFlight> = Gates
  .middleware((_, request, app) => {
    // The method first: reading `headers` copies them, and only a POST needs them here.
    if (request.method !== "POST") return app
    const key = request.headers["idempotency-key"]
    if (key === undefined || key === "") return app
    return withKey(app, request, key)
  })

const withKey = <E, R>(
  app: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>,
  request: HttpServerRequest.HttpServerRequest,
  key: string
) =>
  Effect.gen(function*() {
    const caller = yield* Credentials.caller
    // Authentication answers 401; a stored answer is never replayed to a caller it would refuse.
    if (caller.tenantId === undefined || caller.tokenRefusal !== undefined) return yield* app
    const tenantId = caller.tenantId
    // The slot is taken before the body is read, so a retry while the first body is still arriving is a 409 too.
    const inFlight = yield* InFlight
    const slot = `${tenantId}:${key}`
    if (inFlight.has(slot)) return conflict("A request with this Idempotency-Key is still in progress.")
    inFlight.add(slot)
    return yield* Effect.ensuring(
      Effect.gen(function*() {
        const body = yield* Effect.either(request.text)
        if (body._tag === "Left") return yield* app // the platform answers an unreadable body
        const fingerprint = fingerprintOf(body.right)
        const sql = yield* SqlClient.SqlClient
        const run = Database.runner(sql)
        const path = new URL(request.url, "http://emulator").pathname
        const storedKey = storedKeyOf(key)
        const [stored] = yield* Effect.orDie(run<Stored>(selectText, [tenantId, storedKey]))
        if (stored !== undefined) {
          if (stored.method !== request.method || stored.path !== path) {
            return conflict(`The Idempotency-Key was first used for ${stored.method} ${stored.path}.`)
          }
          // Keys stored before fingerprints were kept have none, and replay as they always did.
          if (stored.fingerprint !== null && stored.fingerprint !== fingerprint) return keyReused
          return HttpServerResponse.text(unseal(key, stored.body), {
            status: stored.status,
            contentType: stored.content_type ?? "application/json",
            headers: { "idempotent-replayed": "true" }
          })
        }
        const remember = (response: HttpServerResponse.HttpServerResponse) =>
          response.status >= 200 && response.status < 300 && response.body._tag === "Uint8Array"
            ? run(insertText, [
              tenantId,
              storedKey,
              request.method,
              path,
              fingerprint,
              response.status,
              response.body.contentType,
              seal(key, response.body.body),
              new Date().toISOString()
            ])
            : Effect.void
        return yield* sql.withTransaction(Effect.tap(app, remember)).pipe(
          Effect.catchIf((error): error is SqlError => error instanceof SqlError, Effect.die)
        )
      }),
      Effect.sync(() => inFlight.delete(slot))
    )
  })
