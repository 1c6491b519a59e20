/**
 * The emulator's mail templates and their copies on Mandrill, which is emulated here: nothing leaves
 * the machine. A template's name is unique per tenant whatever its case; its merge variables are
 * extracted from the subject and bodies on every write. Mandrill keeps a draft (`create` pushes it,
 * `update` changes it) and a live version (`publish` copies the draft; publishing an unchanged draft
 * again changes nothing), and counts sends, opens, clicks, bounces and complaints per template, which
 * tests set through `PUT /__emulator/mandrill/stats`.
 */
import { CommsApi, MandrillCounters, MandrillStatsResource } from "@blocks-crm/comms"
import type { MailTemplate, MandrillContent, MandrillTemplate } from "@blocks-crm/comms"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import { adminTenant } from "../../Credentials.js"
import { errorResponse } from "../../ErrorDocuments.js"
import { RecordStore } from "../../RecordStore.js"
import { group, invalid, newId, notFound, tenant } from "../Resources.js"
import { after, commsRecords, normalize } from "./CommsRecords.js"
import { mergeVariables } from "./MergeVariables.js"

const nameTaken = invalid("/template/name", "taken", "name has already been taken")

const withMergeVariables = (template: MailTemplate): MailTemplate => ({
  ...template,
  mergeVariables: mergeVariables(template.subject, template.htmlContent, template.textContent)
})

/** The emulator's handlers for the mail templates endpoints. */
export const MailTemplatesHandlers = group(
  CommsApi,
  "mailTemplates",
  (handlers) =>
    Effect.gen(function*() {
      const { templateNames, templates } = commsRecords(yield* RecordStore)
      return handlers
        .handle("list", ({ urlParams }) => templates.page(urlParams))
        .handle("get", ({ path }) => templates.find(path.uniqueId))
        .handle("create", ({ payload }) =>
          Effect.gen(function*() {
            const now = new Date()
            const uniqueId = newId()
            if (!(yield* templateNames.claim(payload.name, uniqueId))) return yield* Effect.fail(nameTaken)
            return yield* templates.insert(
              withMergeVariables({
                ...payload,
                uniqueId,
                status: "active",
                enabled: true,
                createdAt: now,
                updatedAt: now
              })
            )
          }))
        .handle("update", ({ path, payload }) =>
          Effect.gen(function*() {
            const current = yield* templates.find(path.uniqueId)
            const renamed = payload.name !== undefined && normalize(payload.name) !== normalize(current.name)
            if (renamed && !(yield* templateNames.claim(payload.name!, current.uniqueId))) {
              return yield* Effect.fail(nameTaken)
            }
            const updated = yield* templates.update(
              path.uniqueId,
              (template) => withMergeVariables({ ...template, ...payload, updatedAt: after(template.updatedAt) })
            )
            if (renamed) yield* templateNames.release(current.name, current.uniqueId)
            return updated
          }))
    })
)

/** A Mandrill slug, as Mandrill makes them from a template's name. */
const slugOf = (name: string) =>
  name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "template"

const definedOnly = (content: { readonly [K in keyof MandrillContent]?: string | undefined }): MandrillContent =>
  Object.fromEntries(Object.entries(content).filter(([, value]) => value !== undefined)) as MandrillContent

const contentKeys = ["subject", "fromEmail", "fromName", "htmlContent", "textContent"] as const
const sameContent = (a: MandrillContent, b: MandrillContent) => contentKeys.every((key) => a[key] === b[key])

const noDraft = invalid(
  "/mandrill/unique_id",
  "no_draft",
  "the template has no draft on Mandrill: push it with mailtemplates/mandrill/create first"
)

