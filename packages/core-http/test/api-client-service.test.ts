/**
 * `ApiClient.Service`, the lean `Effect.Service` every domain service is built with: the same class
 * face (a tag, `Default` built once from its effect, `make`, `use`, instances carrying `_tag`).
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import { describe, expect, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"

let built = 0
class NotesService extends ApiClient.Service<NotesService>()("test/NotesService", {
  effect: Effect.sync(() => {
    built += 1
    return { count: (): Effect.Effect<number> => Effect.succeed(built) }
  })
}) {}

describe("ApiClient.Service", () => {
  it.effect("Default provides an instance built by the effect, under the class's key", () =>
    Effect.gen(function*() {
      expect(NotesService.Default).toBe(NotesService.Default)
      const notes = yield* NotesService
      expect(notes).toBeInstanceOf(NotesService)
      expect(notes._tag).toBe("test/NotesService")
      expect(yield* notes.count()).toBe(1)
      expect(yield* NotesService.use((service) => service.count())).toBe(1)
      expect(NotesService.key).toBe("test/NotesService")
    }).pipe(Effect.provide(NotesService.Default)))

  it("make builds an instance from a given implementation, which a context finds by the tag", () => {
    const notes = NotesService.make({ count: () => Effect.succeed(7) })
    expect(notes).toBeInstanceOf(NotesService)
    expect(Context.get(Context.make(NotesService, notes), NotesService)).toBe(notes)
    expect(Effect.runSync(Effect.provideService(NotesService.use((s) => s.count()), NotesService, notes))).toBe(7)
  })

  it("a missing service is a defect naming its key", () => {
    const exit = Effect.runSyncExit(NotesService as unknown as Effect.Effect<NotesService>)
    expect(Exit.isFailure(exit) && String(exit.cause)).toContain("test/NotesService")
  })
})
