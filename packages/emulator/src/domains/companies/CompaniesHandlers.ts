/**
 * The emulator's companies: a company per url id in each tenant (the seeded one created on first
 * need), and what makes the emulator's authentication data: keys exchanged for expiring tokens,
 * impersonation by admin tokens only, storage counted from the uploads. Credentials that a company
 * issued reach that company alone; any other url id is a 404, as another tenant's record is.
 */
import { CompaniesApi, ForbiddenResponse } from "@blocks-crm/companies"
import type { AccessToken, Company } from "@blocks-crm/companies"
import { Contract } from "@blocks-crm/core-http"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { randomBytes } from "node:crypto"
import * as Credentials from "../../Credentials.js"
import { Uploads } from "../../Uploads.js"
import { created, group, invalid, newId, notFound, tenant, updated } from "../Resources.js"
import { companyOptions, companyRecords, ensureSeeded, keyRecords } from "./Records.js"
import { Directory } from "../../Directory.js"

const forbidden = (detail: string) =>
  new ForbiddenResponse({ errors: [Contract.errorObject(403, "forbidden", "Forbidden", detail)] })

/**
 * The caller's company `urlId`: a 404 when the tenant has none by that id, or when the caller's
 * credentials were issued by another company.
 */
export const companyFor = (urlId: string) =>
  Effect.gen(function*() {
    const tenantId = yield* tenant
    const caller = yield* Credentials.caller
    const companies = yield* companyRecords
    yield* ensureSeeded(tenantId)
    if (caller.company !== undefined && caller.company !== urlId) return yield* Effect.fail(notFound("Company"))
    const found = yield* Effect.orDie(companies.find(tenantId, urlId))
    return yield* Option.match(found, {
      onNone: () => Effect.fail(notFound("Company")),
      onSome: (company) => Effect.succeed({ tenantId, caller, company })
    })
  })

const accessToken = (issued: Credentials.IssuedToken, actingAs?: string): AccessToken => ({
  uniqueId: newId(),
  accessToken: Redacted.make(issued.secret),
  tokenType: "Bearer",
  expiresIn: issued.expiresIn,
  expiresAt: issued.expiresAt,
  ...(actingAs === undefined ? {} : { userUniqueId: actingAs })
})

/** The emulator's handlers for the companies endpoints. */
export const CompaniesHandlers = group(CompaniesApi, "companies", (handlers) =>
  Effect.gen(function*() {
    const credentials = yield* Credentials.Credentials
    const uploads = yield* Uploads
    return handlers
      .handle("get", ({ path }) => Effect.map(companyFor(path.urlId), ({ company }) => company))
      .handle("create", ({ payload }) =>
        Effect.gen(function*() {
          const tenantId = yield* tenant
          const companies = yield* companyRecords
          yield* ensureSeeded(tenantId)
          const taken = yield* Effect.orDie(companies.find(tenantId, payload.urlId))
          if (Option.isSome(taken)) {
            return yield* Effect.fail(invalid("/company/url_id", "taken", "url_id has already been taken"))
          }
          const now = new Date()
          const company: Company = { ...created(now), ...payload }
          return yield* Effect.orDie(companies.insert(tenantId, company))
        }))
      .handle("impersonate", ({ path, payload }) =>
        Effect.gen(function*() {
          const { caller, company, tenantId } = yield* companyFor(path.urlId)
          if (caller.actingAs !== undefined) {
            return yield* Effect.fail(forbidden("An impersonation token cannot impersonate again."))
          }
          if (caller.admin !== true) return yield* Effect.fail(forbidden("Only an admin token may impersonate."))
          const { users } = yield* Directory
          yield* Effect.mapError(
            users.find(payload.userUniqueId),
            () => invalid("/impersonate/user_unique_id", "not_found", "user_unique_id names no user")
          )
          const issued = yield* credentials.issueToken({
            tenantId,
            company: company.urlId,
            actingAs: payload.userUniqueId
          })
          return accessToken(issued, payload.userUniqueId)
        }))
      .handle("storage", ({ path }) =>
        Effect.gen(function*() {
          const { company, tenantId } = yield* companyFor(path.urlId)
          const stored = yield* uploads.stored(tenantId)
          const { storageQuotaBytes } = yield* companyOptions
          return {
            urlId: company.urlId,
            usedBytes: stored.bytes,
            quotaBytes: storageQuotaBytes,
            objectCount: stored.documents + stored.logos,
            documentCount: stored.documents,
            logoCount: stored.logos
          }
        }))
      .handle("exchange", ({ path, payload }) =>
        Effect.gen(function*() {
          // The key in the body is the credential: the request's own headers do not matter here.
          const key = yield* credentials.issuedKey(Redacted.value(payload.apiKey))
          if (key === undefined || !key.enabled) {
            return yield* Effect.fail(
              Credentials.unauthorized(key === undefined ? "The API key is not valid." : "The API key is disabled.")
            )
          }
          if (key.company !== path.urlId) return yield* Effect.fail(notFound("Company"))
          const issued = yield* credentials.issueToken({
            tenantId: key.tenantId,
            company: key.company,
            keyId: key.keyId
          })
          return accessToken(issued)
        }))
  }))

