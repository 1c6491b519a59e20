/**
 * The emulator's opportunities, quotes, referrals and touches. Server-side defaults on create follow
 * the reference where it gives them (status `active`) and the pipeline models' documented assumptions
 * otherwise (quotes start as `draft`, referral rewards as `pending`, a touch happened now). An account's
 * quotes are the quotes whose `account_id` names it, the account read through the accounts domain's records.
 */
import { Opportunity, PipelineApi, Quote, Referral, Touch } from "@blocks-crm/pipeline"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { accountRecords } from "../accounts/Records.js"
import { newId, resource } from "../Resources.js"

export const OpportunitiesHandlers = HttpApiBuilder.group(
  PipelineApi,
  "opportunities",
  (handlers) =>
    Effect.gen(function*() {
      const store = yield* RecordStore
      const opportunities = resource(
        store.collection("opportunities", Opportunity, {
          idOf: (o) => o.uniqueId,
          searchText: (o) => [o.name, o.stage ?? ""].join(" ")
        }),
        "Opportunity"
      )
      return handlers
        .handle("list", ({ urlParams }) => opportunities.page(urlParams))
        .handle("listDeleted", ({ urlParams }) => opportunities.page({ ...urlParams, deleted: true }))
        .handle("get", ({ path }) => opportunities.find(path.uniqueId))
        .handle("create", ({ payload }) => {
          const now = new Date()
          return opportunities.insert({
            ...payload,
            uniqueId: newId(),
            status: "active",
            createdAt: now,
            updatedAt: now
          })
        })
        .handle("update", ({ path, payload }) =>
          opportunities.update(path.uniqueId, (o) => ({ ...o, ...payload, updatedAt: new Date() })))
        .handle("delete", ({ path }) =>
          opportunities.softDelete(path.uniqueId))
        .handle("recover", ({ path }) => opportunities.recover(path.uniqueId))
    })
)

export const QuotesHandlers = HttpApiBuilder.group(PipelineApi, "quotes", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore
    const quotes = resource(
      store.collection("quotes", Quote, {
        idOf: (q) => q.uniqueId,
        searchText: (q) => [q.title, q.notes ?? ""].join(" ")
      }),
      "Quote"
    )
    const accounts = yield* accountRecords
    return handlers
      .handle("list", ({ urlParams }) => quotes.page(urlParams))
      .handle("listDeleted", ({ urlParams }) => quotes.page({ ...urlParams, deleted: true }))
      .handle("get", ({ path }) => quotes.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return quotes.insert({ status: "draft", ...payload, uniqueId: newId(), createdAt: now, updatedAt: now })
      })
      .handle("update", ({ path, payload }) =>
        quotes.update(path.uniqueId, (q) => ({ ...q, ...payload, updatedAt: new Date() })))
      .handle("delete", ({ path }) =>
        quotes.softDelete(path.uniqueId))
      .handle("recover", ({ path }) => quotes.recover(path.uniqueId))
      .handle("listForAccount", ({ path, urlParams }) =>
        accounts.find(path.accountId).pipe(
          Effect.zipRight(quotes.page({ ...urlParams, attributes: { account_id: path.accountId } }))
        ))
      .handle("createForAccount", ({ path, payload }) =>
        accounts.find(path.accountId).pipe(Effect.zipRight(Effect.suspend(() => {
          const now = new Date()
          return quotes.insert({
            status: "draft",
            ...payload,
            accountId: path.accountId,
            uniqueId: newId(),
            createdAt: now,
            updatedAt: now
          })
        }))))
  }))

export const ReferralsHandlers = HttpApiBuilder.group(PipelineApi, "referrals", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore
    const referrals = resource(
      store.collection("referrals", Referral, {
        idOf: (r) => r.uniqueId,
        searchText: (r) => [r.referrerName, r.referredName ?? ""].join(" ")
      }),
      "Referral"
    )
    return handlers
      .handle("list", ({ urlParams }) => referrals.page(urlParams))
      .handle("get", ({ path }) => referrals.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return referrals.insert({
          rewardStatus: "pending",
          ...payload,
          uniqueId: newId(),
          createdAt: now,
          updatedAt: now
        })
      })
      .handle("update", ({ path, payload }) =>
        referrals.update(path.uniqueId, (r) => ({ ...r, ...payload, updatedAt: new Date() })))
      .handle("delete", ({ path }) =>
        referrals.remove(path.uniqueId))
  }))

export const TouchesHandlers = HttpApiBuilder.group(PipelineApi, "touches", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore
    const touches = resource(
      store.collection("touches", Touch, {
        idOf: (t) => t.uniqueId,
        searchText: (t) => [t.subject, t.notes ?? "", t.touchType].join(" ")
      }),
      "Touch"
    )
    return handlers
      .handle("list", ({ urlParams }) => touches.page(urlParams))
      .handle("get", ({ path }) => touches.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return touches.insert({ occurredAt: now, ...payload, uniqueId: newId(), createdAt: now, updatedAt: now })
      })
      .handle("update", ({ path, payload }) =>
        touches.update(path.uniqueId, (t) => ({ ...t, ...payload, updatedAt: new Date() })))
      .handle("delete", ({ path }) =>
        touches.remove(path.uniqueId))
  }))
