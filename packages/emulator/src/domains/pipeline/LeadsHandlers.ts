/**
 * The emulator's leads and lead follow-ups. An account's leads are the leads whose `account_id` names it
 * (however they were created); the account is read through the accounts domain's own records.
 */
import { Lead, LeadFollow, PipelineApi } from "@blocks-crm/pipeline"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { accountRecords } from "../accounts/Records.js"
import { newId, resource } from "../Resources.js"

export const LeadsHandlers = HttpApiBuilder.group(PipelineApi, "leads", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore
    const leads = resource(
      store.collection("leads", Lead, {
        idOf: (lead) => lead.uniqueId,
        searchText: (lead) => [lead.name, lead.source ?? "", lead.stage ?? ""].join(" ")
      }),
      "Lead"
    )
    const accounts = yield* accountRecords
    return handlers
      .handle("list", ({ urlParams }) => leads.page(urlParams))
      .handle("listDeleted", ({ urlParams }) => leads.page({ ...urlParams, deleted: true }))
      .handle("get", ({ path }) => leads.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return leads.insert({ ...payload, uniqueId: newId(), status: "active", createdAt: now, updatedAt: now })
      })
      .handle("update", ({ path, payload }) =>
        leads.update(path.uniqueId, (lead) => ({ ...lead, ...payload, updatedAt: new Date() })))
      .handle("delete", ({ path }) =>
        leads.softDelete(path.uniqueId))
      .handle("recover", ({ path }) => leads.recover(path.uniqueId))
      .handle("listForAccount", ({ path, urlParams }) =>
        accounts.find(path.accountId).pipe(
          Effect.zipRight(leads.page({ ...urlParams, attributes: { account_id: path.accountId } }))
        ))
      .handle("createForAccount", ({ path, payload }) =>
        accounts.find(path.accountId).pipe(Effect.zipRight(Effect.suspend(() => {
          const now = new Date()
          return leads.insert({
            ...payload,
            accountId: path.accountId,
            uniqueId: newId(),
            status: "active",
            createdAt: now,
            updatedAt: now
          })
        }))))
  }))

/** A pending follow-up past its due date reads as overdue. */
const withOverdue = (follow: LeadFollow, now: Date): LeadFollow =>
  follow.status === "pending" && follow.dueDate !== undefined && follow.dueDate.getTime() < now.getTime()
    ? { ...follow, status: "overdue" }
    : follow

export const LeadFollowsHandlers = HttpApiBuilder.group(
  PipelineApi,
  "leadFollows",
  (handlers) =>
    Effect.gen(function*() {
      const store = yield* RecordStore
      const leads = resource(store.collection("leads", Lead, { idOf: (lead) => lead.uniqueId }), "Lead")
      const follows = resource(store.collection("lead_follows", LeadFollow, { idOf: (f) => f.uniqueId }), "Follow")
      const read = (follow: LeadFollow) => withOverdue(follow, new Date())
      return handlers
        .handle("list", ({ path }) =>
          leads.find(path.leadId).pipe(
            Effect.zipRight(follows.all(path.leadId)),
            Effect.map((all) => all.map(read))
          ))
        .handle("get", ({ path }) =>
          leads.find(path.leadId).pipe(
            Effect.zipRight(follows.find(path.followId, { parentId: path.leadId })),
            Effect.map(read)
          ))
        .handle("create", ({ path, payload }) => {
          const now = new Date()
          return leads.find(path.leadId).pipe(
            Effect.zipRight(
              follows.insert({ ...payload, uniqueId: newId(), status: "pending", createdAt: now, updatedAt: now }, {
                parentId: path.leadId
              })
            ),
            Effect.map(read)
          )
        })
        .handle("update", ({ path, payload }) =>
          leads.find(path.leadId).pipe(
            Effect.zipRight(
              follows.update(path.followId, (follow) => ({ ...follow, ...payload, updatedAt: new Date() }), {
                parentId: path.leadId
              })
            ),
            Effect.map(read)
          ))
        .handle(
          "delete",
          ({ path }) =>
            leads.find(path.leadId).pipe(Effect.zipRight(follows.remove(path.followId, { parentId: path.leadId })))
        )
    })
)
