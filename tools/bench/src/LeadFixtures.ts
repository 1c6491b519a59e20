/**
 * Realistic lead pages, written by the same schema the emulator encodes with, so the bytes are what
 * the client receives from `GET /leads/?records=1000` (crm-leads.md attributes, relationships, meta).
 */
import { Lead, LeadList } from "@blocks-crm/pipeline"
import * as Schema from "effect/Schema"

const sources = ["website", "referral", "cold_call", "trade_show", "partner", "linkedin"] as const
const stages = ["new", "contacted", "qualified", "proposal", "negotiation"] as const
const statuses = ["active", "active", "active", "inactive", "converted", "lost"] as const
const names = ["Enterprise Deal", "Renewal", "Pilot Expansion", "Upsell", "Regional Rollout", "Support Plan"] as const

/** A deterministic UUID-shaped id (xorshift of the seed), so runs compare like with like. */
const uuid = (seed: number, salt: number): string => {
  let x = (seed * 2654435761 + salt * 40503 + 1) >>> 0
  let hex = ""
  while (hex.length < 32) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    hex += (x >>> 0).toString(16).padStart(8, "0")
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

const pick = <A>(values: ReadonlyArray<A>, i: number): A => values[i % values.length] as A

/** The `i`-th lead of the fixture tenant: most optional attributes set, some left out, as in real data. */
export const makeLead = (i: number): Lead => {
  const created = new Date(Date.UTC(2026, 0, 1) + i * 37_000_000)
  const lead: { -readonly [K in keyof Lead]: Lead[K] } = {
    uniqueId: uuid(i, 1),
    name: `${pick(names, i)} ${i}`,
    status: pick(statuses, i),
    createdAt: created
  }
  if (i % 7 !== 0) lead.source = pick(sources, i)
  if (i % 5 !== 0) lead.accountId = uuid(i, 2)
  if (i % 3 !== 0) lead.contactId = uuid(i, 3)
  if (i % 11 !== 0) lead.value = 1_000 + ((i * 7919) % 250_000)
  lead.stage = pick(stages, i)
  if (i % 4 !== 0) lead.probability = (i * 13) % 101
  if (i % 2 === 0) lead.updatedAt = new Date(created.getTime() + 86_400_000)
  return lead
}

const encodeList = Schema.encodeSync(LeadList)
const encodeLead = Schema.encodeSync(Lead)

/** The JSON body of one page of `total` leads (`page` from 1), exactly as the emulator writes it. */
export const leadPageJson = (
  options: { readonly records: number; readonly page?: number; readonly total?: number }
): string => {
  const page = options.page ?? 1
  const total = options.total ?? options.records
  const first = (page - 1) * options.records
  const data = Array.from(
    { length: Math.max(0, Math.min(options.records, total - first)) },
    (_, k) => makeLead(first + k)
  )
  return JSON.stringify(
    encodeList({
      data,
      meta: { totalPages: Math.ceil(total / options.records), totalRecords: total, page, records: options.records }
    })
  )
}

/** The stored form of a lead (its wire attributes), as the emulator's RecordStore keeps it. */
export const storedLead = (i: number): string => JSON.stringify(encodeLead(makeLead(i)))
