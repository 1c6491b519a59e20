/**
 * The pipeline domain's collections, declared once so every handler group agrees on them: leads (their
 * follow-ups kept under each lead, `parentId`), opportunities, quotes, referrals and touches.
 */
import {
  Lead,
  LeadFollow,
  LeadFollowListUrlParams,
  LeadListUrlParams,
  Opportunity,
  OpportunityListUrlParams,
  Quote,
  QuoteListUrlParams,
  Referral,
  ReferralListUrlParams,
  Touch,
  TouchListUrlParams
} from "@blocks-crm/pipeline"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { resource } from "../Resources.js"

/** The pipeline domain's collections over the record store. */
export const pipelineRecords = (store: Context.Tag.Service<typeof RecordStore>) => ({
  leads: resource(
    store.collection("leads", Lead, {
      idOf: (lead) => lead.uniqueId,
      searchText: (lead) => [lead.name, lead.source ?? "", lead.stage ?? ""].join(" ")
    }),
    "Lead",
    { listParams: LeadListUrlParams }
  ),
  /** Kept under their lead (`parentId`), so a follow-up of another lead is not found. */
  follows: resource(
    store.collection("lead_follows", LeadFollow, {
      idOf: (follow) => follow.uniqueId,
      parent: { collection: "leads" }
    }),
    "Follow",
    { listParams: LeadFollowListUrlParams }
  ),
  opportunities: resource(
    store.collection("opportunities", Opportunity, {
      idOf: (opportunity) => opportunity.uniqueId,
      searchText: (opportunity) => [opportunity.name, opportunity.stage ?? ""].join(" ")
    }),
    "Opportunity",
    { listParams: OpportunityListUrlParams }
  ),
  quotes: resource(
    store.collection("quotes", Quote, {
      idOf: (quote) => quote.uniqueId,
      searchText: (quote) => [quote.title, quote.notes ?? ""].join(" ")
    }),
    "Quote",
    { listParams: QuoteListUrlParams }
  ),
  referrals: resource(
    store.collection("referrals", Referral, {
      idOf: (referral) => referral.uniqueId,
      searchText: (referral) => [referral.referrerName, referral.referredName ?? ""].join(" ")
    }),
    "Referral",
    { listParams: ReferralListUrlParams }
  ),
  touches: resource(
    store.collection("touches", Touch, {
      idOf: (touch) => touch.uniqueId,
      searchText: (touch) => [touch.subject, touch.notes ?? "", touch.touchType].join(" ")
    }),
    "Touch",
    { listParams: TouchListUrlParams }
  )
})

/** The pipeline domain's collections, opened over the emulator's record store. */
export const openPipeline = Effect.map(RecordStore, pipelineRecords)
