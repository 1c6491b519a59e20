import { defineConfig } from "vitest/config"

/**
 * Projects whose test files each need a fresh worker: react's import test records what the package's
 * first import in the process reads; in the emulator's, record-cache-ttl's `TestClock.testClock()`
 * found the live clock in some orders of its 53 files when they shared a worker (not understood yet).
 */
const isolated = new Set(["react", "emulator"])

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
      // A project's test files share one worker's module cache instead of each importing Effect, the
      // platform and the workspace sources afresh in a new process: the import is most of a file's
      // time (the emulator's 53 files took 248 s of CPU isolated, 83 s shared). Every file starts its
      // own servers and stops them in its own hooks, so nothing but loaded modules carries over.
      isolate: isolated.has(name),
      // When a project runs on its own (`pnpm test` runs `vitest run` in each project through Nx), it
      // writes its own JSON report, which .ci/run adds up. In one root `vitest run` over every
      // project, only the root config's reporters apply.
      reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]]
    }
  })
