/**
 * Every accounts service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Layer from "effect/Layer"
import { AccountDocumentsService } from "./AccountDocumentsService.js"
import { AccountsService } from "./AccountsService.js"
import { ContactDocumentsService } from "./ContactDocumentsService.js"

/** @since 0.1.0 */
export type AccountsServices =
  | AccountsService
  | AccountDocumentsService
  | ContactDocumentsService

/**
 * Every accounts service's `Default` layer, on whatever `CrmTransport` is provided. Add a service's
 * layer here with `Layer.mergeAll` when the domain grows.
 *
 * @since 0.1.0
 * @category layers
 */
export const AccountsServicesLive: Layer.Layer<AccountsServices, never, CrmTransport> = Layer.mergeAll(
  AccountsService.Default,
  AccountDocumentsService.Default,
  ContactDocumentsService.Default
)
