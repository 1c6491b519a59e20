/**
 * A loopback server that answers the notes domain's contract with a little state (notes created are
 * listed), recording every request; and the client's settings for it.
 */
import * as LoopbackServer from "@blocks-crm/test-server"
import type { Answer, Received } from "@blocks-crm/test-server"
import * as Effect from "effect/Effect"
import { noteJson } from "./NotesDomain.js"

export const TOKEN = "tok_client_test_51c2"
export const API_KEY = "pk_client_test_8e0d"

const notFound: Answer = { status: 404, body: { errors: [{ status: "404", title: "Note Not Found" }] } }

/** Answers `GET /notes/`, `GET /notes/:id`, `POST /notes/` and `GET /notes/:id/pins` from the notes created. */
export const answerNotes = (server: LoopbackServer.LoopbackServer) => {
  const notes: Array<ReturnType<typeof noteJson>> = []
  server.answer((request: Received): Answer => {
    if (request.method === "POST" && request.pathname === "/notes/") {
      const { note } = JSON.parse(request.body) as { note: { title: string } }
      const created = noteJson(`note-${notes.length + 1}`, note.title)
      notes.push(created)
      return { status: 201, body: { data: created } }
    }
    if (request.method === "GET" && request.pathname === "/notes/") return { body: { data: notes } }
    const pins = /^\/notes\/([^/]+)\/pins$/.exec(request.pathname)
    if (request.method === "GET" && pins !== null) {
      return { body: { data: notes.filter((note) => note.id !== pins[1]) } }
    }
    const one = /^\/notes\/([^/]+)$/.exec(request.pathname)
    const found = one === null ? undefined : notes.find((note) => note.id === one[1])
    return found === undefined ? notFound : { body: { data: found } }
  })
  return server
}

/** A notes server for the current scope. */
export const make = Effect.map(LoopbackServer.make, answerNotes)

/** The client's settings for a server: its URL, the test credentials, no retries. */
export const settingsFor = (server: { readonly url: string }) => ({
  apiUrl: server.url,
  authToken: TOKEN,
  apiKey: API_KEY,
  retry: { times: 0 }
})
