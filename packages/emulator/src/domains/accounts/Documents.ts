/**
 * What account and contact documents share in the emulator: presign under the owner's scope, register
 * what was uploaded (422 naming `key` when there is nothing), list, delete (the file with it).
 */
import type { Contract } from "@blocks-crm/core-http"
import type { PresignRequest } from "@blocks-crm/accounts"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"
import { RecordStore } from "../../RecordStore.js"
import type { Missing, Upload } from "../../Uploads.js"
import { keyOf, Uploads } from "../../Uploads.js"
import { created, invalid, resource, tenant } from "../Resources.js"

/** Where the caller reached the emulator: upload URLs point back there. */
export const origin = Effect.map(
  HttpServerRequest.HttpServerRequest,
  (request) => `http://${request.headers["host"] ?? "127.0.0.1"}`
)

const reasons: Record<Missing, string> = {
  unknown: "nothing was presigned under this key for this record",
  pending: "nothing has been uploaded under this key yet",
  expired: "the upload URL expired before anything was uploaded; presign again"
}

/** The upload under `key` in `scope`, or a 422 naming the field that held the key. */
export const uploadedOr422 = (key: string, scope: string, pointer: string) =>
  Effect.gen(function*() {
    const uploads = yield* Uploads
    const found = yield* uploads.uploaded(yield* tenant, key, scope, yield* origin)
    return yield* Either.match(found, {
      onLeft: (missing) => Effect.fail(invalid(pointer, "invalid", `key: ${reasons[missing]}`)),
      onRight: (upload) => Effect.succeed(upload)
    })
  })

/** A presigned URL for `scope`, in the contract's shape. */
export const presignIn = (scope: string, request: PresignRequest) =>
  Effect.gen(function*() {
    const uploads = yield* Uploads
    return yield* uploads.presign({
      tenantId: yield* tenant,
      origin: yield* origin,
      scope,
      filename: request.filename,
      contentType: request.contentType
    })
  })

/** The common attributes of a registered document. */
export interface Registration {
  readonly uniqueId: string
  readonly name: string
  readonly originalName?: string
  readonly description?: string
  readonly fileType: string
  readonly fileSize: number
  readonly url: string
  readonly status: "active"
  readonly enabled: true
  readonly createdAt: Date
  readonly updatedAt: Date
}

/**
 * The document handlers of one owner kind (accounts, contacts): `findOwner` fails with a 404 for an
 * unknown owner, `toRecord` adds the owner's id attribute.
 */
export const documentsOf = <A extends { readonly uniqueId: string; readonly url?: string | undefined }, I>(options: {
  readonly collection: string
  readonly schema: Schema.Schema<A, I>
  readonly scope: (ownerId: string) => string
  readonly findOwner: (ownerId: string) => Effect.Effect<unknown, Contract.NotFoundResponse, Contract.CallerApp>
  readonly toRecord: (ownerId: string, registration: Registration, payload: Record<string, unknown>) => A
}) =>
  Effect.map(RecordStore, (store) => {
    const documents = resource(
      store.collection(options.collection, options.schema, {
        idOf: (document) => document.uniqueId,
        searchText: (document) => (document as { readonly name?: string }).name ?? ""
      }),
      "Document"
    )
    return {
      list: (ownerId: string) => Effect.zipRight(options.findOwner(ownerId), documents.all(ownerId)),
      presign: (ownerId: string, request: PresignRequest) =>
        Effect.zipRight(options.findOwner(ownerId), presignIn(options.scope(ownerId), request)),
      create: (ownerId: string, payload: { readonly key: string; readonly name: string } & Record<string, unknown>) =>
        Effect.gen(function*() {
          yield* options.findOwner(ownerId)
          const upload: Upload = yield* uploadedOr422(payload.key, options.scope(ownerId), "/document/key")
          if (upload.registeredAs !== undefined) {
            return yield* Effect.fail(
              invalid(
                "/document/key",
                "invalid",
                `key: this upload is already registered as document ${upload.registeredAs}`
              )
            )
          }
          const now = new Date()
          const { key: _key, ...attributes } = payload
          const record = options.toRecord(ownerId, {
            ...created(now),
            name: payload.name,
            originalName: upload.filename,
            fileType: upload.contentType,
            fileSize: upload.size,
            url: upload.publicUrl,
            status: "active",
            enabled: true
          }, attributes)
          const uploads = yield* Uploads
          yield* uploads.register(yield* tenant, upload.key, record.uniqueId)
          return yield* documents.insert(record, { parentId: ownerId })
        }),
      delete: (ownerId: string, documentId: string) =>
        Effect.gen(function*() {
          yield* options.findOwner(ownerId)
          const document = yield* documents.find(documentId, { parentId: ownerId })
          yield* documents.remove(documentId, { parentId: ownerId })
          const key = document.url === undefined ? undefined : keyOf(document.url)
          if (key !== undefined) {
            const uploads = yield* Uploads
            yield* uploads.remove(yield* tenant, key)
          }
        })
    }
  })
