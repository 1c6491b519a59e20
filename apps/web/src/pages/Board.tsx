import type { Lead, LeadStage, OpportunityStage } from "@blocks-crm/pipeline"
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useEffect, useState } from "react"
import { useLocation } from "wouter"
import { crmMutations, crmQueries, useCrmBlock } from "@blocks-crm/react"
import { ErrorView } from "../ErrorView.js"
import { describeError, formatMoney } from "../format.js"

/** The reference's lead stages (crm-leads.md), in pipeline order: the board's columns. */
const stages: ReadonlyArray<LeadStage> = ["new", "contacted", "qualified", "proposal", "negotiation"]

/** The opportunity stage a converted lead starts in. */
const opportunityStage: Record<LeadStage, OpportunityStage> = {
  new: "discovery",
  contacted: "discovery",
  qualified: "qualification",
  proposal: "proposal",
  negotiation: "negotiation"
}

const isKnownStage = (stage: string | undefined): stage is LeadStage => stages.includes(stage as LeadStage)

/** The leads board: every lead in its stage's column, a form to add one, and converting one. */
export function Board() {
  // Every page of the listing: the board shows every lead, however many pages they take.
  const leads = useInfiniteQuery(crmQueries.leads.pages({ records: 100 }))
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = leads
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  if (leads.isPending) return <main className="page" aria-busy="true">Loading leads…</main>
  if (leads.isError) return <ErrorView error={leads.error} title="The leads could not be loaded" />
  const all: ReadonlyArray<Lead> = leads.data.pages.flatMap((page) => page.data)
  const other = all.filter((lead) => !isKnownStage(lead.stage))
  return (
    <main className="page">
      <h1>
        Leads <small data-testid="lead-count">{all.length}</small>
        {leads.isFetching ? <small className="muted">{" refreshing…"}</small> : null}
      </h1>
      <NewLeadForm />
      <section className="board" data-testid="board">
        {stages.map((stage) => <Column key={stage} title={stage} leads={all.filter((lead) => lead.stage === stage)} />)}
        {other.length > 0 ? <Column title="other" leads={other} /> : null}
      </section>
    </main>
  )
}

function Column({ title, leads }: { readonly title: string; readonly leads: ReadonlyArray<Lead> }) {
  const total = leads.reduce((sum, lead) => sum + (lead.value ?? 0), 0)
  return (
    <div className="column" data-stage={title}>
      <h2>
        {title} <small>{leads.length} · {formatMoney(total)}</small>
      </h2>
      <ul>
        {leads.map((lead) => <LeadCard key={lead.uniqueId} lead={lead} />)}
      </ul>
    </div>
  )
}

function LeadCard({ lead }: { readonly lead: Lead }) {
  return (
    <li className={`card ${lead.status}`} data-testid="lead">
      <div className="name">{lead.name}</div>
      <div className="muted">
        {formatMoney(lead.value)}
        {lead.probability === undefined ? null : ` · ${lead.probability}%`}
        {lead.source === undefined ? null : ` · ${lead.source}`}
      </div>
      {lead.status === "converted" ? <div className="badge">converted</div> : <ConvertButton lead={lead} />}
    </li>
  )
}

/**
 * The reference's "Convert to opportunity" (crm-block.md): the opportunity created from the lead, then
 * the lead marked converted; the board and the opportunities refresh, and the new opportunity opens.
 */
function ConvertButton({ lead }: { readonly lead: Lead }) {
  const { client } = useCrmBlock()
  const queryClient = useQueryClient()
  const [, navigate] = useLocation()
  const convert = useMutation({
    mutationFn: async () => {
      const closeDate = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10)
      const opportunity = await client.crm.opportunities.create({
        name: lead.name,
        ...(lead.accountId === undefined ? {} : { accountId: lead.accountId }),
        ...(lead.value === undefined ? {} : { value: lead.value }),
        ...(isKnownStage(lead.stage) ? { stage: opportunityStage[lead.stage] } : {}),
        ...(lead.probability === undefined ? {} : { probability: lead.probability }),
        closeDate
      })
      await client.crm.leads.update(lead.uniqueId, { status: "converted" })
      return opportunity
    },
    onSuccess: async (opportunity) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["crm", "leads"] }),
        queryClient.invalidateQueries({ queryKey: ["crm", "opportunities"] })
      ])
      navigate(`/opportunities/${opportunity.uniqueId}`)
    }
  })
  return (
    <>
      <button type="button" disabled={convert.isPending} onClick={() => convert.mutate()}>
        {convert.isPending ? "Converting…" : "Convert to opportunity"}
      </button>
      {convert.isError ? <p className="error">{describeError(convert.error).message}</p> : null}
    </>
  )
}

/** A new lead: name, source, value, stage and probability; the board refreshes once it is created. */
function NewLeadForm() {
  const create = useMutation(crmMutations.leads.create())
  const [name, setName] = useState("")
  const [source, setSource] = useState("website")
  const [value, setValue] = useState("")
  const [stage, setStage] = useState<LeadStage>("new")
  const [probability, setProbability] = useState("")
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate(
      {
        name,
        source,
        stage,
        ...(value === "" ? {} : { value: Number(value) }),
        ...(probability === "" ? {} : { probability: Number(probability) })
      },
      { onSuccess: () => (setName(""), setValue(""), setProbability("")) }
    )
  }
  const error = create.isError ? describeError(create.error) : undefined
  return (
    <form className="new-lead" onSubmit={submit} aria-label="New lead">
      <input name="name" placeholder="Lead name" required value={name} onChange={(e) => setName(e.target.value)} />
      <select name="source" value={source} onChange={(e) => setSource(e.target.value)}>
        {["website", "referral", "cold_call", "event"].map((s) => <option key={s}>{s}</option>)}
      </select>
      <input
        name="value"
        type="number"
        min="0"
        placeholder="Value (USD)"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <select name="stage" value={stage} onChange={(e) => setStage(e.target.value as LeadStage)}>
        {stages.map((s) => <option key={s}>{s}</option>)}
      </select>
      <input
        name="probability"
        type="number"
        min="0"
        max="100"
        placeholder="Probability %"
        className="narrow"
        value={probability}
        onChange={(e) => setProbability(e.target.value)}
      />
      <button type="submit" disabled={create.isPending}>{create.isPending ? "Adding…" : "Add lead"}</button>
      {error === undefined ? null : (
        <p className="error" data-testid="form-error">
          <code>{error.tag}</code> {error.message}
        </p>
      )}
    </form>
  )
}
