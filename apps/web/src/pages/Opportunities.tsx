import type { Opportunity } from "@blocks-crm/pipeline"
import { useQuery } from "@tanstack/react-query"
import { Link } from "wouter"
import { crmQueries } from "@blocks-crm/react"
import { ErrorView } from "../ErrorView.js"
import { formatMoney } from "../format.js"

/** Every opportunity, each linking to its page. */
export function Opportunities() {
  const opportunities = useQuery(crmQueries.opportunities.list({ page: 1, records: 200 }))
  if (opportunities.isPending) return <main className="page" aria-busy="true">Loading opportunities…</main>
  if (opportunities.isError) return <ErrorView error={opportunities.error} />
  const all: ReadonlyArray<Opportunity> = opportunities.data.data
  return (
    <main className="page">
      <h1>Opportunities</h1>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Stage</th>
            <th>Value</th>
            <th>Close date</th>
          </tr>
        </thead>
        <tbody>
          {all.map((opportunity) => (
            <tr key={opportunity.uniqueId} data-testid="opportunity">
              <td>
                <Link href={`/opportunities/${opportunity.uniqueId}`}>{opportunity.name}</Link>
              </td>
              <td>{opportunity.stage ?? "—"}</td>
              <td>{formatMoney(opportunity.value)}</td>
              <td>{opportunity.closeDate ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  )
}
