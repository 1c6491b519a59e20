/**
 * What the comms handlers share: the collections, keys unique per tenant without regard to case (a
 * subscriber's e-mail, a template's name, a Mandrill slug), and the 422 they answer when one is taken.
 */
import {
  MailTemplate,
  MailTemplateListUrlParams,
  MandrillStats,
  MandrillTemplate,
  Subscriber,
  SubscriberListUrlParams,
  UnsubscribeResult
} from "@blocks-crm/comms"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type { RecordStore } from "../../RecordStore.js"
import { resource, tenant } from "../Resources.js"

/** One claimed key and the record that holds it. */
const Claim = Schema.Struct({ key: Schema.String, ownerId: Schema.String })

/** How keys compare: e-mail addresses and names are the same whatever their case. */
export const normalize = (key: string) => key.trim().toLowerCase()

/**
 * Keys unique per tenant. A claim is a record whose id is the key, so the table's unique index
 * settles two requests racing for the same key.
 */
export const uniqueKeys = (store: Context.Tag.Service<typeof RecordStore>, name: string) => {
  const claims = store.collection(name, Claim, { idOf: (claim) => claim.key })
  return {
    /** The record holding `key`, if any. */
    owner: (tenantId: string, key: string) =>
      Effect.map(Effect.orDie(claims.find(tenantId, normalize(key))), Option.map((claim) => claim.ownerId)),
    /** Takes `key` for `ownerId`; false when another record holds it. */
    claim: (key: string, ownerId: string) =>
      Effect.flatMap(
        tenant,
        (tenantId) =>
          Effect.flatMap(Effect.orDie(claims.find(tenantId, normalize(key))), (found) =>
            Option.isSome(found)
              ? Effect.succeed(found.value.ownerId === ownerId)
              : claims.insert(tenantId, { key: normalize(key), ownerId }).pipe(
                Effect.as(true),
                Effect.catchTag(
                  "SqlError",
                  (error) => /UNIQUE/i.test(String(error.cause)) ? Effect.succeed(false) : Effect.die(error)
                )
              ))
      ),
    /** Gives `key` up, if `ownerId` holds it. */
    release: (key: string, ownerId: string) =>
      Effect.flatMap(
        tenant,
        (tenantId) =>
          Effect.flatMap(Effect.orDie(claims.find(tenantId, normalize(key))), (found) =>
            Option.isSome(found) && found.value.ownerId === ownerId
              ? Effect.asVoid(Effect.orDie(claims.remove(tenantId, normalize(key))))
              : Effect.void)
      )
  }
}

/** Every collection of the domain, opened once per handler group. */
export const commsRecords = (store: Context.Tag.Service<typeof RecordStore>) => ({
  subscribers: resource(
    store.collection("subscribers", Subscriber, {
      idOf: (subscriber) => subscriber.uniqueId,
      searchText: (subscriber) =>
        [subscriber.email, subscriber.firstName ?? "", subscriber.lastName ?? "", ...(subscriber.tags ?? [])].join(" ")
    }),
    "Subscriber",
    { listParams: SubscriberListUrlParams }
  ),
  subscriberEmails: uniqueKeys(store, "subscriber_emails"),
  /** Addresses that unsubscribed, by normalized address: they stay out until they subscribe again. */
  suppressions: store.collection("comms_suppressions", UnsubscribeResult, { idOf: (s) => normalize(s.email) }),
  templates: resource(
    store.collection("mail_templates", MailTemplate, {
      idOf: (template) => template.uniqueId,
      searchText: (template) => [template.name, template.subject ?? ""].join(" ")
    }),
    "Mail Template",
    { listParams: MailTemplateListUrlParams }
  ),
  templateNames: uniqueKeys(store, "mail_template_names"),
  /** Each template's copy on Mandrill, by the template's id. */
  mandrillTemplates: store.collection("mandrill_templates", MandrillTemplate, { idOf: (t) => t.uniqueId }),
  mandrillSlugs: uniqueKeys(store, "mandrill_slugs"),
  /** Mandrill's counters, by slug. */
  mandrillStats: store.collection("mandrill_stats", MandrillStats, { idOf: (s) => s.slug })
})

/** A time after `previous`: two writes in the same millisecond still move `updated_at`. */
export const after = (previous: Date | undefined, now = new Date()) =>
  previous !== undefined && now.getTime() <= previous.getTime() ? new Date(previous.getTime() + 1) : now
