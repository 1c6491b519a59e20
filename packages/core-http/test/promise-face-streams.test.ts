/**
 * A stream of the Promise face throws what a call throws: the SDK's error, `Aborted` (not an
 * InterruptedException), or the defect itself, never a FiberFailure wrapper.
 */
import { CrmError, PromiseFace } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Stream from "effect/Stream"

const firstThrown = async (iterable: AsyncIterable<unknown>): Promise<unknown> => {
  try {
    for await (const _ of iterable) {
      // consume
    }
  } catch (error) {
    return error
  }
  throw new Error("expected the stream to fail")
}

describe("PromiseFace streams", () => {
  it("rethrow a failure, a defect and an interruption as they are", async () => {
    const runtime = ManagedRuntime.make(Layer.empty)
    const defect = new RangeError("Maximum call stack size exceeded")
    const failure = new CrmError.TransportError({
      method: "GET",
      url: "http://x.test/",
      requestId: "r1",
      reason: "reset"
    })
    const face = PromiseFace.promisify(
      {
        failing: () => Stream.concat(Stream.make(1), Stream.fail(failure)),
        dying: () => Stream.concat(Stream.make(1), Stream.die(defect)),
        interrupted: () => Stream.concat(Stream.make(1), Stream.fromEffect(Effect.interrupt))
      },
      runtime
    )
    try {
      expect(await firstThrown(face.failing())).toBe(failure)
      expect(await firstThrown(face.dying())).toBe(defect)
      expect(await firstThrown(face.interrupted())).toBeInstanceOf(CrmError.Aborted)
    } finally {
      await runtime.dispose()
    }
  })
})
