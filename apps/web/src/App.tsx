import { Link, Route, Switch } from "wouter"
import { Board } from "./pages/Board.js"
import { Meetings } from "./pages/Meetings.js"
import { Opportunities } from "./pages/Opportunities.js"
import { OpportunityPage } from "./pages/Opportunity.js"

export function App() {
  return (
    <>
      <header className="top">
        <strong>blocks-crm</strong>
        <nav>
          <Link href="/">Leads</Link>
          <Link href="/opportunities">Opportunities</Link>
          <Link href="/meetings">This week</Link>
        </nav>
      </header>
      <Switch>
        <Route path="/" component={Board} />
        <Route path="/opportunities" component={Opportunities} />
        <Route path="/opportunities/:id">{(params) => <OpportunityPage id={params.id} />}</Route>
        <Route path="/meetings" component={Meetings} />
        <Route>
          <main className="page" data-testid="unknown-page">
            <h1>No such page</h1>
            <Link href="/">Back to the leads</Link>
          </main>
        </Route>
      </Switch>
    </>
  )
}
