/**
 * A ready-made Vitest `globalSetup`: one emulator for the whole run, in memory on a free loopback
 * port, its address and credentials exported as the variables the SDK reads (`BLOCKS_API_URL`,
 * `BLOCKS_AUTH_TOKEN`, `BLOCKS_API_KEY`), and stopped when the run ends.
 *
 *   // vitest.config.ts
 *   export default defineConfig({ test: { globalSetup: ["@blocks-crm/emulator/vitest"] } })
 *
 *   // a test
 *   const client = createCrmClient({ ...fromEnv, domains: [pipeline] })  // or CrmClient.layerFromEnv()
 *
 * The variables are set before Vitest starts its workers, which inherit them. `BLOCKS_EMULATOR_SEED`
 * names a fixtures file to start with. For options of your own, write the three lines yourself:
 * `const emulator = await startEmulator({ ... })`, set the variables, return `emulator.close`.
 */
import { startEmulator } from "./RunningEmulator.js"

/** Starts the emulator, exports `BLOCKS_API_URL`, `BLOCKS_AUTH_TOKEN` and `BLOCKS_API_KEY`; returns the teardown. */
export default async function setup(): Promise<() => Promise<void>> {
  const seed = process.env["BLOCKS_EMULATOR_SEED"]
  const emulator = await startEmulator(seed === undefined || seed === "" ? {} : { seed })
  process.env["BLOCKS_API_URL"] = emulator.url
  process.env["BLOCKS_AUTH_TOKEN"] = emulator.authToken
  process.env["BLOCKS_API_KEY"] = emulator.apiKey
  return () => emulator.close()
}
