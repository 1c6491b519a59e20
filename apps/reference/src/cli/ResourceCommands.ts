/**
 * Commands generated from a small table per resource: its fields (flag, kind, required on create) and
 * the columns of its listing. A resource with soft delete also gets `recover`, `search` and `deleted`;
 * a nested resource (`leads follows`) takes its parent's id first.
 *
 * Inputs are not checked here beyond their kind: the client validates every request before sending it,
 * and its `InvalidInput` names the field.
 */
import type * as CrmError from "@blocks-crm/core-http/CrmError"
import type * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import type { PageParams, PageResult } from "@blocks-crm/core-http/Pagination"
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as ValidationError from "@effect/cli/ValidationError"
import * as Chunk from "effect/Chunk"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { CrmClient } from "../CrmClient.js"
import * as Connection from "./Connection.js"
import type { ConnectionFlags } from "./Connection.js"
import * as Output from "./Output.js"

/** How a flag's value is read. `date` is a calendar date (`2026-06-30`), `datetime` an instant. */
export type FieldKind = "text" | "number" | "integer" | "date" | "datetime" | { readonly choices: ReadonlyArray<string> }

/** One attribute a command can set. */
export interface Field {
  /** The flag, without `--`. */
  readonly flag: string
  /** The attribute of the request (`accountId`). */
  readonly key: string
  readonly kind: FieldKind
  readonly description: string
  /** Required when creating. */
  readonly required?: boolean
  /** Only on `create` or only on `update`. */
  readonly only?: "create" | "update"
}

/** The methods a top-level resource's service has (`crm.leads`): CRUD, and soft delete where it exists. */
export type ResourceService =
  & ResourceClient.CrudClient<object, any, any, object>
  & Partial<Pick<ResourceClient.SoftDeleteClient<object, any, any, object>, "recover" | "search" | "listDeleted">>

/** The methods a nested resource's service has (`crm.leads.follows`): the parent's id comes first. */
export interface NestedService {
  readonly list: (parentId: string) => Effect.Effect<ReadonlyArray<object>, CrmError.CrmError>
  readonly get: (parentId: string, id: string) => Effect.Effect<object, CrmError.CrmError>
  readonly create: (parentId: string, data: any) => Effect.Effect<object, CrmError.CrmError>
  readonly update: (parentId: string, id: string, data: any) => Effect.Effect<object, CrmError.CrmError>
  readonly delete: (parentId: string, id: string) => Effect.Effect<void, CrmError.CrmError>
}

interface ResourceTable<Service> {
  /** The command name, as on the client (`leads`). */
  readonly name: string
  /** One record, in messages (`lead`). */
  readonly singular: string
  readonly fields: ReadonlyArray<Field>
  readonly columns: ReadonlyArray<Output.Column<any>>
  readonly service: (crm: CrmClient) => Service
}

/** A top-level resource. */
export interface Resource extends ResourceTable<ResourceService> {
  readonly softDelete: boolean
  readonly nested?: ReadonlyArray<NestedResource>
}

/** A resource under a parent record (`leads follows <leadId>`). */
export interface NestedResource extends ResourceTable<NestedService> {
  /** The parent's id argument (`leadId`). */
  readonly parent: string
}

type Mode = "create" | "update"

const flagFor = (field: Field): Options.Options<unknown> => {
  const kind = field.kind
  const base: Options.Options<unknown> = kind === "text" || kind === "date"
    ? Options.text(field.flag)
    : kind === "number"
    ? Options.float(field.flag)
    : kind === "integer"
    ? Options.integer(field.flag)
    : kind === "datetime"
    ? Options.date(field.flag)
    : Options.choice(field.flag, kind.choices)
  const hint = kind === "date" ? " (YYYY-MM-DD)" : kind === "datetime" ? " (ISO 8601, e.g. 2026-03-05T14:00:00Z)" : ""
  return Options.withDescription(base, `${field.description}${hint}`)
}

/** The field flags of `create` (required ones required) or `update` (all optional). */
const fieldOptions = (fields: ReadonlyArray<Field>, mode: Mode) =>
  Options.all(
    Object.fromEntries(
      fields
        .filter((field) => field.only === undefined || field.only === mode)
        .map((field) => [
          field.key,
          mode === "create" && field.required === true ? flagFor(field) : Options.optional(flagFor(field))
        ])
    )
  )

/** The request body: the flags that were given, under their attribute names. */
const payload = (values: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(values).flatMap(([key, value]) =>
      Option.isOption(value) ? Option.match(value, { onNone: () => [], onSome: (v) => [[key, v]] }) : [[key, value]]
    )
  )

