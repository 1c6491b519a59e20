/**
 * The command tree as data: every resource and command the contracts give the CLI, with the flags and
 * descriptions its help shows. `CommandTree.fromDomains` reflects it from the domains; the build writes
 * it to `dist/commands.json`, so `crm --help`, `crm leads --help` and the choice of which domain to
 * load read a JSON file instead of every domain's contract. Nothing here imports Effect.
 */

/** A flag of one command. */
export interface TreeFlag {
  /** Without the dashes: `due-date`. */
  readonly name: string
  /** What it takes, for the help: `integer`, `new|contacted`, `text`; absent for a switch. */
  readonly value?: string | undefined
  readonly description?: string | undefined
  readonly required: boolean
}

/** A positional argument (a path parameter). */
export interface TreeArg {
  readonly name: string
  readonly description?: string | undefined
}

/** One command: an endpoint, under its resource's words. */
export interface TreeCommand {
  /** `["leads", "follows", "create"]`. */
  readonly path: ReadonlyArray<string>
  readonly description: string
  /** The domain whose contract holds the endpoint. */
  readonly domain: string
  readonly args: ReadonlyArray<TreeArg>
  readonly flags: ReadonlyArray<TreeFlag>
  /** One example command line. */
  readonly example: string
}

/** A resource (a group of the contract), under its words. */
export interface TreeResource {
  readonly path: ReadonlyArray<string>
  readonly description: string
  readonly domain: string
}

/** The whole tree of the composed domains. */
export interface Tree {
  readonly version: string
  readonly domains: ReadonlyArray<string>
  readonly resources: ReadonlyArray<TreeResource>
  readonly commands: ReadonlyArray<TreeCommand>
}

const startsWith = (path: ReadonlyArray<string>, prefix: ReadonlyArray<string>) =>
  prefix.length <= path.length && prefix.every((word, i) => path[i] === word)

/** The command at exactly `words`, if there is one. */
export const commandAt = (tree: Tree, words: ReadonlyArray<string>): TreeCommand | undefined =>
  tree.commands.find((command) => command.path.length === words.length && startsWith(command.path, words))

/** The resource at exactly `words`, if there is one. */
export const resourceAt = (tree: Tree, words: ReadonlyArray<string>): TreeResource | undefined =>
  tree.resources.find((resource) => resource.path.length === words.length && startsWith(resource.path, words))

/** The commands right under a resource (not those of its sub-resources). */
export const commandsUnder = (tree: Tree, words: ReadonlyArray<string>): ReadonlyArray<TreeCommand> =>
  tree.commands.filter((command) => command.path.length === words.length + 1 && startsWith(command.path, words))

/** The sub-resources right under a resource (`leads` → `leads follows`). */
export const resourcesUnder = (tree: Tree, words: ReadonlyArray<string>): ReadonlyArray<TreeResource> =>
  tree.resources.filter((resource) => resource.path.length === words.length + 1 && startsWith(resource.path, words))

/** The domains a top-level word needs loaded (a resource's commands may come from several domains). */
export const domainsOf = (tree: Tree, word: string): ReadonlyArray<string> => [
  ...new Set([
    ...tree.resources.filter((resource) => resource.path[0] === word).map((resource) => resource.domain),
    ...tree.commands.filter((command) => command.path[0] === word).map((command) => command.domain)
  ])
]
