/**
 * Every accounts service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Layer from "effect/Layer"
import { AccountDetailsService } from "./AccountDetailsService.js"
import { AccountLocationsService } from "./AccountLocationsService.js"
import { AccountsService } from "./AccountsService.js"
import { CategoriesService } from "./CategoriesService.js"
import { AccountContactsService } from "./AccountContactsService.js"
import { ContactHistoryService } from "./ContactHistoryService.js"
import { ContactProfileService } from "./ContactProfileService.js"
import { ContactsService } from "./ContactsService.js"
import { IdentitiesService } from "./IdentitiesService.js"
import { AccountDocumentsService } from "./AccountDocumentsService.js"
import { ContactDocumentsService } from "./ContactDocumentsService.js"

/**
 * Every service of the accounts domain, as `AccountsServicesLive` provides them.
 *
 * @since 0.1.0
 */
export type AccountsServices =
  | AccountsService
  | AccountDetailsService
  | AccountLocationsService
  | CategoriesService
  | ContactsService
  | ContactHistoryService
  | ContactProfileService
  | IdentitiesService
  | AccountContactsService
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
  AccountDetailsService.Default,
  AccountLocationsService.Default,
  CategoriesService.Default,
  ContactsService.Default,
  ContactHistoryService.Default,
  ContactProfileService.Default,
  IdentitiesService.Default,
  AccountContactsService.Default,
  AccountDocumentsService.Default,
  ContactDocumentsService.Default
)
