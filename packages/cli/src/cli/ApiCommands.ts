/**
 * `crm <resource> [<sub>] <action>`, reflected from every composed domain's `HttpApi`: one command per
 * endpoint. Path parameters become positional arguments; URL parameters and the fields of the request
 * body become typed flags, required where the schema requires them and described by its annotations;
 * each value is parsed by the schema the SDK encodes it with, so the CLI refuses what the SDK would.
 * A domain writes no CLI code: annotations on its contract (`Contract.CliGroup`, `Contract.CliCommand`,
 * `Contract.TableColumns`, `OpenApi.Summary`/`Description`) only polish names and tables.
 *
 * Calls go through the derived client (`ApiClient.group`) on the transport the connection flags ask
 * for, after the request is checked as the derived client checks it (`ApiClient.checkRequest`), so inputs,
 * errors and exit codes are the SDK's.
 *
 * Nothing here imports `@effect/cli`: a command line that parses cleanly runs through `DirectRun`, and
 * only the others (a mistake to report, the completions, the wizard) load `@effect/cli`
 * (`EffectCommands`), which builds its commands from the same actions.
 */
import { ApiClient, Contract, CrmTransport, Pagination } from "@blocks-crm/core-http"
import type { CrmError } from "@blocks-crm/core-http"
import type * as HttpApi from "@effect/platform/HttpApi"
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import * as Chunk from "effect/Chunk"
import * as Console from "effect/Console"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as Stream from "effect/Stream"
import * as Connection from "./Connection.js"
import type { ConnectionFlags } from "./Connection.js"
import * as ContractSchema from "./ContractSchema.js"
import type { Field, Kind, Model, Success } from "./ContractSchema.js"
import * as Output from "./Output.js"
import * as Workflows from "./Workflows.js"

type Group = HttpApiGroup.HttpApiGroup.AnyWithProps
type Endpoint = HttpApiEndpoint.HttpApiEndpoint.AnyWithProps

/** One flag or argument of a command: a field of the request, where it goes, and how it is read. */
export interface Input {
  readonly field: Field
  readonly kind: Kind
  /** `--due-date` for `dueDate`; for a path parameter, the argument's name. */
  readonly flag: string
  readonly in: "path" | "urlParams" | "payload"
}

/** One command: an endpoint of a group, under the group's command path. */
export interface Action {
  /** The resource's words (`["leads", "follows"]`). */
  readonly resource: ReadonlyArray<string>
  /** The action's word (`create`). */
  readonly name: string
  /** `leads.follows.create`, as errors name it. */
  readonly operation: string
  readonly group: Group
  readonly endpoint: Endpoint
  readonly inputs: ReadonlyArray<Input>
  /** The request body's schema (the inner object of a wrapped body), when the endpoint takes one. */
  readonly payload: AST.AST | undefined
  readonly success: Success
  /** A listing with `page`: `--all` walks every page. */
  readonly paginated: boolean
  readonly noun: string
  readonly plural: string
  readonly description: string
  /** The path parameters whose values are secrets (`Contract.SecretPathParams`). */
  readonly secretParams: ReadonlyArray<string>
  /** How to sign the request, for a webhook endpoint (`Contract.SignedRequest`). */
  readonly signing: Context.Tag.Service<typeof Contract.SignedRequest> | undefined
}

/** A resource's command: its description (from the group) and the actions under it. */
export interface Resource {
  readonly path: ReadonlyArray<string>
  readonly description: string
}

// ---------------------------------------------------------------------------------------------------
// Words

const words = (name: string) =>
  name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim().toLowerCase().split(/\s+/)

const kebab = (name: string) => words(name).join("-")

const article = (noun: string) => `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`

const pluralOf = (noun: string) =>
  /(s|x|z|ch|sh)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`

const singularOf = (word: string) =>
  /ies$/.test(word)
    ? `${word.slice(0, -3)}y`
    : /(s|x|z|ch|sh)es$/.test(word)
    ? word.slice(0, -2)
    : word.replace(/s$/, "")

const capitalized = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`

const annotation = <I, S>(context: Context.Context<never>, tag: Context.Tag<I, S>): S | undefined =>
  Option.getOrUndefined(Context.getOption(context as Context.Context<I>, tag))

// ---------------------------------------------------------------------------------------------------
// Reflection

const pathParams = (path: string) => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!)

const fieldsOf = (schema: Option.Option<Schema.Schema.Any>) =>
  Option.match(schema, { onNone: () => [], onSome: (s) => ContractSchema.structFields(s.ast) ?? [] })

