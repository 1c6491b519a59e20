/**
 * A tiny loopback HTTP server that answers with wire documents (test/fixtures/*.json), and the comms
 * services connected to it through `CrmTransport.layerFetch`. crm-block.md shows no example body for
 * subscribers or mail templates, so the fixtures follow the official SDK's field lists
 * (official-fields.md), in the live API's conventions (`null` attributes, snake_case pagination meta).
 * Every request that reaches the server is recorded, so a test can prove what was sent.
 */
import { CrmTransport } from "@blocks-crm/core-http"
import type { CrmError } from "@blocks-crm/core-http"
import {
  CommsServicesLive,
  MailTemplatesService,
  MandrillTemplatesService,
  SubscribersService
} from "@blocks-crm/comms"
import type { CommsServices } from "@blocks-crm/comms"
import * as LoopbackServer from "@blocks-crm/test-server"
import { expect } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as fs from "node:fs"

export const TOKEN = "tok_fixture_7c1e"
export const API_KEY = "pk_fixture_4b9a"

/** The text of `test/fixtures/<name>.json`, as written from the official SDK's field lists. */
export const fixtureText = (name: string): string =>
  fs.readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")

/** The parsed fixture, to derive variants from (a field removed, a value changed). */
export const fixtureJson = (name: string): any => JSON.parse(fixtureText(name))

import type { LoopbackServer as FixtureServer } from "@blocks-crm/test-server"

export type { Answer, LoopbackServer as FixtureServer, Received as ReceivedRequest } from "@blocks-crm/test-server"

/** A fixture server for the current scope. Unrouted requests get 501. */
export const make = LoopbackServer.make

/** Every comms service. */
export interface Services {
  readonly subscribers: SubscribersService
  readonly templates: MailTemplatesService
  readonly mandrill: MandrillTemplatesService
}

/** The services' `Default` layers on `CrmTransport.layerFetch`, pointed at the fixture server. */
export const clientLayer = (
  server: Pick<FixtureServer, "url">
): Layer.Layer<CommsServices, CrmError.ConfigurationError> =>
  CommsServicesLive.pipe(
    Layer.provide(CrmTransport.layerFetch({
      apiUrl: server.url,
      authToken: TOKEN,
      apiKey: API_KEY,
      timeout: Duration.seconds(5),
      retry: { baseDelay: Duration.millis(5) }
    }))
  )

/** The services, connected to `server`. */
export const connect = (server: Pick<FixtureServer, "url">): Effect.Effect<Services, CrmError.ConfigurationError> =>
  Effect.all({
    subscribers: SubscribersService,
    templates: MailTemplatesService,
    mandrill: MandrillTemplatesService
  }).pipe(Effect.provide(clientLayer(server)))

/** Asserts the tag of an error and narrows it. */
export const expectTag = <E extends { readonly _tag: string }, const T extends E["_tag"]>(
  error: E,
  tag: T
): Extract<E, { readonly _tag: T }> => {
  expect(error._tag, `expected ${tag}, got ${error._tag}: ${String((error as { message?: unknown }).message)}`).toBe(
    tag
  )
  return error as Extract<E, { readonly _tag: T }>
}