/** The emulator's handlers for the mandrill templates endpoints. */
export const MandrillTemplatesHandlers = group(
  CommsApi,
  "mandrillTemplates",
  (handlers) =>
    Effect.gen(function*() {
      const { mandrillSlugs, mandrillStats, mandrillTemplates, templates } = commsRecords(yield* RecordStore)

      /** The template and its Mandrill copy: 404 for an unknown template, 422 when it has no copy. */
      const pushed = (templateId: string) =>
        Effect.gen(function*() {
          const template = yield* templates.find(templateId)
          const tenantId = yield* tenant
          const copy = yield* Effect.orDie(mandrillTemplates.find(tenantId, templateId))
          if (Option.isNone(copy)) return yield* Effect.fail(noDraft)
          return { template, copy: copy.value, tenantId }
        })

      const save = (tenantId: string, copy: MandrillTemplate) => Effect.orDie(mandrillTemplates.replace(tenantId, copy))

      return handlers
        .handle("create", ({ payload: { templateId, ...content } }) =>
          Effect.gen(function*() {
            const template = yield* templates.find(templateId)
            const tenantId = yield* tenant
            if (Option.isSome(yield* Effect.orDie(mandrillTemplates.find(tenantId, templateId)))) {
              return yield* Effect.fail(
                invalid("/mandrill/unique_id", "taken", "the template is already on Mandrill: update its draft instead")
              )
            }
            const slug = slugOf(template.name)
            if (!(yield* mandrillSlugs.claim(slug, templateId))) {
              return yield* Effect.fail(
                invalid("/mandrill/unique_id", "taken", `another template already has the Mandrill slug ${slug}`)
              )
            }
            const now = new Date()
            const draft = definedOnly({
              subject: content.subject ?? template.subject,
              fromEmail: content.fromEmail ?? template.fromEmail,
              fromName: content.fromName ?? template.fromName,
              htmlContent: content.htmlContent ?? template.htmlContent,
              textContent: content.textContent ?? template.textContent
            })
            const copy = yield* Effect.orDie(
              mandrillTemplates.insert(tenantId, {
                uniqueId: templateId,
                slug,
                name: template.name,
                draft,
                createdAt: now,
                updatedAt: now
              })
            )
            // A new template on Mandrill has sent nothing yet.
            yield* Effect.orDie(mandrillStats.insert(tenantId, {
              slug,
              name: template.name,
              sentCount: 0,
              openCount: 0,
              clickCount: 0,
              bounceCount: 0,
              complaintCount: 0,
              createdAt: now,
              updatedAt: now
            }))
            yield* templates.update(
              templateId,
              (t) => ({ ...t, mandrillSlug: slug, updatedAt: after(t.updatedAt, now) })
            )
            return copy
          }))
        .handle("update", ({ payload: { templateId, ...content } }) =>
          Effect.flatMap(pushed(templateId), ({ copy, tenantId }) =>
            save(tenantId, {
              ...copy,
              draft: definedOnly({ ...copy.draft, ...content }),
              updatedAt: after(copy.updatedAt)
            })))
        .handle("publish", ({ payload }) =>
          Effect.flatMap(pushed(payload.templateId), ({ copy, tenantId }) =>
            // Publishing the draft that is already live changes nothing (a retried PUT answers the same).
            copy.published !== undefined && sameContent(copy.published, copy.draft)
              ? Effect.succeed(copy)
              : save(tenantId, { ...copy, published: copy.draft, publishedAt: after(copy.publishedAt) })))
        .handle("stats", ({ urlParams }) =>
          Effect.flatMap(pushed(urlParams.templateId), ({ copy, tenantId }) =>
            Effect.flatMap(Effect.orDie(mandrillStats.find(tenantId, copy.slug)), (found) =>
              Option.match(found, {
                onNone: () =>
                  Effect.fail(notFound("Mandrill Stats")),
                onSome: Effect.succeed
              }))))
    })
)

/** The admin body: the template, and the counters to set (wire names; absent ones keep their value). */
const StatsAdminBody = Schema.Struct(
  { unique_id: Schema.String },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
)
// The counters' wire names, read from the model rather than repeated here.
const counterKeys: ReadonlyArray<string> = (Schema.encodedSchema(MandrillCounters).ast as AST.TypeLiteral)
  .propertySignatures.map((signature) => String(signature.name))
const encodeCounters = Schema.encodeSync(MandrillCounters)
const decodeCounters = Schema.decodeUnknownEither(MandrillCounters, { errors: "all" })
const StatsDocument = JsonApi.document(MandrillStatsResource)

/**
 * `PUT /__emulator/mandrill/stats` with `{ "unique_id": "<template id>", "sent_count": 120, ... }`:
 * sets the caller's tenant's counters for a template on Mandrill, and answers its stats document. It
 * takes the API's credentials (the check the fault queue uses) and is not part of the API's contract.
 */
export const MandrillStatsAdmin = Layer.unwrapEffect(Effect.map(RecordStore, (store) => {
  const { mandrillStats, mandrillTemplates } = commsRecords(store)
  return HttpLayerRouter.add(
    "PUT",
    "/__emulator/mandrill/stats",
    Effect.gen(function*() {
      const tenantId = yield* adminTenant
      const body = yield* Effect.either(HttpServerRequest.schemaBodyJson(StatsAdminBody))
      if (body._tag === "Left") {
        return errorResponse(422, "invalid", "Invalid stats", `expected { unique_id, ${counterKeys.join(", ")} }`)
      }
      const { unique_id: templateId, ...given } = body.right
      const unknown = Object.keys(given).filter((key) => !counterKeys.includes(key))
      if (unknown.length > 0) {
        return errorResponse(422, "invalid", "Invalid stats", `unknown counters: ${unknown.join(", ")}`)
      }
      const copy = yield* Effect.orDie(mandrillTemplates.find(tenantId, templateId))
      const stats = Option.isNone(copy)
        ? Option.none()
        : yield* Effect.orDie(mandrillStats.find(tenantId, copy.value.slug))
      if (Option.isNone(stats)) {
        return errorResponse(404, "not_found", "Not Found", `No template ${templateId} on Mandrill for this tenant.`)
      }
      const counters = decodeCounters({ ...encodeCounters(stats.value), ...given })
      if (counters._tag === "Left") {
        return errorResponse(422, "invalid", "Invalid stats", "counters are whole numbers, zero or more")
      }
      const updated = yield* Effect.orDie(
        mandrillStats.replace(tenantId, { ...stats.value, ...counters.right, updatedAt: after(stats.value.updatedAt) })
      )
      return HttpServerResponse.unsafeJson(Schema.encodeSync(StatsDocument)(updated))
    }).pipe(Effect.catchAll((response) => Effect.succeed(response)))
  )
}))
