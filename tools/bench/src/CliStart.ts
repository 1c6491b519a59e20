/**
 * How fast the published `crm` starts: the built bin (`packages/cli/dist`, built here first) spawned
 * as a user runs it, `crm --help` and `crm leads list --json` against an emulator in its own process,
 * beside `node -e 0` (the floor: Node's own start) in the same interleaved rounds; wall time, medians.
 * Also the help's line counts.
 */
import { execFileSync, spawnSync } from "node:child_process"
import * as path from "node:path"
import { createLead, credentials, repoRoot, startEmulatorProcess } from "./EmulatorProcess.js"

/** Medians of each command line's wall time, in milliseconds, and the targets. */
export interface CliStartResult {
  readonly rounds: number
  readonly floorMs: number
  readonly helpMs: number
  readonly listMs: number
  readonly helpTargetMs: 200
  readonly listTargetMs: 300
  readonly helpLines: { readonly root: number; readonly leads: number; readonly leadsCreate: number }
}

const median = (values: ReadonlyArray<number>) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const cliDir = path.join(repoRoot, "packages", "cli")
const bin = path.join(cliDir, "dist", "bin.js")

const timed = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv) => {
  const start = performance.now()
  const run = spawnSync(process.execPath, args, { env, encoding: "utf8" })
  const ms = performance.now() - start
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`)
  return { ms, stdout: run.stdout }
}

/** Builds the CLI, then measures `--help` and `leads list --json` beside `node -e 0`. */
export const runCliStart = async (options: { readonly quick: boolean }): Promise<CliStartResult> => {
  execFileSync("pnpm", ["run", "build"], { cwd: cliDir, stdio: "ignore" })
  const emulator = await startEmulatorProcess({})
  try {
    await createLead(emulator.url, "Start-up lead")
    // Nothing of the caller's environment that changes the CLI's output (colour, a real API).
    const base = Object.fromEntries(
      Object.entries(process.env).filter(([name]) =>
        !name.startsWith("BLOCKS_") && name !== "FORCE_COLOR" && !name.startsWith("NODE_OPTIONS")
      )
    )
    const env = {
      ...base,
      BLOCKS_API_URL: emulator.url,
      BLOCKS_AUTH_TOKEN: credentials.token,
      BLOCKS_API_KEY: credentials.apiKey
    }
    const lines = (args: ReadonlyArray<string>) => timed([bin, ...args], env).stdout.trimEnd().split("\n").length
    const helpLines = {
      root: lines(["--help"]),
      leads: lines(["leads", "--help"]),
      leadsCreate: lines(["leads", "create", "--help"])
    }
    const variants = {
      floor: ["-e", "0"],
      help: [bin, "--help"],
      list: [bin, "leads", "list", "--json"]
    } as const
    const names = Object.keys(variants) as Array<keyof typeof variants>
    const times: Record<keyof typeof variants, Array<number>> = { floor: [], help: [], list: [] }
    // One warm-up round (the file cache), then interleaved rounds, the order turning each round.
    for (const name of names) timed(variants[name], env)
    const rounds = options.quick ? 5 : 15
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? names : [...names].reverse()
      for (const name of order) times[name].push(timed(variants[name], env).ms)
    }
    return {
      rounds,
      floorMs: median(times.floor),
      helpMs: median(times.help),
      listMs: median(times.list),
      helpTargetMs: 200,
      listTargetMs: 300,
      helpLines
    }
  } finally {
    await emulator.stop()
  }
}
