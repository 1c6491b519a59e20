import type { Opportunity } from "@blocks-crm/pipeline"
import { useSuspenseQuery } from "@tanstack/react-query"
import { Suspense } from "react"
import { Link } from "wouter"
import { crmQueries } from "../crm.js"
import { ErrorBoundary, ErrorView } from "../ErrorView.js"
import { formatMoney } from "../format.js"

/** One opportunity; an id the API does not know is the 404 page, with the SDK's `NotFound` and its message. */
export function OpportunityPage({ id }: { readonly id: string }) {
  return (
    <ErrorBoundary key={id} fallback={(error) => <ErrorView error={error} />}>
      <Suspense fallback={<main className="page" aria-busy="true">Loading the opportunity…</main>}>
        <OpportunityDetails id={id} />
      </Suspense>
    </ErrorBoundary>
  )
}

function OpportunityDetails({ id }: { readonly id: string }) {
  const { data } = useSuspenseQuery(crmQueries.opportunities.get(id))
  const opportunity: Opportunity = data
  return (
    <main className="page" data-testid="opportunity-page">
      <p>
        <Link href="/opportunities">← Opportunities</Link>
      </p>
      <h1>{opportunity.name}</h1>
      <dl className="facts">
        <dt>Stage</dt>
        <dd>{opportunity.stage ?? "—"}</dd>
        <dt>Status</dt>
        <dd>{opportunity.status}</dd>
        <dt>Value</dt>
        <dd>{formatMoney(opportunity.value)}</dd>
        <dt>Probability</dt>
        <dd>{opportunity.probability === undefined ? "—" : `${opportunity.probability}%`}</dd>
        <dt>Close date</dt>
        <dd>{opportunity.closeDate ?? "—"}</dd>
      </dl>
    </main>
  )
}