const groupNoun = (group: Group): string | undefined => {
  const named = annotation(group.annotations, Contract.CliGroup)?.noun
  if (named !== undefined) return named
  for (const endpoint of Object.values(group.endpoints) as ReadonlyArray<Endpoint>) {
    const success = ContractSchema.successOf(endpoint.successSchema.ast)
    const noun = success._tag === "none" ? undefined : success.model?.noun
    if (noun !== undefined) return words(noun).join(" ")
  }
  return undefined
}

const defaultDescription = (endpoint: Endpoint, noun: string, plural: string, params: ReadonlyArray<string>) => {
  const owner = params.length > 0 ? words(params[0]!.replace(/Id$/, "")).join(" ") : undefined
  switch (endpoint.name) {
    case "list":
      return owner === undefined ? `List ${plural}` : `List the ${plural} of ${article(owner)}`
    case "listDeleted":
      return `List deleted ${plural}`
    case "get":
      return `Show one ${noun}`
    case "create":
      return `Create ${article(noun)}`
    case "update":
      return `Change attributes of ${article(noun)}`
    case "delete":
      return `Delete ${article(noun)}`
    case "recover":
      return `Bring back a deleted ${noun}`
    default:
      return `${endpoint.method} ${endpoint.path}`
  }
}

/** The flags every command has, which no field may take. */
const reservedFlags = [
  "json",
  "output",
  "all",
  "api-url",
  "token",
  "api-key",
  "db",
  "help",
  "h",
  "version",
  "wizard",
  "completions",
  "log-level"
]

/**
 * Every command of one domain's contract (with `only`, of the groups under that top-level word; with
 * `wanted`, only the commands whose words it accepts, so a command line reflects just its own).
 */
export const actionsOf = (
  api: HttpApi.HttpApi.Any,
  only?: string,
  wanted?: (words: ReadonlyArray<string>) => boolean
): ReadonlyArray<Action> =>
  (Object.values((api as unknown as { readonly groups: Record<string, Group> }).groups)).flatMap((group) => {
    const cli = annotation(group.annotations, Contract.CliGroup)
    const resource = cli?.path ?? [kebab(group.identifier)]
    if (only !== undefined && resource[0] !== only) return []
    const nameOf = (endpoint: Endpoint) =>
      annotation(endpoint.annotations, Contract.CliCommand)?.name ?? kebab(endpoint.name)
    const endpoints = (Object.values(group.endpoints) as ReadonlyArray<Endpoint>).filter((endpoint) =>
      wanted === undefined || wanted([...resource, nameOf(endpoint)])
    )
    if (endpoints.length === 0) return []
    const noun = groupNoun(group) ?? singularOf(words(resource[resource.length - 1]!).join(" "))
    const plural = pluralOf(noun)
    return endpoints.map((endpoint): Action => {
      const name = nameOf(endpoint)
      const params = pathParams(endpoint.path)
      const pathFields = fieldsOf(endpoint.pathSchema)
      const urlFields = fieldsOf(endpoint.urlParamsSchema)
      const body = Option.map(endpoint.payloadSchema, (s) => ContractSchema.payloadFields(s.ast))
      const payload = Option.getOrUndefined(body)
      // A field named like one of the CLI's own flags (`--token`, `--json`) or like another field is
      // prefixed with the record's noun (`--webhook-token`).
      const taken = new Set(reservedFlags)
      const flagFor = (field: Field) => {
        const plain = kebab(field.name)
        const flag = taken.has(plain) ? `${kebab(noun)}-${plain}` : plain
        taken.add(flag)
        return flag
      }
      const inputs: Array<Input> = [
        ...params.flatMap((param) => {
          const field = pathFields.find((f) => f.name === param)
          const input: Input = {
            field: field ?? { name: param, optional: false, ast: Schema.String.ast, description: undefined },
            kind: { _tag: "text" },
            flag: param,
            in: "path"
          }
          return [input]
        }),
        ...urlFields.map((field): Input => ({
          field,
          kind: ContractSchema.kindOf(field.ast),
          flag: flagFor(field),
          in: "urlParams"
        })),
        ...(payload?.fields ?? []).map((field): Input => ({
          field,
          kind: ContractSchema.kindOf(field.ast),
          flag: flagFor(field),
          in: "payload"
        }))
      ]
      // A body that is not a struct is given whole, as JSON.
      if (Option.isSome(endpoint.payloadSchema) && payload === undefined) {
        inputs.push({
          field: {
            name: "body",
            optional: false,
            ast: endpoint.payloadSchema.value.ast,
            description: "The request body, as JSON"
          },
          kind: { _tag: "json" },
          flag: "body",
          in: "payload"
        })
      }
      const summary = annotation(endpoint.annotations, OpenApi.Summary) ??
        annotation(endpoint.annotations, OpenApi.Description)
      const success = ContractSchema.successOf(endpoint.successSchema.ast)
      const paginated = success._tag === "page" && urlFields.some((field) => field.name === "page")
      const description = summary ?? defaultDescription(endpoint, noun, plural, params)
      return {
        resource,
        name,
        operation: [...resource, name].join("."),
        group,
        endpoint,
        inputs,
        payload: payload?.ast ?? Option.getOrUndefined(Option.map(endpoint.payloadSchema, (s) => s.ast)),
        success,
        paginated,
        noun,
        plural,
        description: paginated ? `${description} (one page, or every page with --all)` : description,
        signing: annotation(endpoint.annotations, Contract.SignedRequest),
        secretParams: annotation(endpoint.annotations, Contract.SecretPathParams) ?? []
      }
    })
  })