const json = Options.boolean("json").pipe(Options.withDescription("Print JSON instead of a table"))
const page = Options.integer("page").pipe(Options.optional, Options.withDescription("Page number, from 1"))
const records = Options.integer("records").pipe(Options.optional, Options.withDescription("Records per page"))
const all = Options.boolean("all").pipe(Options.withDescription("Fetch every page, from --page if given (progress on stderr)"))
const id = (name: string) => Args.text({ name })

const pageParams = (p: Option.Option<number>, r: Option.Option<number>): PageParams => ({
  page: Option.getOrUndefined(p),
  records: Option.getOrUndefined(r)
})

/** Runs `body` with the client the connection flags ask for. */
const withClient = <A, E>(flags: ConnectionFlags, body: (crm: CrmClient) => Effect.Effect<A, E>) =>
  Effect.flatMap(CrmClient, body).pipe(Effect.provide(Connection.client(flags)))

const printPage = (resource: ResourceTable<unknown>, result: PageResult<object>, asJson: boolean) => {
  if (asJson) return Console.log(Output.json(result))
  if (result.data.length === 0) return Console.log(`No ${resource.name}.`)
  const { totalPages, totalRecords } = result.meta
  const where = result.meta.page === undefined ? "" : `page ${result.meta.page} of ${totalPages}, `
  const noun = totalRecords === 1 ? resource.singular : resource.name
  return Console.log(`${Output.table(result.data, resource.columns)}\n\n${where}${totalRecords} ${noun} in all`)
}

const printRows = (resource: ResourceTable<unknown>, rows: ReadonlyArray<object>, asJson: boolean) =>
  asJson
    ? Console.log(Output.json(rows))
    : Console.log(rows.length === 0 ? `No ${resource.name}.` : Output.table(rows, resource.columns))

const printRecord = (value: object, asJson: boolean) => Console.log(asJson ? Output.json(value) : Output.record(value))

const printDeleted = (resource: ResourceTable<unknown>, deletedId: string, asJson: boolean) =>
  Console.log(asJson ? Output.json({ deleted: deletedId }) : `Deleted ${resource.singular} ${deletedId}`)

/** Any command of the CLI: every handler provides its own client, so none needs a service. */
export type AnyCommand = Command.Command<string, never, unknown, unknown>

/** A command with subcommands that, called alone, shows its help. */
export const group = (
  name: string,
  description: string,
  subcommands: ReadonlyArray<Command.Command<any, any, any, any>>
): AnyCommand => {
  const command: AnyCommand = Command.make(
    name,
    {},
    () => Effect.suspend(() => Effect.fail(ValidationError.helpRequested(command.descriptor)))
  ).pipe(
    Command.withSubcommands(subcommands as [Command.Command<any, any, any, any>]),
    Command.withDescription(description)
  ) as AnyCommand
  return command
}

const listCommand = (resource: Resource) =>
  Command.make("list", { page, records, all, json, ...Connection.connectionOptions }, (flags) =>
    withClient(flags, (crm) => {
      const service = resource.service(crm)
      if (!flags.all) {
        return Effect.flatMap(service.list(pageParams(flags.page, flags.records)), (result) =>
          printPage(resource, result, flags.json))
      }
      let fetched = 0
      const pages = Pagination.stream((n) =>
        service.list({ page: n, records: Option.getOrElse(flags.records, () => 100) }).pipe(
          Effect.tap((result) => {
            fetched += result.data.length
            return Console.error(`fetched ${fetched} of ${result.meta.totalRecords}`)
          })
        ),
        // `--page` with `--all` starts there, rather than being ignored.
        { startPage: Option.getOrUndefined(flags.page) }
      )
      return Effect.flatMap(Stream.runCollect(pages), (chunk) => {
        const rows = Chunk.toReadonlyArray(chunk)
        return flags.json
          ? Console.log(Output.json({ data: rows, meta: { totalRecords: rows.length } }))
          : printRows(resource, rows, false)
      })
    })).pipe(Command.withDescription(`List ${resource.name} (one page, or every page with --all)`))

