/**
 * A contact's profile: add once, then change.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { ContactProfileGroup } from "../contract/ContactProfileGroup.js"
import { ContactProfileRequest } from "../models/ContactProfile.js"
import type { ContactProfile } from "../models/ContactProfile.js"

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

const ContactIds = Schema.Struct({ contactId: Fields.ResourceId })

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
    effect: Effect.gen(function*() {
      const api = yield* ApiClient.group(ContactProfileGroup)
      const contactPath = (operation: string) => ApiClient.validate(ContactIds, `contactProfile.${operation}`)
      const check = (operation: string) => ApiClient.validate(ContactProfileRequest, `contactProfile.${operation}`)
      const checkCreate = check("create")
      const checkUpdate = check("update")
      const profiles: ContactProfiles = {
        create: (contactId: string, data: ContactProfileRequest) =>
          Effect.flatMap(
            Effect.all([contactPath("create")({ contactId }), checkCreate(data)]),
            ([path, payload]) => api.create({ path, payload })
          ),
        update: (contactId: string, data: ContactProfileRequest) =>
          Effect.flatMap(
            Effect.all([contactPath("update")({ contactId }), checkUpdate(data)]),
            ([path, payload]) => api.update({ path, payload })
          )
      }
      return profiles
    })
  })
{}
