/**
 * The compatibility suite a domain package runs on its contract: every GET endpoint, answered by the
 * `NewerApi` server, called over each transport through the client derived from its group. Each call
 * must succeed with the model Effect's parser makes of the valid body with the unknown values put in
 * (so every known field is decoded as before), keep every unknown value as sent, and the full newer
 * body must decode to the same model in Effect's parser too.
 */
import type * as HttpApi from "@effect/platform/HttpApi"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as NewerApi from "./NewerApi.js"

/**
 * Declares the suite for `api`. `endpoints` is how many GET endpoints the contract has: the suite
 * fails when it finds another number, so an endpoint it cannot serve is never skipped quietly.
 */
export const describeNewerApi = (domain: string, api: HttpApi.HttpApi.Any, endpoints: number): void => {
  describe(`${domain}: a newer API's answers decode`, () => {
    for (const [name, transport] of NewerApi.transports) {
      it.scopedLive(`every get and list, over ${name}`, () =>
        Effect.gen(function*() {
          const results = yield* NewerApi.callEveryGet(api, transport)
          expect(results).toHaveLength(endpoints)
          for (const { endpoint, pathname, result } of results) {
            const label = `${endpoint.name} (GET ${pathname ?? "nothing received"})`
            // The model takes every value a newer API may send (a closed set in a response model does not).
            expect([label, endpoint.expected]).toStrictEqual([
              label,
              Either.right(Either.getOrUndefined(endpoint.expected))
            ])
            // Through the client (the compiled decode path), the model of the valid body with the unknown values in.
            expect([label, result]).toStrictEqual([label, endpoint.expected])
            // Effect's parser reads the full newer body the same way.
            const parsed = ParseResult.decodeUnknownEither(endpoint.schema, { propertyOrder: "original" })(
              endpoint.body
            )
            expect([label, parsed]).toStrictEqual([label, endpoint.expected])
            // An answer with sets of values held unknown values in them, and the model keeps each one as sent.
            const hasValueSet = NewerApi.hasValueSet(endpoint.schema.ast)
            expect([label, hasValueSet && endpoint.unknownValues.length === 0]).toStrictEqual([label, false])
            const kept = NewerApi.stringsIn(Either.getOrUndefined(result))
            expect([label, endpoint.unknownValues.filter((value) => !kept.has(value))]).toStrictEqual([label, []])
          }
        }))
    }
  })
}
