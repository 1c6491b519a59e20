/**
 * A contact's profile: add once, then change.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { ContactProfileGroup } from "../contract/ContactProfileGroup.js"
import type { ContactProfile, ContactProfileRequest } from "../models/ContactProfile.js"

/**
 * The profile methods, under the contact (`contactId`): `create` fails with `ValidationFailed` when the
 * contact has a profile already, `update` with `NotFound` when it has none yet.
 *
 * @since 0.1.0
 */
export interface ContactProfiles {
  readonly create: (contactId: string, data: ContactProfileRequest) => Effect.Effect<ContactProfile, CrmError>
  readonly update: (contactId: string, data: ContactProfileRequest) => Effect.Effect<ContactProfile, CrmError>
}

/**
 * Contact profiles as an Effect service (`ContactProfiles`). Inputs are validated before anything is
 * sent.
 *
 * @example
 * ```ts
 * import { ContactProfileService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const promote = (contactId: string) =>
 *   Effect.gen(function*() {
 *     const profiles = yield* ContactProfileService
 *     yield* profiles.create(contactId, { position: "VP Sales" })
 *     return yield* profiles.update(contactId, { position: "Chief Revenue Officer" })
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class ContactProfileService
  extends Effect.Service<ContactProfileService>()("@blocks-crm/accounts/ContactProfileService", {
    effect: Effect.map(ApiClient.group(ContactProfileGroup), (api): ContactProfiles => ({
      create: (contactId, data) => api.create({ path: { contactId }, payload: data }),
      update: (contactId, data) => api.update({ path: { contactId }, payload: data })
    }))
  })
{}
