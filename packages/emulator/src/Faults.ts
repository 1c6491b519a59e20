/**
 * Fault injection for tests, off unless the emulator runs with `faults: true` (`--faults`).
 *
 * Per request: header `X-Emulator-Fault: status=503` (or `latency=200`, `status=429; retry-after=2`,
 * `drop`, `malformed`, `truncate`, and `after` to apply the fault once the request has been handled).
 * Per run: `POST /__emulator/faults` with `{ "times": 2, "method": "POST", "path": "/leads/", "fault": "status=503; after" }`
 * queues a fault for the next matching requests of the caller's tenant; `DELETE /__emulator/faults`
 * clears that tenant's queue. Both need the same credentials as the API (bearer token and API key).
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as Schema from "effect/Schema"
import { adminTenant, caller as requestCaller, type Credentials } from "./Credentials.js"
import { errorResponse } from "./ErrorDocuments.js"
import type { HttpMiddlewareFn } from "./HttpMiddlewareFn.js"
import { BodyLimits, nestedDeeperThan, tooDeep } from "./RequestBody.js"

/** A fault to inject into one response: latency, a status, a dropped connection or a malformed body. */
export interface Fault {
  readonly status?: number | undefined
  readonly latencyMs?: number | undefined
  readonly retryAfter?: string | undefined
  readonly drop?: boolean | undefined
  readonly malformed?: boolean | undefined
  readonly truncate?: boolean | undefined
  /** Apply after the request was handled (the write happened, the client does not learn it). */
  readonly after?: boolean | undefined
}

/** Parses `status=503; retry-after=1; after`. */
export const parseFault = (spec: string): Fault | undefined => {
  const fault: { -readonly [K in keyof Fault]: Fault[K] } = {}
  for (const part of spec.split(/[;,]/).map((p) => p.trim()).filter((p) => p !== "")) {
    const [key, value] = part.split("=").map((p) => p.trim().toLowerCase()) as [string, string | undefined]
    if (key === "status" && value !== undefined && /^\d{3}$/.test(value)) fault.status = Number(value)
    else if (key === "latency" && value !== undefined && /^\d+$/.test(value)) fault.latencyMs = Number(value)
    else if (key === "retry-after" && value !== undefined) fault.retryAfter = value
    else if (key === "drop") fault.drop = true
    else if (key === "malformed") fault.malformed = true
    else if (key === "truncate") fault.truncate = true
    else if (key === "after") fault.after = true
    else return undefined
  }
  if (fault.retryAfter !== undefined && fault.status === undefined) fault.status = 429
  return fault
}

/** A fault queued through `/__emulator/faults`: what the next matching requests of a tenant answer. */
export interface Queued {
  /** Only this tenant's requests take the fault. */
  readonly tenantId: string
  readonly remaining: number
  readonly method?: string | undefined
  readonly path?: string | undefined
  readonly fault: Fault
}

/** The fault queue per tenant, and whether fault injection is on. */
export class Faults extends Context.Tag("@blocks-crm/emulator/Faults")<
  Faults,
  { readonly enabled: boolean; readonly queue: Ref.Ref<ReadonlyArray<Queued>> }
>() {}

/** The fault service; `enabled` false makes every fault request a 404. */
export const layer = (enabled: boolean) =>
  Layer.effect(Faults, Effect.map(Ref.make<ReadonlyArray<Queued>>([]), (queue) => ({ enabled, queue })))

const QueueRequest = Schema.Struct({
  times: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => 1 }),
  method: Schema.optional(Schema.String),
  path: Schema.optional(Schema.String),
  fault: Schema.String
})

const errorBody = (status: number) => ({
  errors: [{
    status: String(status),
    code: "injected_fault",
    title: "Injected Fault",
    detail: `The emulator was told to answer ${status}.`
  }]
})

