/**
 * A tiny loopback HTTP server that answers with the reference's documented responses
 * (test/fixtures/*.json, copied verbatim from crm-leads.md and crm-opportunities.md), and the pipeline
 * services connected to it through `CrmTransport.layerFetch`. Every request that reaches the server is
 * recorded, so a test can prove that nothing was sent.
 */
import { CrmTransport } from "@blocks-crm/core-http"
import type { CrmError } from "@blocks-crm/core-http"
import {
  LeadFollowsService,
  LeadsService,
  OpportunitiesService,
  QuotesService,
  ReferralsService,
  PipelineServicesLive,
  TouchesService
} from "@blocks-crm/pipeline"
import type { PipelineServices } from "@blocks-crm/pipeline"
import * as LoopbackServer from "@blocks-crm/test-server"
import { expect } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as fs from "node:fs"

export const TOKEN = "tok_fixture_7c1e"
export const API_KEY = "pk_fixture_4b9a"

/** The text of `test/fixtures/<name>.json`, exactly as copied from the reference. */
export const fixtureText = (name: string): string =>
  fs.readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")

/** The parsed fixture, to derive variants from (a field removed, a value changed). */
export const fixtureJson = (name: string): any => JSON.parse(fixtureText(name))

import type { LoopbackServer as FixtureServer } from "@blocks-crm/test-server"

export type { Answer, LoopbackServer as FixtureServer, Received as ReceivedRequest } from "@blocks-crm/test-server"

/** A fixture server for the current scope. Unrouted requests get 501. */
export const make = LoopbackServer.make

/** Every pipeline service. */
export interface Services {
  readonly leads: LeadsService
  readonly follows: LeadFollowsService
  readonly opportunities: OpportunitiesService
  readonly quotes: QuotesService
  readonly referrals: ReferralsService
  readonly touches: TouchesService
}

/** The services' `Default` layers on `CrmTransport.layerFetch`, pointed at the fixture server. */
export const clientLayer = (
  server: Pick<FixtureServer, "url">
): Layer.Layer<PipelineServices, CrmError.ConfigurationError> =>
  PipelineServicesLive.pipe(
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
    leads: LeadsService,
    follows: LeadFollowsService,
    opportunities: OpportunitiesService,
    quotes: QuotesService,
    referrals: ReferralsService,
    touches: TouchesService
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
