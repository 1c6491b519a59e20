/**
 * `pnpm web`: the emulator (in memory, with the app's seed data) and Vite's dev server pointed at it,
 * which serves the emulator's URL and local credentials as `/config.json`. Ctrl-C stops both.
 *
 *   pnpm web [--port 5173] [--emulator-port 0] [--host 127.0.0.1]
 */
import { startEmulator } from "@blocks-crm/emulator"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { createServer } from "vite"
import { fixtures } from "./seed.js"

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "5173" },
    "emulator-port": { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" }
  }
})
const appRoot = fileURLToPath(new URL("../", import.meta.url))

const emulator = await startEmulator({ seed: fixtures(), port: Number(values["emulator-port"]), host: values.host })
const config = JSON.stringify({ apiUrl: emulator.url, authToken: emulator.authToken, apiKey: emulator.apiKey })
const vite = await createServer({
  root: appRoot,
  configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
  server: { host: values.host, port: Number(values.port) },
  plugins: [{
    name: "blocks-crm-config",
    configureServer: (server) => {
      server.middlewares.use("/config.json", (_request, response) => {
        response.setHeader("content-type", "application/json")
        response.setHeader("cache-control", "no-store")
        response.end(config)
      })
    }
  }]
})
await vite.listen()

const url = vite.resolvedUrls?.local[0] ?? `http://${values.host}:${values.port}/`
console.log(`The web app: ${url}`)
console.log(`The emulator: ${emulator.url} (seeded; in memory, gone when this stops)`)
console.log("Ctrl-C stops both.")

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await vite.close()
  await emulator.close()
  process.exit(0)
}
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
