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
  // The provider makes the client from the settings and closes it when the app unmounts. It sits
  // outside StrictMode: StrictMode's simulated remount runs the provider's effect cleanup (which
  // unregisters its client from the QueryClient) before the pages' queries start again, and children's
  // effects run before their parent's, so in development the first queries would find no client.
  root.render(
    <QueryClientProvider client={queryClient}>
      <CrmProvider settings={config} domains={domains}>
        <StrictMode>
          <App />
        </StrictMode>
      </CrmProvider>
    </QueryClientProvider>
  )
}
