/**
 * Documents of an account or a contact: files uploaded through a presigned URL, then registered.
 * crm-block.md names the endpoints only; the attributes are the official SDK's `account_document` /
 * `contact_document` mappers (`official-fields.md`), every one optional unless a document cannot be
 * without it.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"

/**
 * A document's status, as the official SDK lists it.
 *
 * @since 0.1.0
 */
export const DocumentStatus = Schema.Literal("active", "inactive", "pending", "archived", "deleted")
/**
 * A document's status: `active`, `inactive`, `pending`, `archived` or `deleted`.
 *
 * @since 0.1.0
 */
export type DocumentStatus = typeof DocumentStatus.Type

/**
 * What kind of credential a document is, as the official SDK lists them.
 *
 * @since 0.1.0
 */
export const DocumentCategory = Schema.Literal("license", "certification", "insurance", "credential")
/**
 * What kind of credential a document is: `license`, `certification`, `insurance` or `credential`.
 *
 * @since 0.1.0
 */
export type DocumentCategory = typeof DocumentCategory.Type

/** The attributes both owners' documents share (official-fields.md, "Account documents"). */
const documentFields = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The document's id" }),
  name: Schema.propertySignature(Schema.String).annotations({ description: "The document's name" }),
  // The official mapper's optional attributes: absent or null means not set, never ''.
  originalName: Fields.optionalRenamed(Schema.String, "original_name").annotations({
    description: "The uploaded file's name"
  }),
  description: Fields.optional(Schema.String).annotations({ description: "What the document is" }),
  fileType: Fields.optionalRenamed(Schema.String, "file_type").annotations({ description: "The media type" }),
  fileSize: Fields.optionalRenamed(Schema.NonNegativeInt, "file_size").annotations({
    description: "The size in bytes"
  }),
  url: Fields.optional(Schema.String).annotations({ description: "Where the file can be read" }),
  // The official mapper defaults status to `active` and enabled to false when absent; here absent stays absent.
  status: Fields.optional(Fields.openEnum(DocumentStatus)).annotations({ description: "The document's status" }),
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether the document is enabled" }),
  payload: Fields.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  categoryName: Fields.optionalRenamed(Fields.openEnum(DocumentCategory), "category_name").annotations({
    description: "license, certification, insurance or credential"
  }),
  categoryUniqueId: Fields.optionalRenamed(Schema.String, "category_unique_id"),
  isExpirable: Fields.optionalRenamed(Schema.Boolean, "is_expirable").annotations({
    description: "Whether the document expires"
  }),
  // The official mapper turns a missing expires_at / issued_at into "now"; here it stays absent.
  expiresAt: Fields.optionalRenamed(Fields.Timestamp, "expires_at").annotations({ description: "When it expires" }),
  issuedAt: Fields.optionalRenamed(Fields.Timestamp, "issued_at").annotations({ description: "When it was issued" }),
  issuedBy: Fields.optionalRenamed(Schema.String, "issued_by").annotations({ description: "Who issued it" }),
  metadata: Fields.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When it was registered" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When it last changed"
  })
}

const columns = ["uniqueId", "name", "fileType", "fileSize", "createdAt"]

/**
 * A document of an account as the API returns it (resource type `account_document`, the official SDK's
 * label). Named `AccountFile` because `AccountDocument` is the JSON:API document of an account here.
 *
 * @since 0.1.0
 */
export const AccountFile = Schema.Struct({
  ...documentFields,
  accountUniqueId: Fields.renamed(Schema.String, "account_unique_id").annotations({
    description: "The account it belongs to"
  })
}).annotations({ identifier: "AccountFile", [Contract.TableColumns]: columns })
/**
 * A document of an account as the client sees it.
 *
 * @since 0.1.0
 */
export interface AccountFile extends Schema.Schema.Type<typeof AccountFile> {}

/**
 * A document of a contact as the API returns it (resource type `contact_document`; `ContactFile`, as
 * `AccountFile`).
 *
 * @since 0.1.0
 */
export const ContactFile = Schema.Struct({
  ...documentFields,
  contactUniqueId: Fields.renamed(Schema.String, "contact_unique_id").annotations({
    description: "The contact it belongs to"
  })
}).annotations({ identifier: "ContactFile", [Contract.TableColumns]: columns })
/**
 * A document of a contact as the client sees it.
 *
 * @since 0.1.0
 */
export interface ContactFile extends Schema.Schema.Type<typeof ContactFile> {}

/** The JSON:API resource `{ id, type: "account_document", attributes }`. @since 0.1.0 */
export const AccountFileResource = JsonApi.resource("account_document", AccountFile, {
  id: (document) => document.uniqueId
})

/** The JSON:API resource `{ id, type: "contact_document", attributes }`. @since 0.1.0 */
export const ContactFileResource = JsonApi.resource("contact_document", ContactFile, {
  id: (document) => document.uniqueId
})

/**
 * `POST /accounts/:unique_id/documents` and `POST /contacts/:unique_id/documents` body (sent as
 * `{ "document": {...} }`): registers an uploaded file. The official SDK's add-document type, with the
 * presign's `key` naming the upload in place of its `url` (the server knows where the upload lives).
 *
 * @since 0.1.0
 */
export const CreateDocumentRequest = Schema.Struct({
  // The official SDK sends `url`; the reference is silent. The key identifies the upload exactly.
  key: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "The presigned upload's key" }),
  name: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "The document's name" }),
  originalName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("original_name")).annotations({
    description: "The uploaded file's name"
  }),
  description: Fields.optionalInput(Schema.String).annotations({ description: "What the document is" }),
  categoryName: Fields.optionalInput(DocumentCategory).pipe(Schema.fromKey("category_name")).annotations({
    description: "license, certification, insurance or credential"
  }),
  isExpirable: Fields.optionalInput(Schema.Boolean).pipe(Schema.fromKey("is_expirable")).annotations({
    description: "Whether the document expires"
  }),
  expiresAt: Fields.optionalInput(Fields.Timestamp).pipe(Schema.fromKey("expires_at")).annotations({
    description: "When it expires"
  }),
  issuedAt: Fields.optionalInput(Fields.Timestamp).pipe(Schema.fromKey("issued_at")).annotations({
    description: "When it was issued"
  }),
  issuedBy: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("issued_by")).annotations({
    description: "Who issued it"
  })
}).annotations({ identifier: "CreateDocumentRequest" })
/**
 * What registering an uploaded document takes (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface CreateDocumentRequest extends Schema.Schema.Type<typeof CreateDocumentRequest> {}
