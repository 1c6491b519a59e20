/**
 * A domain of one's own, as a team outside this repository would write it on core-http alone: a
 * contract (notes, and the pins nested under a note), services derived from it, and the descriptor.
 * The client package knows no domain, so its tests compose this one.
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import * as Contract from "@blocks-crm/core-http/Contract"
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

export const Note = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  title: Schema.String
})
export const CreateNoteRequest = Schema.Struct({ title: Fields.NonBlankString })
const NoteResource = JsonApi.resource("note", Note, { id: (note) => note.uniqueId })
const noteId = HttpApiSchema.param("noteId", Fields.ResourceId)

export class NotesGroup extends HttpApiGroup.make("notes")
  .add(HttpApiEndpoint.get("list", "/notes/").addSuccess(JsonApi.collection(NoteResource)))
  .add(
    HttpApiEndpoint.get("get")`/notes/${noteId}`.addSuccess(JsonApi.document(NoteResource)).addError(
      Contract.NotFoundResponse.wire
    )
  )
  .add(
    HttpApiEndpoint.post("create", "/notes/")
      .setPayload(JsonApi.wrapped("note", CreateNoteRequest))
      .addSuccess(JsonApi.document(NoteResource), { status: 201 })
  )
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
{}

export class NotePinsGroup extends HttpApiGroup.make("notePins")
  .add(HttpApiEndpoint.get("list")`/notes/${noteId}/pins`.addSuccess(JsonApi.collection(NoteResource)))
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
{}

export class NotesApi extends HttpApi.make("notes").add(NotesGroup).add(NotePinsGroup) {}

const checkCreate = ApiClient.validate(CreateNoteRequest, "notes.create")

export class NotesService extends Effect.Service<NotesService>()("test/NotesService", {
  effect: Effect.map(ApiClient.group(NotesGroup), (endpoints) => ({
    list: () => endpoints.list({}),
    get: (noteId: string) => endpoints.get({ path: { noteId } }),
    create: (data: typeof CreateNoteRequest.Type) =>
      Effect.flatMap(checkCreate(data), (payload) => endpoints.create({ payload }))
  }))
}) {}

export class NotePinsService extends Effect.Service<NotePinsService>()("test/NotePinsService", {
  effect: Effect.map(ApiClient.group(NotePinsGroup), (endpoints) => ({
    list: (noteId: string) => endpoints.list({ path: { noteId } })
  }))
}) {}

/** A service with no contract of its own: it reads the transport's settings. */
export class StatusService extends Effect.Service<StatusService>()("test/StatusService", {
  effect: Effect.map(CrmTransport.CrmTransport, (transport) => ({
    baseUrl: (): Effect.Effect<string> => Effect.succeed(transport.settings.apiUrl.toString())
  }))
}) {}

export const notes = CrmDomain.make({
  name: "notes",
  api: NotesApi,
  services: { notes: NotesService },
  nested: { notes: { pins: NotePinsService } }
})

export const status = CrmDomain.make({
  name: "status",
  api: HttpApi.make("status"),
  services: { status: StatusService }
})

/** The wire form of a note, as the server answers it. */
export const noteJson = (id: string, title: string) => ({
  id,
  type: "note",
  attributes: { unique_id: id, title }
})
