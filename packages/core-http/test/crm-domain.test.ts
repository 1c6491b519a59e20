/**
 * A domain's descriptor: `make` keeps what it is given (no nested services unless listed), and
 * `entries` lists every service with the path it takes on a client, a parent before its children.
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as HttpApi from "@effect/platform/HttpApi"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"

class NotesService extends Effect.Service<NotesService>()("test/NotesService", {
  effect: Effect.map(
    CrmTransport.CrmTransport,
    () => ({ list: (): Effect.Effect<ReadonlyArray<string>> => Effect.succeed([]) })
  )
}) {}
class PinsService extends Effect.Service<PinsService>()("test/PinsService", {
  succeed: { pin: (_noteId: string): Effect.Effect<void> => Effect.void }
}) {}
class TagsService extends Effect.Service<TagsService>()("test/TagsService", {
  succeed: { count: (): Effect.Effect<number> => Effect.succeed(0) }
}) {}

const api = HttpApi.make("notes")

describe("CrmDomain", () => {
  it("make keeps the name, contract and services, with no nested services unless given", () => {
    const plain = CrmDomain.make({ name: "notes", api, services: { notes: NotesService } })
    expect(plain).toEqual({ name: "notes", api, services: { notes: NotesService }, nested: {} })
    const withNested = CrmDomain.make({
      name: "notes",
      api,
      services: { notes: NotesService, tags: TagsService },
      nested: { notes: { pins: PinsService } }
    })
    expect(withNested.nested.notes.pins).toBe(PinsService)
  })

  it("entries lists every service with its path, a parent before its children", () => {
    const domain = CrmDomain.make({
      name: "notes",
      api,
      services: { notes: NotesService, tags: TagsService },
      nested: { notes: { pins: PinsService } }
    })
    expect(CrmDomain.entries(domain)).toEqual([
      { path: ["notes"], tag: NotesService },
      { path: ["notes", "pins"], tag: PinsService },
      { path: ["tags"], tag: TagsService }
    ])
    expect(CrmDomain.entries(CrmDomain.make({ name: "empty", api, services: {} }))).toEqual([])
  })
})

// Type-level: a client's face is read from the descriptors, nested services under their parent.
export const notes = CrmDomain.make({
  name: "notes",
  api,
  services: { notes: NotesService },
  nested: { notes: { pins: PinsService } }
})
export const tags = CrmDomain.make({ name: "tags", api, services: { tags: TagsService } })
export const face = (client: CrmDomain.ClientOfAll<readonly [typeof notes, typeof tags]>) => {
  const listed: Effect.Effect<ReadonlyArray<string>> = client.notes.list()
  const pinned: Effect.Effect<void> = client.notes.pins.pin("note-1")
  const counted: Effect.Effect<number> = client.tags.count()
  // @ts-expect-error: `_tag` of an Effect.Service instance is not part of the client
  const _tag = client.notes._tag
  return [listed, pinned, counted]
}
