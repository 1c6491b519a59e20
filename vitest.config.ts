import { defineConfig } from "vitest/config"

// One run over every project; workspace packages resolve to their TypeScript sources.
export default defineConfig({
  resolve: { conditions: ["@blocks-crm/source"] },
  // Tests run on Node.js, so packages resolve as Node.js resolves them (`node`: core-http's DefaultTransport).
  ssr: { resolve: { conditions: ["@blocks-crm/source", "node"] } },
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "tools/*/vitest.config.ts"],
    // The JSON report is what .ci/run counts.
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]]
  }
})
