/**
 * `CrmClient` and its transport over an emulator started with the published `startEmulator()` (in
 * memory, or on a database file), stopped with the layer: what the demo's chapter tests run on.
 */
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import { startEmulator } from "@blocks-crm/emulator"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { CrmClient } from "@blocks-crm/sdk"

/** `CrmClient` over a fresh emulator, and its transport (the demo's companies chapter reads its settings). */
export const client = (db?: string) =>
  CrmClient.Default.pipe(Layer.provideMerge(Layer.unwrapScoped(
    Effect.acquireRelease(
      Effect.promise(() => startEmulator(db === undefined ? {} : { db })),
      (emulator) => Effect.promise(() => emulator.close())
    ).pipe(
      Effect.map((emulator) =>
        CrmTransport.layerFetch({
          apiUrl: emulator.url,
          authToken: emulator.authToken,
          apiKey: emulator.apiKey,
          retry: { times: 0 }
        })
      )
    )
  )))