const topLevelCommands = (resource: Resource) => {
  const { singular } = resource
  const commands: Array<Command.Command<any, any, any, any>> = [
    listCommand(resource),
    Command.make("get", { id: id("id"), json, ...Connection.connectionOptions }, (flags) =>
      withClient(flags, (crm) => Effect.flatMap(resource.service(crm).get(flags.id), (r) => printRecord(r, flags.json))))
      .pipe(Command.withDescription(`Show one ${singular}`)),
    Command.make(
      "create",
      { fields: fieldOptions(resource.fields, "create"), json, ...Connection.connectionOptions },
      (flags) =>
        withClient(flags, (crm) =>
          Effect.flatMap(resource.service(crm).create(payload(flags.fields)), (r) => printRecord(r, flags.json)))
    ).pipe(Command.withDescription(`Create a ${singular}`)),
    Command.make(
      "update",
      { id: id("id"), fields: fieldOptions(resource.fields, "update"), json, ...Connection.connectionOptions },
      (flags) =>
        withClient(flags, (crm) =>
          Effect.flatMap(resource.service(crm).update(flags.id, payload(flags.fields)), (r) => printRecord(r, flags.json)))
    ).pipe(Command.withDescription(`Change attributes of a ${singular}`)),
    Command.make("delete", { id: id("id"), json, ...Connection.connectionOptions }, (flags) =>
      withClient(flags, (crm) =>
        Effect.zipRight(resource.service(crm).delete(flags.id), printDeleted(resource, flags.id, flags.json))))
      .pipe(Command.withDescription(`Delete a ${singular}${resource.softDelete ? " (recoverable)" : ""}`))
  ]
  if (resource.softDelete) {
    commands.push(
      Command.make("recover", { id: id("id"), json, ...Connection.connectionOptions }, (flags) =>
        withClient(flags, (crm) =>
          Effect.flatMap(resource.service(crm).recover!(flags.id), (r) => printRecord(r, flags.json))))
        .pipe(Command.withDescription(`Bring back a deleted ${singular}`)),
      Command.make(
        "search",
        { query: Args.text({ name: "query" }), page, records, json, ...Connection.connectionOptions },
        (flags) =>
          withClient(flags, (crm) =>
            Effect.flatMap(
              resource.service(crm).search!(flags.query, pageParams(flags.page, flags.records)),
              (result) => printPage(resource, result, flags.json)
            ))
      ).pipe(Command.withDescription(`Full-text search over ${resource.name}`)),
      Command.make("deleted", { page, records, json, ...Connection.connectionOptions }, (flags) =>
        withClient(flags, (crm) =>
          Effect.flatMap(
            resource.service(crm).listDeleted!(pageParams(flags.page, flags.records)),
            (result) => printPage(resource, result, flags.json)
          )))
        .pipe(Command.withDescription(`List deleted ${resource.name}`))
    )
  }
  for (const nested of resource.nested ?? []) commands.push(nestedCommand(nested))
  return commands
}

const nestedCommand = (resource: NestedResource) => {
  const { singular, parent } = resource
  const parentId = id(parent)
  const childId = id("id")
  return group(resource.name, `${resource.name[0]!.toUpperCase()}${resource.name.slice(1)} of a ${parent.replace(/Id$/, "")}`, [
    Command.make("list", { parentId, json, ...Connection.connectionOptions }, (flags) =>
      withClient(flags, (crm) =>
        Effect.flatMap(resource.service(crm).list(flags.parentId), (rows) => printRows(resource, rows, flags.json))))
      .pipe(Command.withDescription(`List the ${resource.name} of a ${parent.replace(/Id$/, "")}`)),
    Command.make("get", { parentId, id: childId, json, ...Connection.connectionOptions }, (flags) =>
      withClient(flags, (crm) =>
        Effect.flatMap(resource.service(crm).get(flags.parentId, flags.id), (r) => printRecord(r, flags.json))))
      .pipe(Command.withDescription(`Show one ${singular}`)),
    Command.make(
      "create",
      { parentId, fields: fieldOptions(resource.fields, "create"), json, ...Connection.connectionOptions },
      (flags) =>
        withClient(flags, (crm) =>
          Effect.flatMap(
            resource.service(crm).create(flags.parentId, payload(flags.fields)),
            (r) => printRecord(r, flags.json)
          ))
    ).pipe(Command.withDescription(`Create a ${singular}`)),
    Command.make(
      "update",
      { parentId, id: childId, fields: fieldOptions(resource.fields, "update"), json, ...Connection.connectionOptions },
      (flags) =>
        withClient(flags, (crm) =>
          Effect.flatMap(
            resource.service(crm).update(flags.parentId, flags.id, payload(flags.fields)),
            (r) => printRecord(r, flags.json)
          ))
    ).pipe(Command.withDescription(`Change attributes of a ${singular}`)),
    Command.make("delete", { parentId, id: childId, json, ...Connection.connectionOptions }, (flags) =>
      withClient(flags, (crm) =>
        Effect.zipRight(
          resource.service(crm).delete(flags.parentId, flags.id),
          printDeleted(resource, flags.id, flags.json)
        )))
      .pipe(Command.withDescription(`Delete a ${singular}`))
  ])
}

/** `crm <resource> ...` for one resource. */
export const resourceCommand = (resource: Resource, description: string) =>
  group(resource.name, description, topLevelCommands(resource))
