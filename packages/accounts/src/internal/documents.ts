/**
 * The document methods an owner (an account, a contact) has, built once over its group's derived
 * client: list, presign, register, delete, and the one-call upload. `AccountDocumentsService` and
 * `ContactDocumentsService` are this builder with their owner (the account's adds its logo).
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { ApiError, CrmError, InvalidInput } from "@blocks-crm/core-http/CrmError"
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type { CreateDocumentRequest } from "../models/Document.js"
import { DocumentUpload } from "../models/Upload.js"
import type { PresignedUpload, PresignRequest, UploadFailed } from "../models/Upload.js"
import { uploadThenRegister } from "./upload.js"

/**
 * The documents of one owner, each method under the owner's id: an account's (`AccountDocuments`) or a
 * contact's (`ContactDocuments`).
 *
 * @since 0.2.0
 */
export interface OwnerDocuments<File> {
  /** Every document of the owner (not paginated). */
  readonly list: (ownerId: string) => Effect.Effect<ReadonlyArray<File>, CrmError>
  /** A signed, expiring URL to PUT a document's bytes to. */
  readonly presign: (ownerId: string, request: PresignRequest) => Effect.Effect<PresignedUpload, CrmError>
  /** Registers what was uploaded under a presigned key as a document of the owner. */
  readonly create: (ownerId: string, data: CreateDocumentRequest) => Effect.Effect<File, CrmError>
  readonly delete: (ownerId: string, documentId: string) => Effect.Effect<void, CrmError>
  /** Presigns, uploads and registers a document in one call. */
  readonly uploadDocument: (ownerId: string, upload: DocumentUpload) => Effect.Effect<File, CrmError | UploadFailed>
}

type Failure = ApiError | InvalidInput
type OwnerPath<Param extends string> = { readonly [K in Param]: string }

/** The endpoints `documentsGroup` declares, as the derived client offers them. */
export interface DocumentsEndpoints<Param extends string, File> {
  readonly list: (request: { readonly path: OwnerPath<Param> }) => Effect.Effect<ReadonlyArray<File>, Failure>
  readonly presign: (
    request: { readonly path: OwnerPath<Param>; readonly payload: PresignRequest },
    method?: string
  ) => Effect.Effect<PresignedUpload, Failure>
  readonly create: (
    request: { readonly path: OwnerPath<Param>; readonly payload: CreateDocumentRequest },
    method?: string
  ) => Effect.Effect<File, Failure>
  readonly delete: (
    request: { readonly path: OwnerPath<Param> & { readonly documentId: string } }
  ) => Effect.Effect<void, Failure>
}

/**
 * The owner's document methods. `group` names the errors (`contactDocuments.uploadDocument`); an
 * upload's own input (bytes, media type, file name) is no endpoint's, so it is checked here, before
 * the presign is sent.
 */
export const documentsOf = <Param extends string, File>(
  group: string,
  param: Param,
  api: DocumentsEndpoints<Param, File>,
  transport: Context.Tag.Service<typeof CrmTransport>
): OwnerDocuments<File> => {
  const owner = (ownerId: string) => ({ [param]: ownerId }) as OwnerPath<Param>
  const checkUpload = ApiClient.validate(DocumentUpload, `${group}.uploadDocument`)
  return {
    list: (ownerId) => api.list({ path: owner(ownerId) }),
    presign: (ownerId, request) => api.presign({ path: owner(ownerId), payload: request }),
    create: (ownerId, data) => api.create({ path: owner(ownerId), payload: data }),
    delete: (ownerId, documentId) => api.delete({ path: { ...owner(ownerId), documentId } }),
    uploadDocument: (ownerId, upload) =>
      Effect.flatMap(checkUpload(upload), (file) =>
        uploadThenRegister(transport, {
          presign: (payload) => api.presign({ path: owner(ownerId), payload }, "uploadDocument"),
          register: (payload) => api.create({ path: owner(ownerId), payload }, "uploadDocument")
        }, file))
  }
}
