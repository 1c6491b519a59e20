import { createCrmClient } from "@blocks-crm/client"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { App } from "./App.js"
import { loadConfig } from "./config.js"
import { CrmProvider, domains } from "./crm.js"
import "./styles.css"

const root = createRoot(document.getElementById("root")!)
const config = await loadConfig()

if (typeof config === "string") {
  root.render(
    <main className="page">
      <h1>No API configured</h1>
      <p>{config}. Start the app with `pnpm web`, or put a config.json beside index.html.</p>
    </main>
  )
} else {
  // One client for the page's lifetime; the queries' cache is TanStack's.
  const client = createCrmClient({ ...config, domains })
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } })
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <CrmProvider client={client}>
          <App />
        </CrmProvider>
      </QueryClientProvider>
    </StrictMode>
  )
}
