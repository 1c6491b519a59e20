/**
 * Builds the published CLI: one ESM bundle split at its dynamic imports (esbuild), so `crm --help`
 * loads only the help, and a command loads the CLI and the one domain it runs on (with ~1,000 files of
 * Effect and the domain packages, resolving modules one by one was most of the start time). Then
 * writes the command tree (`dist/commands.json`) by reflecting the domains' contracts, which the help
 * reads. better-sqlite3 (the embedded emulator's database, a native module) stays a dependency.
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as esbuild from "esbuild"

fs.rmSync("dist", { recursive: true, force: true })
const result = await esbuild.build({
  entryPoints: { bin: "src/bin.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: process.env.CRM_BUILD_PLAIN === undefined,
  legalComments: "linked",
  chunkNames: "chunks/[name]-[hash]",
  external: ["better-sqlite3"],
  // The workspace packages from their sources, as the tests run them (no build of theirs needed first).
  conditions: ["@blocks-crm/source"],
  // The bundled CommonJS modules (undici, cliui's helpers) call require.
  banner: {
    js:
      "import { createRequire as __createRequire } from \"node:module\"; const require = __createRequire(import.meta.url);"
  },
  metafile: true,
  logLevel: "warning"
})
// The shebang of src/bin.ts is kept by esbuild; the file must be executable for npm's bin link.
fs.chmodSync("dist/bin.js", 0o755)
if (process.env.CRM_BUILD_META) fs.writeFileSync(process.env.CRM_BUILD_META, JSON.stringify(result.metafile))

const tree = execFileSync(
  process.execPath,
  ["--conditions=@blocks-crm/source", "--import", "tsx", "src/cli/writeTree.ts"],
  { encoding: "utf8" }
)
fs.writeFileSync("dist/commands.json", tree)
