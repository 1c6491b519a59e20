/**
 * Builds the published emulator: the library entries with tsc (types and ESM for `startEmulator`,
 * `EmulatorDomain` and the kit), then the bin as one ESM bundle (esbuild). Resolving ~1,000 files of
 * Effect, the platform and the domain packages one by one was most of the bin's start (2.4 s against
 * 1.0 s bundled, measured spawn to its `--json` line). better-sqlite3 is native and stays a dependency.
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as esbuild from "esbuild"

execFileSync(
  process.execPath,
  [new URL(import.meta.resolve("typescript/bin/tsc")).pathname, "-b", "tsconfig.src.json"],
  {
    stdio: "inherit"
  }
)
await esbuild.build({
  entryPoints: { bin: "src/bin.ts" },
  outdir: "dist",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "linked",
  // better-sqlite3 is native; it is the emulator's own dependency so the bundle resolves it.
  external: ["better-sqlite3"],
  // The workspace packages from their sources, as the tests run them (no build of theirs needed first).
  conditions: ["@blocks-crm/source"],
  // The bundled CommonJS modules call require.
  banner: {
    js:
      "import { createRequire as __createRequire } from \"node:module\"; const require = __createRequire(import.meta.url);"
  },
  logLevel: "warning"
})
// The shebang of src/bin.ts is kept by esbuild; the file must be executable for npm's bin link.
fs.chmodSync("dist/bin.js", 0o755)
// tsc's map of the unbundled bin no longer matches it.
fs.rmSync("dist/bin.js.map", { force: true })
