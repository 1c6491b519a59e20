/**
 * The emulator in a team's test suite: started once per run, its data emptied between tests, the SDK
 * pointed at it through the `BLOCKS_*` variables it reads.
 *
 *   npm install --save-dev @blocks-crm/emulator
 */
import { pipeline } from "@blocks-crm/pipeline/domain"
import { createCrmClient } from "@blocks-crm/client"
import { startEmulator } from "@blocks-crm/emulator"
import type { RunningEmulator } from "@blocks-crm/emulator"

// Vitest: vitest.config.ts
export const vitestConfig = { test: { globalSetup: ["@blocks-crm/emulator/vitest"] } }

// Any runner: start it, reset between tests, close at the end.
const emulator = await startEmulator({ seed: "test/fixtures/crm.json" })
const client = createCrmClient({
  apiUrl: emulator.url,
  authToken: emulator.authToken,
  apiKey: emulator.apiKey,
  domains: [pipeline]
})
await client.crm.leads.create({ name: "Acme renewal", value: 40_000 })
await emulator.reset() // every tenant's data gone, fixtures included; the credentials still work
await client.close()
await emulator.close()

// Jest: jest.config.js names globalSetup.ts and globalTeardown.ts
type WithEmulator = typeof globalThis & { blocksCrmEmulator?: RunningEmulator }

export async function globalSetup() {
  const started = await startEmulator()
  process.env.BLOCKS_API_URL = started.url
  process.env.BLOCKS_AUTH_TOKEN = started.authToken
  process.env.BLOCKS_API_KEY = started.apiKey
  ;(globalThis as WithEmulator).blocksCrmEmulator = started
}

export async function globalTeardown() {
  await (globalThis as WithEmulator).blocksCrmEmulator?.close()
}
