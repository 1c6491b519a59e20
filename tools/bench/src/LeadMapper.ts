/**
 * The baseline: a hand-written mapper with no validation, the way the official SDK maps a JSON:API
 * lead (snake_case attributes read by name, dates through `new Date`). It yields the same objects as
 * the client's decode on valid input, so the two are compared on equal output.
 */
import type { Lead } from "@blocks-crm/pipeline"
import type { PageMeta, PageResult } from "@blocks-crm/core-http/Pagination"

interface WireLead {
  readonly id: string
  readonly type: string
  readonly attributes: Record<string, any>
}

export const mapLead = (resource: WireLead): Lead => {
  const a = resource.attributes
  const lead: Record<string, unknown> = { uniqueId: a.unique_id, name: a.name, status: a.status }
  if (a.source != null) lead.source = a.source
  if (a.account_id != null) lead.accountId = a.account_id
  if (a.contact_id != null) lead.contactId = a.contact_id
  if (a.value != null) lead.value = typeof a.value === "string" ? Number(a.value) : a.value
  if (a.stage != null) lead.stage = a.stage
  if (a.probability != null) lead.probability = a.probability
  lead.createdAt = new Date(a.created_at)
  if (a.updated_at != null) lead.updatedAt = new Date(a.updated_at)
  return lead as unknown as Lead
}

export const mapLeadPage = (
  body: { readonly data: ReadonlyArray<WireLead>; readonly meta: Record<string, any> }
): PageResult<Lead> => {
  const m = body.meta
  const meta: { -readonly [K in keyof PageMeta]: PageMeta[K] } = {
    totalPages: m.totalPages ?? m.total_pages,
    totalRecords: m.totalRecords ?? m.total_count ?? m.total_records
  }
  if (m.current_page != null) meta.page = m.current_page
  if (m.per_page != null) meta.records = m.per_page
  return { data: body.data.map(mapLead), meta }
}

const utf8 = new TextDecoder()

/** Bytes to leads: `JSON.parse` and the mapper. */
export const baselineDecode = (bytes: ArrayBuffer): PageResult<Lead> => mapLeadPage(JSON.parse(utf8.decode(bytes)))
