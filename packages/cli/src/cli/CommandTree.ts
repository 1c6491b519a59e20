/**
 * The command tree of a list of domains, reflected from their contracts by the same code that builds
 * the commands (`ApiCommands.actionsOf`), so the help, the completions and the commands cannot differ.
 */
import type { CrmDomain } from "@blocks-crm/sdk"
import * as ApiCommands from "./ApiCommands.js"
import * as Examples from "./Examples.js"
import type { Tree, TreeCommand, TreeFlag } from "./Tree.js"

const valueOf = (input: ApiCommands.Input): string | undefined => {
  const kind = input.kind
  switch (kind._tag) {
    case "choice":
      return kind.choices.join("|").length <= 24 ? kind.choices.join("|") : "choice"
    case "boolean":
      return "true|false"
    case "timestamp":
      return "date-time"
    case "json":
      return "JSON"
    default:
      return kind._tag
  }
}

const flagsOf = (action: ApiCommands.Action): ReadonlyArray<TreeFlag> => [
  ...action.inputs.filter((input) => input.in !== "path").map((input): TreeFlag => ({
    name: input.flag,
    value: valueOf(input),
    description: input.kind._tag === "choice" && input.kind.choices.join("|").length > 24
      ? [ApiCommands.helpOf(input), `one of ${input.kind.choices.join(", ")}`].filter((p) => p !== undefined).join(": ")
      : ApiCommands.helpOf(input),
    required: !input.field.optional
  })),
  ...(action.paginated
    ? [{ name: "all", description: "Fetch every page, from --page if given (progress on stderr)", required: false }]
    : []),
  ...(action.signing === undefined ? [] : [{
    name: action.signing.secretName,
    value: "text",
    description: "The shared secret to sign the request with (unsigned without it)",
    required: false
  }])
]

/** The tree of every command of `domains`, in their order. */
export const fromDomains = (domains: ReadonlyArray<CrmDomain.Any>, version: string): Tree => ({
  version,
  domains: domains.map((domain) => domain.name),
  resources: domains.flatMap((domain) =>
    ApiCommands.resourcesOf(domain.api).map((resource) => ({ ...resource, domain: domain.name }))
  ),
  commands: domains.flatMap((domain) =>
    ApiCommands.actionsOf(domain.api).map((action): TreeCommand => {
      const path = [...action.resource, action.name]
      const args = action.inputs.filter((input) => input.in === "path").map((input) => ({
        name: input.flag,
        description: ApiCommands.helpOf(input) ??
          `The ${input.flag.replace(/Id$/, "").replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}'s id`
      }))
      const flags = flagsOf(action)
      return {
        path,
        description: action.description,
        domain: domain.name,
        args,
        flags,
        example: Examples.exampleOf(path, args.map((arg) => arg.name), flags)
      }
    })
  )
})
