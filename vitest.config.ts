import { defineConfig } from "vitest/config"

// One run over every project; workspace packages resolve to their TypeScript sources.
export default defineConfig({
  resolve: { conditions: ["@blocks-crm/source"] },
  ssr: { resolve: { conditions: ["@blocks-crm/source"] } },
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "tools/*/vitest.config.ts"],
    // The JSON report is what .ci/run counts.
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]]
  }
})
