import { defineProject } from "vitest/config"

/** Per-project settings: sources of workspace packages, Node environment, generous loopback timeouts. */
export const project = (name: string) =>
  defineProject({
    resolve: { conditions: ["@blocks-crm/source"] },
    ssr: { resolve: { conditions: ["@blocks-crm/source"] } },
    test: {
      name,
      include: ["test/**/*.test.ts"],
      environment: "node",
      testTimeout: 30_000,
      hookTimeout: 60_000
    }
  })
