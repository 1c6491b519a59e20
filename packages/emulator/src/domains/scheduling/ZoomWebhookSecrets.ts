/**
 * Each tenant's Zoom webhook secret, from the emulator's configuration: `EmulatorOptions.zoomWebhookSecrets`
 * (API key → secret), else `EMULATOR_ZOOM_WEBHOOK_SECRET` for every tenant, else none (every webhook is
 * then refused). Secrets are `Redacted` and printed nowhere.
 */
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import { tenantIdOf } from "../../Credentials.js"

/** The Zoom webhook secret of each tenant, as a service. */
export class ZoomWebhookSecrets extends Context.Tag("@blocks-crm/emulator/ZoomWebhookSecrets")<
  ZoomWebhookSecrets,
  { readonly secretOf: (tenantId: string) => Option.Option<Redacted.Redacted<string>> }
>() {}

/** The Zoom webhook secrets by API key, else `EMULATOR_ZOOM_WEBHOOK_SECRET` for every tenant. */
export const layer = (
  secrets: Readonly<Record<string, Redacted.Redacted<string>>> | undefined
): Layer.Layer<ZoomWebhookSecrets> =>
  Layer.effect(
    ZoomWebhookSecrets,
    Effect.gen(function*() {
      const byTenant = new Map(Object.entries(secrets ?? {}).map(([apiKey, secret]) => [tenantIdOf(apiKey), secret]))
      const shared = secrets === undefined
        ? yield* Effect.orDie(Config.option(Config.redacted("EMULATOR_ZOOM_WEBHOOK_SECRET")))
        : Option.none()
      return {
        secretOf: (tenantId: string) => Option.orElse(Option.fromNullable(byTenant.get(tenantId)), () => shared)
      }
    })
  )
