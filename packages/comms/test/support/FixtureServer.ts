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
import { expect } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as fs from "node:fs"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"

export const TOKEN = "tok_fixture_7c1e"
export const API_KEY = "pk_fixture_4b9a"

/** The text of `test/fixtures/<name>.json`, as written from the official SDK's field lists. */
export const fixtureText = (name: string): string =>
  fs.readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")

/** The parsed fixture, to derive variants from (a field removed, a value changed). */
export const fixtureJson = (name: string): any => JSON.parse(fixtureText(name))

export interface Answer {
  readonly status?: number | undefined
  /** A string is sent as is; anything else as JSON. */
  readonly body?: unknown
  readonly contentType?: string | undefined
}

export interface ReceivedRequest {
  readonly method: string
  readonly url: string
  readonly headers: Http.IncomingHttpHeaders
  readonly body: string
}

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly requests: ReadonlyArray<ReceivedRequest>
  /** Answers `METHOD /path` (path with its query, as received) with `answer` from now on. */
  readonly route: (method: string, path: string, answer: Answer) => void
}

/** A fixture server for the current scope. Unrouted requests get 501. */
export const make: Effect.Effect<FixtureServer, never, Scope.Scope> = Effect.acquireRelease(
  Effect.async<{ readonly server: Http.Server; readonly fixtures: FixtureServer }>((resume) => {
    const requests: Array<ReceivedRequest> = []
    const routes = new Map<string, Answer>()
    const server = Http.createServer((req, res) => {
      const chunks: Array<Buffer> = []
      req.on("data", (chunk: Buffer) => chunks.push(chunk))
      req.on("end", () => {
        const received = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8")
        }
        requests.push(received)
        const answer = routes.get(`${received.method} ${received.url}`) ??
          {
            status: 501,
            body: { errors: [{ status: "501", title: `No fixture for ${received.method} ${received.url}` }] }
          }
        const body = answer.body === undefined
          ? ""
          : typeof answer.body === "string"
          ? answer.body
          : JSON.stringify(answer.body)
        res.writeHead(
          answer.status ?? 200,
          body === "" ? {} : { "content-type": answer.contentType ?? "application/json" }
        )
        res.end(body)
      })
    })
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port
      resume(Effect.succeed({
        server,
        fixtures: {
          url: `http://127.0.0.1:${port}`,
          requests,
          route: (method, path, answer) => {
            routes.set(`${method} ${path}`, answer)
          }
        }
      }))
    })
  }),
  ({ server }) =>
    Effect.async<void>((resume) => {
      server.closeAllConnections()
      server.close(() => resume(Effect.void))
    })
).pipe(Effect.map(({ fixtures }) => fixtures))

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
