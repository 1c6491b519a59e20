/**
 * The document endpoints an owner (an account, a contact) has, declared once: list, presign an
 * upload, register what was uploaded, delete. `AccountDocumentsGroup` and `ContactDocumentsGroup`
 * are this builder with their owner (the account's adds its logo endpoints).
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import type * as HttpMethod from "@effect/platform/HttpMethod"
import * as OpenApi from "@effect/platform/OpenApi"
import * as Schema from "effect/Schema"
import { CreateDocumentRequest } from "../models/Document.js"
import { PresignedUpload, PresignRequest } from "../models/Upload.js"

/**
 * An endpoint with the owner's path (`{ accountId }` or `{ contactId }`, plus `documentId` with `document`).
 * TypeScript cannot check a path schema whose key is a type parameter, so its type is stated here.
 */
const ownerEndpoint = <Name extends string, Method extends HttpMethod.HttpMethod, Path>(
  endpoint: HttpApiEndpoint.HttpApiEndpoint<Name, Method>,
  fields: Record<string, typeof Fields.ResourceId>
): HttpApiEndpoint.HttpApiEndpoint<Name, Method, Path> =>
  endpoint.setPath(Schema.Struct(fields) as any) as unknown as HttpApiEndpoint.HttpApiEndpoint<Name, Method, Path>

/**
 * An owner's document group: `GET|POST /<owners>/:<param>/documents`, `PUT /<owners>/:<param>/presign_document`,
 * `DELETE /<owners>/:<param>/documents/:documentId`. The list is not paginated (the reference shows no `meta`).
 */
export const documentsGroup = <const Name extends string, const Param extends string, A, I>(owner: {
  /** The group's name (`accountDocuments`): services and errors are named after it. */
  readonly name: Name
  /** The owners' path segment (`accounts`). */
  readonly collection: string
  /** The owner's path parameter (`accountId`). */
  readonly param: Param
  /** The owner in words (`account`), for the OpenAPI summaries. */
  readonly noun: string
  /** A document of this owner, as a JSON:API resource. */
  readonly file: Schema.Schema<A, I>
}) => {
  const base = `/${owner.collection}/:${owner.param}` as const
  const own = { [owner.param]: Fields.ResourceId }
  return HttpApiGroup.make(owner.name)
    .add(
      ownerEndpoint<"list", "GET", { readonly [K in Param]: string }>(
        HttpApiEndpoint.get("list", `${base}/documents`),
        own
      )
        .addSuccess(JsonApi.collection(owner.file))
        .addError(Contract.NotFoundResponse.wire)
        .annotate(OpenApi.Summary, `List ${article(owner.noun)} ${owner.noun}'s documents`)
    )
    .add(
      ownerEndpoint<"presign", "PUT", { readonly [K in Param]: string }>(
        HttpApiEndpoint.put("presign", `${base}/presign_document`),
        own
      )
        .setPayload(PresignRequest)
        .addSuccess(PresignedUpload)
        .addError(Contract.NotFoundResponse.wire)
        .addError(Contract.ValidationFailedResponse.wire)
        .annotate(OpenApi.Summary, "A signed URL to PUT a document's bytes to (no credentials), then register its key")
    )
    .add(
      ownerEndpoint<"create", "POST", { readonly [K in Param]: string }>(
        HttpApiEndpoint.post("create", `${base}/documents`),
        own
      )
        .setPayload(JsonApi.wrapped("document", CreateDocumentRequest))
        .addSuccess(JsonApi.document(owner.file), { status: 201 })
        .addError(Contract.NotFoundResponse.wire)
        .addError(Contract.ValidationFailedResponse.wire)
        .annotate(Contract.CliCommand, { name: "register" })
        .annotate(OpenApi.Summary, `Register an uploaded file as a document of the ${owner.noun}`)
    )
    .add(
      ownerEndpoint<"delete", "DELETE", { readonly [K in Param | "documentId"]: string }>(
        HttpApiEndpoint.del("delete", `${base}/documents/:documentId`),
        { ...own, documentId: Fields.ResourceId }
      )
        .addSuccess(HttpApiSchema.NoContent)
        .addError(Contract.NotFoundResponse.wire)
        .annotate(OpenApi.Summary, "Delete a document and its file")
    )
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? "an" : "a")
