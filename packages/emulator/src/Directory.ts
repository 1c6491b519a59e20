/**
 * The records one domain looks up in another, for the caller's tenant: does this user, account,
 * contact or meeting exist (and what does it say), and which is the tenant's company. Every domain
 * asks here, built-in or a team's own, so no domain's handlers import another's: the owner declares
 * its collections once (`domains/<name>/Records.ts`) and the directory serves them.
 *
 *   const { users } = yield* Directory
 *   yield* users.find(payload.userUniqueId) // the user, or the reference's 404 "User Not Found"
 *
 * Lookups answer for the caller's tenant (`Contract.CallerApp`, set by the API-key middleware). Writes
 * belong to the owning domain; the one exception is a Cal.com booking, which becomes a meeting with its
 * participants, as the API does.
 */
import type { Account, Contact, User } from "@blocks-crm/accounts"
import type { Company } from "@blocks-crm/companies"
import type { Meeting, MeetingParticipant } from "@blocks-crm/scheduling"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import { accountRecords, contactRecords, userRecords } from "./domains/accounts/Records.js"
import * as CompanyRecords from "./domains/companies/Records.js"
import type { Resource } from "./domains/Resources.js"
import { openScheduling } from "./domains/scheduling/Records.js"
import { RecordStore } from "./RecordStore.js"

/** The company settings in force: the company every tenant has from the start, and the storage quota. */
export interface CompanySettings {
  readonly seededCompany: { readonly urlId: string; readonly name: string }
  readonly storageQuotaBytes: number
}

/** What the directory answers; each resource's `find` is the record or the reference's 404 naming it. */
export interface Lookups {
  /** The CRM's users (identities): a meeting's organiser, a participant, an impersonated user. */
  readonly users: Resource<User>
  readonly accounts: Resource<Account>
  readonly contacts: Resource<Contact>
  readonly meetings: Resource<Meeting>
  /** A meeting's participants, kept under it (`parentId` = the meeting's id). */
  readonly participants: Resource<MeetingParticipant>
  /** The tenant's company: its seeded one (created on first need), or the one `urlId` names, if any. */
  readonly company: (tenantId: string, urlId?: string) => Effect.Effect<Option.Option<Company>>
  /** The tenant's seeded company, created the first time anything needs it. */
  readonly seededCompany: (tenantId: string) => Effect.Effect<Company>
  readonly companySettings: CompanySettings
}

/** The directory service: `yield* Directory` in a handler group of any domain. */
export class Directory extends Context.Tag("@blocks-crm/emulator/Directory")<Directory, Lookups>() {}

/** The directory over the emulator's record store and company settings (`CompanyRecords.optionsLayer`). */
export const layer: Layer.Layer<Directory, never, RecordStore> = Layer.effect(
  Directory,
  Effect.gen(function*() {
    const store = yield* RecordStore
    const companySettings = yield* CompanyRecords.companyOptions
    const context = Context.make(RecordStore, store).pipe(
      Context.add(CompanyRecords.CompanyOptions, companySettings)
    )
    const { meetings, participants } = yield* openScheduling
    return {
      users: yield* userRecords,
      accounts: yield* accountRecords,
      contacts: yield* contactRecords,
      meetings,
      participants,
      company: (tenantId, urlId) => Effect.provide(CompanyRecords.tenantCompany(tenantId, urlId), context),
      seededCompany: (tenantId) => Effect.provide(CompanyRecords.ensureSeeded(tenantId), context),
      companySettings
    }
  })
)