/** The emulator's handlers for the company keys endpoints. */
export const CompanyKeysHandlers = group(
  CompaniesApi,
  "companyKeys",
  (handlers) =>
    Effect.gen(function*() {
      const credentials = yield* Credentials.Credentials
      const findKey = (tenantId: string, urlId: string, keyId: string) =>
        Effect.flatMap(keyRecords, (keys) =>
          Effect.flatMap(
            Effect.orDie(keys.find(tenantId, keyId, { parentId: urlId })),
            Option.match({ onNone: () => Effect.fail(notFound("API Key")), onSome: Effect.succeed })
          ))
      return handlers
        .handle("list", ({ path }) =>
          Effect.gen(function*() {
            const { company, tenantId } = yield* companyFor(path.urlId)
            const keys = yield* keyRecords
            return yield* Effect.orDie(keys.all(tenantId, { parentId: company.urlId }))
          }))
        .handle("create", ({ path, payload }) =>
          Effect.gen(function*() {
            const { company, tenantId } = yield* companyFor(path.urlId)
            const keys = yield* keyRecords
            // 192 random bits: hashed with plain SHA-256 in `Credentials`, which this makes safe.
            const secret = `pk_emu_${randomBytes(24).toString("hex")}`
            const now = new Date()
            const key = {
              ...created(now),
              name: payload.name,
              prefix: "pk_emu",
              lastFour: secret.slice(-4),
              enabled: true
            }
            yield* Effect.orDie(keys.insert(tenantId, key, { parentId: company.urlId }))
            yield* credentials.issueKey({ tenantId, company: company.urlId, keyId: key.uniqueId, secret })
            return { ...key, secret: Redacted.make(secret) }
          }))
        .handle("update", ({ path, payload }) =>
          Effect.gen(function*() {
            const { company, tenantId } = yield* companyFor(path.urlId)
            const keys = yield* keyRecords
            const current = yield* findKey(tenantId, company.urlId, path.keyId)
            const changed = { ...current, ...payload, ...updated() }
            yield* Effect.orDie(keys.replace(tenantId, changed))
            if (payload.enabled !== undefined) {
              yield* credentials.setKeyEnabled(tenantId, current.uniqueId, payload.enabled)
            }
            return changed
          }))
        .handle("delete", ({ path }) =>
          Effect.gen(function*() {
            const { company, tenantId } = yield* companyFor(path.urlId)
            const keys = yield* keyRecords
            const key = yield* findKey(tenantId, company.urlId, path.keyId)
            yield* Effect.orDie(keys.remove(tenantId, key.uniqueId, { parentId: company.urlId }))
            yield* credentials.revokeKey(tenantId, key.uniqueId)
          }))
    })
)
