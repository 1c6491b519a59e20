import { CrmProvider } from "@blocks-crm/react"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { App } from "./App.js"
import { loadConfig } from "./config.js"
import { domains } from "./crm.js"
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
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } })
  // The provider makes the client from the settings and closes it when the app unmounts.
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <CrmProvider settings={config} domains={domains}>
          <App />
        </CrmProvider>
      </QueryClientProvider>
    </StrictMode>
  )
}
