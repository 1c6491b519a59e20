/**
 * Every accounts service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type * as Layer from "effect/Layer"
import { accounts } from "../domain.js"

/**
 * Every service of the accounts domain, as `AccountsServicesLive` provides them.
 *
 * @since 0.1.0
 */
export type AccountsServices = CrmDomain.ServicesOf<typeof accounts>

/**
 * Every accounts service's `Default` layer, on whatever `CrmTransport` is provided: the services the
 * descriptor lists (`CrmDomain.layer`), so the list is said once. Add a service's
 * layer here with `Layer.mergeAll` when the domain grows.
 *
 * @since 0.1.0
 * @category layers
 */
export const AccountsServicesLive: Layer.Layer<AccountsServices, never, CrmTransport> = CrmDomain.layer(accounts)