const takeQueued = (queue: Ref.Ref<ReadonlyArray<Queued>>, tenantId: string, method: string, path: string) =>
  Ref.modify(queue, (entries): readonly [Option.Option<Fault>, ReadonlyArray<Queued>] => {
    if (entries.length === 0) return [Option.none(), entries]
    const index = entries.findIndex((e) =>
      e.tenantId === tenantId && (e.method === undefined || e.method.toUpperCase() === method) &&
      (e.path === undefined || e.path === path)
    )
    if (index === -1) return [Option.none(), entries]
    const entry = entries[index]!
    const rest = entry.remaining > 1
      ? entries.map((e, i) => (i === index ? { ...e, remaining: e.remaining - 1 } : e))
      : entries.filter((_, i) => i !== index)
    return [Option.some(entry.fault), rest]
  })

const apply = (
  fault: Fault,
  request: HttpServerRequest.HttpServerRequest,
  handled: Option.Option<HttpServerResponse.HttpServerResponse>
) =>
  Effect.gen(function*() {
    if (fault.drop === true) {
      NodeHttpServerRequest.toIncomingMessage(request).socket.destroy()
      return yield* Effect.interrupt
    }
    if (fault.malformed === true) {
      return HttpServerResponse.text("{\"data\": [{\"id\": \"broken\", ", {
        status: 200,
        contentType: "application/json"
      })
    }
    if (fault.truncate === true && Option.isSome(handled) && handled.value.body._tag === "Uint8Array") {
      const bytes = handled.value.body.body
      return HttpServerResponse.uint8Array(bytes.subarray(0, Math.floor(bytes.length / 2)), {
        status: handled.value.status,
        contentType: handled.value.body.contentType
      })
    }
    if (fault.status !== undefined) {
      return HttpServerResponse.unsafeJson(errorBody(fault.status), {
        status: fault.status,
        headers: fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter }
      })
    }
    return Option.getOrElse(handled, () => HttpServerResponse.empty({ status: 500 }))
  })

/** Admin routes and the fault itself, around the API. */
export const middleware: HttpMiddlewareFn<Faults | Credentials | BodyLimits> = (app) =>
  Effect.gen(function*() {
    const faults = yield* Faults
    if (!faults.enabled) return yield* app
    const request = yield* HttpServerRequest.HttpServerRequest
    const url = new URL(request.url, "http://emulator")
    if (url.pathname === "/__emulator/faults" && (request.method === "POST" || request.method === "DELETE")) {
      const admin = yield* Effect.either(adminTenant)
      if (admin._tag === "Left") return admin.left
      const tenantId = admin.right
      if (request.method === "DELETE") {
        yield* Ref.update(faults.queue, (q) => q.filter((e) => e.tenantId !== tenantId))
        return HttpServerResponse.empty({ status: 204 })
      }
      const limits = yield* BodyLimits
      const text = yield* Effect.either(request.text)
      if (text._tag === "Right" && nestedDeeperThan(text.right, limits.maxJsonDepth)) {
        return tooDeep(limits.maxJsonDepth)
      }
      const body = yield* Effect.either(HttpServerRequest.schemaBodyJson(QueueRequest))
      const fault = body._tag === "Right" ? parseFault(body.right.fault) : undefined
      if (body._tag === "Left" || fault === undefined) {
        return errorResponse(422, "invalid", "Invalid fault", "expected { times?, method?, path?, fault }")
      }
      yield* Ref.update(faults.queue, (q) => [
        ...q,
        { tenantId, remaining: body.right.times, method: body.right.method, path: body.right.path, fault }
      ])
      return HttpServerResponse.empty({ status: 204 })
    }
    const header = request.headers["x-emulator-fault"]
    const caller = yield* requestCaller
    const fault = header !== undefined
      ? Option.fromNullable(parseFault(header))
      : caller.tenantId === undefined || caller.tokenRefusal !== undefined
      ? Option.none()
      : yield* takeQueued(faults.queue, caller.tenantId, request.method, url.pathname)
    if (Option.isNone(fault)) return yield* app
    if (fault.value.latencyMs !== undefined) yield* Effect.sleep(fault.value.latencyMs)
    const onlyLatency = Object.keys(fault.value).every((k) => k === "latencyMs")
    if (onlyLatency) return yield* app
    if (fault.value.after === true || fault.value.truncate === true) {
      const handled = yield* app
      return yield* apply(fault.value, request, Option.some(handled))
    }
    return yield* apply(fault.value, request, Option.none())
  })
