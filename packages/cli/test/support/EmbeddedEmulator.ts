/**
 * The emulator on loopback with an in-memory database (or a given file), and the client over it.
 */
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import { Emulator } from "@blocks-crm/emulator"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { CrmClient } from "@blocks-crm/sdk"

/** Settings of the client for an emulator that is running. */
export const settingsFor = (info: Emulator.EmulatorInfo) => ({
  apiUrl: info.url,
  authToken: info.seeds.tokens[0]!,
  apiKey: info.seeds.apiKeys[0]!,
  retry: { times: 0 }
})

/** The transport to a fresh emulator, alive as long as the layer. */
export const transport = (database = ":memory:"): Layer.Layer<CrmTransport.CrmTransport> =>
  Layer.unwrapScoped(
    Effect.map(Emulator.start({ database, port: 0 }), (info) => CrmTransport.layerFetch(settingsFor(info)))
  ).pipe(Layer.orDie)

/** `CrmClient` over a fresh emulator, and its transport (the demo's companies chapter reads its settings). */
export const client = (database?: string) => CrmClient.Default.pipe(Layer.provideMerge(transport(database)))