/** The resources of a domain, with the descriptions their groups carry. */
export const resourcesOf = (api: HttpApi.HttpApi.Any): ReadonlyArray<Resource> =>
  (Object.values((api as unknown as { readonly groups: Record<string, Group> }).groups)).map((group) => {
    const path = annotation(group.annotations, Contract.CliGroup)?.path ?? [kebab(group.identifier)]
    const noun = groupNoun(group) ?? singularOf(words(path[path.length - 1]!).join(" "))
    return {
      path,
      description: annotation(group.annotations, OpenApi.Description) ??
        annotation(group.annotations, OpenApi.Title) ?? capitalized(pluralOf(noun))
    }
  })

// ---------------------------------------------------------------------------------------------------
// Flags: each value parsed by the field's own schema

const describeError = (error: ParseResult.ParseError) =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => issue.message).join("; ")

/** `(YYYY-MM-DD)`, `(0 to 100)`: what the schema says about a value, for the help. */
const hintOf = (input: Input): string | undefined => {
  const format = (ast: AST.AST): string | undefined => {
    const json = AST.getJSONSchemaAnnotation(ast)
    const declared = Option.isSome(json) ? (json.value as { readonly format?: unknown }).format : undefined
    if (declared === "date") return "YYYY-MM-DD"
    if (declared === "date-time") return "ISO 8601 date-time, e.g. 2026-03-05T14:00:00Z"
    if (ast._tag === "Refinement" || ast._tag === "Transformation") return format(ast.from)
    const surrogate = AST.getSurrogateAnnotation(ast)
    return Option.isSome(surrogate) ? format(surrogate.value) : undefined
  }
  const kind = input.kind._tag
  if (kind === "json") return "JSON"
  if (kind === "integer" || kind === "number") return ContractSchema.rangeOf(input.field.ast)
  return format(input.field.ast)
}

/** A flag's or argument's help: the field's description and what the schema says about its value. */
export const helpOf = (input: Input) => {
  const hint = hintOf(input)
  const text = [input.field.description ?? "", hint === undefined ? "" : `(${hint})`].filter((p) => p !== "").join(" ")
  return text === "" ? undefined : text
}

/** Parses a flag's raw value (text, number or choice) into the field's model value. */
export const parserOf = (input: Input): (raw: unknown) => Either.Either<unknown, string> => {
  const schema = Schema.make(input.field.ast)
  const kind = input.kind._tag
  const run = kind === "json"
    ? Schema.decodeUnknownEither(Schema.parseJson(schema))
    : kind === "text" || kind === "timestamp"
    ? Schema.decodeUnknownEither(schema)
    : Schema.validateEither(Schema.typeSchema(schema))
  const label = input.in === "path" ? `<${input.flag}>` : `--${input.flag}`
  return (raw) => Either.mapLeft(run(raw), (error) => `Invalid value for ${label}: ${describeError(error)}`)
}

/** How a command prints its answer. */
export type Format = "table" | "json" | "csv"

// ---------------------------------------------------------------------------------------------------
// Output

const columnsOf = (model: Model): ReadonlyArray<Output.Column<Record<string, unknown>>> =>
  model.columns.map((field) => {
    const kind = ContractSchema.kindOf(field.ast)._tag
    return {
      header: words(field.name).join(" ").toUpperCase(),
      value: (row) => row[field.name],
      align: kind === "integer" || kind === "number" ? "right" as const : "left" as const
    }
  })

