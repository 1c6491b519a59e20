/**
 * Shared by the tests of hostile servers and of secrets: what "no secret in it" means for an error, and a
 * body that never ends.
 */
import { expect } from "@effect/vitest"
import * as Cause from "effect/Cause"
import type * as Http from "node:http"
import { inspect } from "node:util"
import { API_KEY, TOKEN } from "./fixtures.js"

/** Neither credential appears, nor the distinctive part they share. */
export const expectNoSecret = (text: string) => {
  expect(text).not.toContain(TOKEN)
  expect(text).not.toContain(API_KEY)
  expect(text).not.toContain("SECRET")
}

/** Every common way of turning an error into text. */
export const renderings = (error: unknown): Array<string> => [
  String(error),
  (error as Error).message,
  (error as Error).stack ?? "",
  JSON.stringify(error),
  inspect(error, { depth: 10 }),
  Cause.pretty(Cause.fail(error), { renderErrorCause: true })
]

/**
 * Writes `chunk` for as long as the client reads, respecting backpressure, until the connection closes
 * (or `limit` bytes were sent, then ends the body).
 */
export const pump = (res: Http.ServerResponse, chunk: Buffer, limit = Number.POSITIVE_INFINITY) => {
  let sent = 0
  const go = () => {
    while (!res.destroyed && sent < limit) {
      sent += chunk.length
      if (!res.write(chunk)) {
        res.once("drain", go)
        return
      }
    }
    if (!res.destroyed) res.end()
  }
  go()
}

/** A `TestServer` raw answer: 200 JSON headers, then spaces without end. */
export const endlessJson = (res: Http.ServerResponse) => {
  res.writeHead(200, { "content-type": "application/json" })
  pump(res, Buffer.alloc(16 * 1024, 0x20))
}
