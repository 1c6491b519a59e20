import { defineConfig } from "vitest/config"

/** Per-project settings: sources of workspace packages, Node environment, generous loopback timeouts. */
export const project = (name: string) =>
  defineConfig({
    resolve: { conditions: ["@blocks-crm/source"] },
    // Tests run on Node.js, so packages resolve as Node.js resolves them (`node`: core-http's DefaultTransport).
    ssr: { resolve: { conditions: ["@blocks-crm/source", "node"] } },
    test: {
      name,
      include: ["test/**/*.test.ts"],
      environment: "node",
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // When a project runs on its own (`pnpm test` runs `vitest run` in each project through Nx), it
      // writes its own JSON report, which .ci/run adds up. In one root `vitest run` over every
      // project, only the root config's reporters apply.
      reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]]
    }
  })