const rowsTable = (action: Action, model: Model, rows: ReadonlyArray<object>) =>
  rows.length === 0
    ? `No ${action.plural}.`
    : Output.table(rows as ReadonlyArray<Record<string, unknown>>, columnsOf(model), Output.terminalWidth())

const csvOf = (rows: ReadonlyArray<unknown>) => {
  const objects = rows.map((
    row
  ) => (typeof row === "object" && row !== null ? row as Record<string, unknown> : { value: row }))
  return Output.csv(objects)
}

const print = (action: Action, result: unknown, request: Request, format: Format) => {
  const success = action.success
  const asJson = format === "json"
  if (format === "csv") {
    const rows = success._tag === "page"
      ? (result as Pagination.PageResult<object>).data
      : Array.isArray(result)
      ? result
      : success._tag === "none"
      ? []
      : [result]
    return Console.log(csvOf(rows))
  }
  switch (success._tag) {
    case "none": {
      const id = action.inputs.filter((input) => input.in === "path").map((input) => request.path[input.field.name])
        .pop()
      const deleted = action.endpoint.method === "DELETE"
      if (asJson) return Console.log(Output.json(deleted ? { deleted: id } : { ok: true }))
      return Console.log(deleted ? `Deleted ${action.noun} ${String(id)}` : "Done")
    }
    case "page": {
      const page = result as Pagination.PageResult<object>
      if (asJson) return Console.log(Output.json(page))
      if (page.data.length === 0) return Console.log(`No ${action.plural}.`)
      const { totalPages, totalRecords } = page.meta
      const where = page.meta.page === undefined ? "" : `page ${page.meta.page} of ${totalPages}, `
      const noun = totalRecords === 1 ? action.noun : action.plural
      return Console.log(`${rowsTable(action, success.model, page.data)}\n\n${where}${totalRecords} ${noun} in all`)
    }
    case "collection":
      return Console.log(
        asJson ? Output.json(result) : rowsTable(action, success.model, result as ReadonlyArray<object>)
      )
    case "record": {
      // A text answer (the ICS feed, text/calendar) prints as text, not as a JSON string, with the terminal's line ends.
      if (typeof result === "string" && !asJson) return Console.log(result.replace(/\r\n/g, "\n").trimEnd())
      // A POST's answer is where the API hands out a secret once (a new API key, a bearer token): the
      // user asked for it and cannot read it again, so it is printed. Every other answer shows <redacted>.
      const shown = action.endpoint.method === "POST" ? Output.revealSecrets(result) : result
      return Console.log(
        asJson || typeof shown !== "object" || shown === null ? Output.json(shown) : Output.record(shown)
      )
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Commands

interface Request {
  readonly path: Record<string, unknown>
  readonly urlParams: Record<string, unknown>
  readonly payload: Record<string, unknown> | unknown
}

type Call = (request: unknown) => Effect.Effect<unknown, CrmError.ApiError>

/** The request of the flags that were given, under the fields' model names. */
const requestOf = (action: Action, values: ReadonlyArray<unknown>): Request => {
  const parts = {
    path: {} as Record<string, unknown>,
    urlParams: {} as Record<string, unknown>,
    payload: {} as Record<string, unknown>
  }
  let body: unknown = undefined
  action.inputs.forEach((input, i) => {
    const value = values[i]
    const present = Option.isOption(value) ? Option.getOrUndefined(value) : value
    if (present === undefined) return
    if (input.kind._tag === "json" && input.flag === "body" && input.in === "payload") body = present
    else parts[input.in][input.field.name] = present
  })
  return { ...parts, payload: body ?? parts.payload }
}

const validated = (action: Action, request: Request) =>
  Effect.gen(function*() {
    yield* ApiClient.checkRequest(action.endpoint, action.operation)(request)
    return {
      ...(Object.keys(request.path).length > 0 ? { path: request.path } : {}),
      ...(Option.isSome(action.endpoint.urlParamsSchema) ? { urlParams: request.urlParams } : {}),
      ...(action.payload === undefined ? {} : { payload: request.payload })
    }
  })

/** The progress of `--all`: one line per page in a pipe, one line rewritten in place on a terminal. */
const progress = (text: string) =>
  process.stderr.isTTY === true ? Effect.sync(() => void process.stderr.write(`\r${text}`)) : Console.error(text)

const walkAll = (call: Call, sent: { readonly urlParams?: Record<string, unknown> }) => {
  const params = sent.urlParams ?? {}
  const start = typeof params.page === "number" ? params.page : 1
  const records = typeof params.records === "number" ? params.records : 100
  let fetched = 0
  return Pagination.stream(
    (page) =>
      (call({ ...sent, urlParams: { ...params, page, records } }) as Effect.Effect<
        Pagination.PageResult<object>,
        CrmError.ApiError
      >)
        .pipe(
          Effect.tap((result) => {
            fetched += result.data.length
            // Counted from the page the walk started at, not from the first page of the listing.
            const expected = Math.max(fetched, result.meta.totalRecords - (start - 1) * records)
            const line = `fetched ${fetched} of ${expected}`
            return fetched >= expected && process.stderr.isTTY === true ? progress(`${line}\n`) : progress(line)
          })
        ),
    { startPage: start }
  )
}

/** The signature headers of a signed endpoint's request: its payload as the client will send it. */
const signatureOf = (action: Action, secret: Redacted.Redacted<string>, sent: { readonly payload?: unknown }) =>
  Option.match(action.endpoint.payloadSchema, {
    onNone: () => action.signing!.sign(secret, ""),
    onSome: (schema) =>
      Effect.flatMap(
        Effect.orDie(Schema.encodeUnknown(schema as Schema.Schema<unknown, unknown>)(sent.payload)),
        (encoded) => action.signing!.sign(secret, JSON.stringify(encoded))
      )
  })

/** A 422 on the status attribute of an update command that has a status workflow. */
const refusedStatus = (action: Action, error: CrmError.ApiError) => {
  const workflow = Workflows.workflows[action.operation]
  return workflow !== undefined && error._tag === "ValidationFailed" &&
    error.errors.some((e) => e.source?.pointer === workflow.pointer)
}

/**
 * The refused update's error with the statuses the record may move to, read from its current status (one
 * `get`); the error as it was when that read fails.
 */
const explainRefusal = (
  workflow: Workflows.StatusWorkflow,
  get: Call | undefined,
  sent: { readonly path?: Record<string, unknown> },
  error: CrmError.ApiError
) =>
  Effect.gen(function*() {
    if (get === undefined) return yield* Effect.fail(error)
    const record = yield* Effect.orElse(get({ path: sent.path }), () => Effect.fail(error))
    const status = (record as { readonly status?: unknown }).status
    if (typeof status !== "string") return yield* Effect.fail(error)
    const next = yield* Effect.promise(workflow.next)
    return yield* Effect.fail(
      new Workflows.Explained({ error, hint: Workflows.hint(workflow.noun, status, next(status)) })
    )
  })

/** A command line's values for one action, as parsed by `@effect/cli` or by `DirectRun`. */
export interface Invocation {
  /** One value per input of the action, in its order: the value, `Option`, or `undefined` when not given. */
  readonly values: ReadonlyArray<unknown>
  readonly format: Format
  /** `--all`: every page. */
  readonly all: boolean
  readonly signingSecret: Option.Option<Redacted.Redacted<string>>
  readonly connection: ConnectionFlags
}

/** Runs one action: checks the request, calls the endpoint on the connection's transport, prints the answer. */
export const execute = (action: Action, invocation: Invocation) => {
  const request = requestOf(action, invocation.values)
  const format = invocation.format
  return Effect.gen(function*() {
    const sent = yield* validated(action, request)
    const client = (yield* ApiClient.group(action.group)) as unknown as Record<string, Call>
    const call = client[action.endpoint.name]!
    if (invocation.all) {
      // JSON with --all is NDJSON, one record per line as the pages arrive, so a pipe can start at once.
      if (format === "json") {
        return yield* Stream.runForEach(walkAll(call, sent), (row) => Console.log(JSON.stringify(row)))
      }
      const rows = Chunk.toReadonlyArray(yield* Stream.runCollect(walkAll(call, sent)))
      if (format === "csv") return yield* Console.log(csvOf(rows))
      return yield* Console.log(action.success._tag === "page" ? rowsTable(action, action.success.model, rows) : "")
    }
    const secret = invocation.signingSecret
    const headers = Option.isSome(secret) ? yield* signatureOf(action, secret.value, sent) : undefined
    const secrets = action.secretParams.map((name) => String(request.path[name]))
    const result = yield* call(headers === undefined ? sent : { ...sent, headers }).pipe(
      secrets.length === 0 ? (self) => self : CrmTransport.withCallOptions({ secrets }),
      Effect.catchIf(
        (error) => refusedStatus(action, error),
        (error) => explainRefusal(Workflows.workflows[action.operation]!, client["get"], sent, error)
      )
    )
    return yield* print(action, result, request, format)
  }).pipe(Effect.provide(Connection.transport(invocation.connection)))
}
