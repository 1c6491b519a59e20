/**
 * Each company's Cal.com webhook secret, from the emulator's configuration:
 * `EmulatorOptions.calcomWebhookSecrets` (API key, company url id, secret), else
 * `EMULATOR_CALCOM_WEBHOOK_SECRET` for every company of every tenant, else none (unsigned webhooks are
 * accepted, as the reference's example is). Secrets are `Redacted` and printed nowhere.
 */
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import { tenantIdOf } from "../../Credentials.js"
import { Directory } from "../../Directory.js"

/** One company's Cal.com webhook secret, by tenant (API key) and company. */
export interface CalcomSecret {
  /** The tenant, by its API key. */
  readonly apiKey: string
  /** The company's url id; default the seeded company's. */
  readonly company?: string | undefined
  readonly secret: Redacted.Redacted<string>
}

/** The Cal.com webhook secret of each company, as a service. */
export class CalcomSecrets extends Context.Tag("@blocks-crm/emulator/CalcomSecrets")<
  CalcomSecrets,
  { readonly secretOf: (tenantId: string, companyUrlId: string) => Option.Option<Redacted.Redacted<string>> }
>() {}

/** The Cal.com secrets from the options, else `EMULATOR_CALCOM_WEBHOOK_SECRET`, else none. */
export const layer = (secrets: ReadonlyArray<CalcomSecret> | undefined): Layer.Layer<CalcomSecrets, never, Directory> =>
  Layer.effect(
    CalcomSecrets,
    Effect.gen(function*() {
      const { seededCompany } = (yield* Directory).companySettings
      const byCompany = new Map(
        (secrets ?? []).map((s) => [`${tenantIdOf(s.apiKey)}/${s.company ?? seededCompany.urlId}`, s.secret])
      )
      const shared = secrets === undefined
        ? yield* Effect.orDie(Config.option(Config.redacted("EMULATOR_CALCOM_WEBHOOK_SECRET")))
        : Option.none()
      return {
        secretOf: (tenantId, companyUrlId) =>
          Option.orElse(Option.fromNullable(byCompany.get(`${tenantId}/${companyUrlId}`)), () => shared)
      }
    })
  )
