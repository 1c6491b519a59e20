import { useMutation, useSuspenseQuery } from "@tanstack/react-query"
import { Suspense } from "react"
import { Link } from "wouter"
import { crmMutations, crmQueries } from "@blocks-crm/react"
import { ErrorBoundary, ErrorView } from "../ErrorView.js"
import { describeError, formatMoney } from "../format.js"

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
  const { data: opportunity } = useSuspenseQuery(crmQueries.opportunities.get(id))
  // The update invalidates the opportunities' queries, so this page reads the record back.
  const close = useMutation(crmMutations.opportunities.update())
  const closed = opportunity.status === "won" || opportunity.status === "lost"
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
      {closed ? null : (
        <p>
          <button
            type="button"
            disabled={close.isPending}
            onClick={() => close.mutate([id, { status: "won", stage: "closed_won", probability: 100 }])}
          >
            Mark won
          </button>{" "}
          <button
            type="button"
            disabled={close.isPending}
            onClick={() => close.mutate([id, { status: "lost", stage: "closed_lost", probability: 0 }])}
          >
            Mark lost
          </button>
        </p>
      )}
      {close.isError ? <p className="error">{describeError(close.error).message}</p> : null}
    </main>
  )
}
