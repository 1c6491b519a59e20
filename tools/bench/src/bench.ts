/**
 * `pnpm bench [-- --quick] [-- --only decode,request,request-fixed,cache,stream,emulator,emulator-start,cli]`: measures the SDK side by side
 * with hand-written baselines and prints markdown tables; the same figures, with the machine they were
 * measured on, go to tools/bench/results/latest.json. Nothing here fails on a figure: targets are
 * reported as met or missed.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import { runCliStart } from "./CliStart.js"
import { cacheSection, runCache } from "./CacheBench.js"
import { runDecode } from "./DecodeBench.js"
import { runEmulatorLoad } from "./EmulatorLoad.js"
import { runEmulatorStart } from "./EmulatorStart.js"
import {
  cliSection,
  decodeSection,
  emulatorStartSection,
  fixedRequestSection,
  layersSection,
  loadSection,
  machineLine,
  requestSection,
  streamSection
} from "./Report.js"
import type { Machine } from "./Report.js"
import { runRequest } from "./RequestBench.js"
import { runRequestFixed } from "./RequestFixed.js"
import { runRequestLayers } from "./RequestLayers.js"
import { runStream } from "./StreamBench.js"

const argv = process.argv.slice(2)
const quick = argv.includes("--quick")
const onlyArg = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ??
  (argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined)
const suites = new Set((onlyArg ?? "decode,request,cache,stream,emulator,cli").split(",").map((s) => s.trim()))

const machine: Machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
  node: process.version,
  platform: os.platform(),
  arch: os.arch(),
  totalMemoryGb: Math.round(os.totalmem() / 1024 ** 3),
  loadAverage: os.loadavg()
}
const date = new Date().toISOString()
if ((globalThis as { gc?: unknown }).gc === undefined) {
  console.warn("note: run with --expose-gc (as `pnpm bench` does) so rounds start from a collected heap")
}

const started = performance.now()
const results: Record<string, unknown> = {}
const sections: Array<string> = []
const step = (name: string) => console.error(`… ${name} (${((performance.now() - started) / 1000).toFixed(0)} s)`)

if (suites.has("decode")) {
  step("decode")
  const decode = runDecode({ quick })
  results["decode"] = decode
  sections.push(decodeSection(decode))
}
// `request` runs the fixed-response mode (the client alone), the emulator mode and the cost by layer;
// `request-fixed` only the first.
if (suites.has("request") || suites.has("request-fixed")) {
  step("request overhead, fixed-response server")
  const fixed = await runRequestFixed({ quick })
  sections.push(fixedRequestSection(fixed))
  let request: Record<string, unknown> = { fixed }
  if (suites.has("request")) {
    step("request overhead, emulator")
    const emulator = await runRequest({ quick })
    request = { ...emulator, fixed }
    sections.push(requestSection(emulator))
    step("request cost by layer")
    const layers = await runRequestLayers({ quick })
    results["requestLayers"] = layers
    sections.push(layersSection(layers))
  }
  results["request"] = request
}
if (suites.has("cache")) {
  step("record cache")
  const cache = await runCache({ quick })
  results["cache"] = cache
  sections.push(cacheSection(cache))
}
if (suites.has("stream")) {
  step("streaming")
  const stream = await runStream({ quick })
  results["stream"] = stream
  sections.push(streamSection(stream))
}
if (suites.has("emulator")) {
  step("emulator load")
  const emulator = await runEmulatorLoad({ quick })
  results["emulator"] = emulator
  sections.push(loadSection(emulator))
}
// Start and reset run in this process (as in a test runner), so they are measured after the load runs.
if (suites.has("emulator") || suites.has("emulator-start")) {
  step("emulator start and reset")
  const start = await runEmulatorStart({ quick })
  results["emulatorStart"] = start
  sections.push(emulatorStartSection(start))
}
if (suites.has("cli")) {
  step("cli start")
  const cli = await runCliStart({ quick })
  results["cli"] = cli
  sections.push(cliSection(cli))
}

const durationSeconds = Math.round((performance.now() - started) / 1000)
const markdown = [
  "## @blocks-crm benchmarks",
  "",
  machineLine(machine, date, quick),
  "",
  sections.join("\n\n"),
  "",
  `Total ${durationSeconds} s.`
].join("\n")
console.log(markdown)

const out = new URL("../results/latest.json", import.meta.url)
fs.mkdirSync(new URL(".", out), { recursive: true })
// With --only, the other suites' figures of the last full run stay in the file (each suite says its date).
const previous = onlyArg !== undefined && fs.existsSync(out)
  ? (JSON.parse(fs.readFileSync(out, "utf8")) as Record<string, unknown>)
  : {}
const dated = Object.fromEntries(
  Object.entries(results).map(([name, value]) => [name, { ...(value as object), date }])
)
fs.writeFileSync(
  out,
  JSON.stringify(
    onlyArg === undefined
      ? { date, quick, machine, durationSeconds, suites: [...suites], ...results, markdown }
      : { ...previous, ...dated, [`markdown:${[...suites].join(",")}`]: markdown },
    null,
    2
  ) + "\n"
)
console.error(`wrote ${out.pathname}`)
