/**
 * The calendar sync jobs that are running, per tenant. A job runs on a fiber of the emulator's own (it
 * outlives the request that started it; closing the emulator interrupts it), outside the request's
 * transaction, so it waits for that request to commit before it writes.
 *
 * Reads of the accounts and busy blocks a job writes wait for the tenant's running jobs first
 * (`settled`), so a read after a sync's answer sees the finished sync: the emulator is consistent where
 * the real API may lag, and tests need no polling. The job takes milliseconds. A tenant's jobs run one
 * after the other.
 */
import type { Contract } from "@blocks-crm/core-http"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as FiberSet from "effect/FiberSet"
import * as Layer from "effect/Layer"
import { tenant } from "../Resources.js"

/** Starts sync jobs and waits for a tenant's running ones. */
export class SyncJobs extends Context.Tag("@blocks-crm/emulator/calendar/SyncJobs")<SyncJobs, {
  /** Runs `job` for the caller's tenant, on its own fiber and outside the caller's transaction. */
  readonly start: <R>(job: Effect.Effect<void, never, R>) => Effect.Effect<void, never, R | Contract.CallerApp>
  /** Waits until none of the caller's tenant's jobs is running. */
  readonly settled: Effect.Effect<void, never, Contract.CallerApp>
}>() {
  /** The jobs of one emulator. */
  static readonly layer = Layer.scoped(
    SyncJobs,
    Effect.gen(function*() {
      const fibers = yield* FiberSet.make<void, never>()
      const running = new Map<string, Set<Fiber.RuntimeFiber<void>>>()
      return {
        start: <R>(job: Effect.Effect<void, never, R>) =>
          Effect.gen(function*() {
            const tenantId = yield* tenant
            const ofTenant = running.get(tenantId) ?? new Set()
            running.set(tenantId, ofTenant)
            // One job at a time per tenant: two syncs of one account would import its events twice over.
            const before = [...ofTenant]
            const fiber = yield* FiberSet.run(
              fibers,
              Effect.mapInputContext(
                Effect.zipRight(Fiber.awaitAll(before), job),
                (context: Context.Context<R>) =>
                  Context.omit(SqlClient.TransactionConnection)(context) as Context.Context<R>
              )
            )
            ofTenant.add(fiber)
            fiber.addObserver(() => ofTenant.delete(fiber))
          }),
        settled: Effect.flatMap(tenant, (tenantId) => Effect.asVoid(Fiber.awaitAll([...(running.get(tenantId) ?? [])])))
      }
    })
  )
}
