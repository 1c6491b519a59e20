/**
 * `pnpm nx g @blocks-crm/tools:domain <name>`: a domain package with one example resource (models,
 * contract, service, tests, its client descriptor), the emulator's handlers for it and its registration
 * among the built-in domains, its place in the umbrella (`@blocks-crm/sdk`) or, for a team's own scope,
 * in the `crm` CLI alone, its loader in the CLI's domain list (`packages/cli/src/domains.ts`), the
 * workspace wiring and a changeset.
 * What it writes compiles and its tests pass before anyone edits it; the example resource is then
 * replaced by the real ones.
 */
import type { GeneratorCallback, Tree } from "@nx/devkit"
import { generateFiles, installPackagesTask, joinPathFragments, names, offsetFromRoot, updateJson } from "@nx/devkit"
import * as path from "node:path"

export interface DomainGeneratorSchema {
  readonly name: string
  readonly resource?: string | undefined
  readonly directory?: string | undefined
  readonly scope?: string | undefined
  readonly skipInstall?: boolean | undefined
}

const emulatorRoot = "packages/emulator"
const cliRoot = "packages/cli"
const sdkRoot = "packages/sdk"
const sdkScope = "@blocks-crm"
const sdkPackage = `${sdkScope}/sdk`

const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/** Words a generated `const` or parameter cannot be named. */
const reserved = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval").split(" ")
)

const identifier = (name: string, what: string, option: string) => {
  if (reserved.has(name)) {
    throw new Error(`The ${what} would be named "${name}", a reserved word in JavaScript: pick another ${option}`)
  }
  return name
}

/** English plural of a kebab-case word, good enough for resource names (`quote` → `quotes`). */
export const pluralize = (word: string): string =>
  /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`

/** The singular of a plural resource name (`opportunities` → `opportunity`). */
export const singularize = (word: string): string =>
  word.endsWith("ies")
    ? `${word.slice(0, -3)}y`
    : /(ss|x|z|ch|sh)es$/.test(word)
    ? word.slice(0, -2)
    : word.endsWith("s") && !word.endsWith("ss")
    ? word.slice(0, -1)
    : word

/** Every name the templates use, derived once from the options. */
export const normalizeOptions = (options: DomainGeneratorSchema) => {
  const name = options.name.trim()
  if (!kebab.test(name)) throw new Error(`The domain name must be kebab-case (like "accounts"), got "${name}"`)
  const resource = (options.resource ?? (name.endsWith("s") ? name : pluralize(name))).trim()
  if (!kebab.test(resource)) {
    throw new Error(`The resource name must be kebab-case (like "accounts"), got "${resource}"`)
  }
  const scope = options.scope ?? "@blocks-crm"
  if (!/^@[a-z0-9][a-z0-9._-]*$/.test(scope)) throw new Error(`The scope must look like "@acme", got "${scope}"`)
  const directory = normalizeDirectory(options.directory ?? `packages/${name}`)
  const singular = singularize(resource)
  const domain = names(name)
  const plural = names(resource)
  const model = names(singular)
  return {
    name,
    directory,
    scope,
    packageName: `${scope}/${name}`,
    offsetFromRoot: offsetFromRoot(directory),
    domainClass: domain.className,
    domainVar: identifier(domain.propertyName, "domain's descriptor", "name"),
    resourceVar: identifier(plural.propertyName, "resource's client", "--resource"),
    resourceClass: plural.className,
    resourceFile: resource,
    resourceWords: resource.replace(/-/g, " "),
    resourceTitle: capitalize(resource.replace(/-/g, " ")),
    resourcePath: `/${resource}/`,
    collection: plural.constantName.toLowerCase(),
    model: model.className,
    // Only a parameter name: a reserved word (resource "cases") gets a suffix instead of an error.
    modelVar: reserved.has(model.propertyName) ? `${model.propertyName}Record` : model.propertyName,
    modelFile: singular,
    modelType: model.constantName.toLowerCase(),
    modelWords: singular.replace(/-/g, " "),
    modelTitle: capitalize(singular.replace(/-/g, " ")),
    skipInstall: options.skipInstall === true
  }
}

export type NormalizedOptions = ReturnType<typeof normalizeOptions>

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const normalizeDirectory = (directory: string) => {
  const normalized = path.posix.normalize(directory.replace(/\\/g, "/")).replace(/\/+$/, "")
  if (normalized.startsWith("..") || path.posix.isAbsolute(normalized) || normalized === ".") {
    throw new Error(`The directory must be inside the workspace, got "${directory}"`)
  }
  return normalized
}

/** Reads a workspace file the generator must edit, with a message that says what is missing. */
const readText = (tree: Tree, file: string): string => {
  const text = tree.read(file, "utf-8")
  if (text === null) throw new Error(`The domain generator edits ${file}, which does not exist in this workspace`)
  return text
}

/** Inserts `line` after the last top-level `import` statement. */
const addImport = (source: string, line: string): string => {
  if (source.includes(line)) return source
  const imports = [...source.matchAll(/^import[^\n]*?from "[^"]+"\n/gm)]
  const last = imports.at(-1)
  if (last === undefined) return `${line}\n${source}`
  const end = last.index + last[0].length
  return `${source.slice(0, end)}${line}\n${source.slice(end)}`
}

/** Appends `item` to the array literal that `opening` (e.g. `builtInDomains ... = [`) starts. */
const addToArray = (source: string, opening: RegExp, item: string, file: string): string => {
  const match = opening.exec(source)
  if (match === null) throw new Error(`Could not find ${opening.source} in ${file}: add the domain there by hand`)
  const start = match.index + match[0].length
  const close = source.indexOf("]", start)
  const body = source.slice(start, close)
  if (new RegExp(`\\b${item}\\b`).test(body)) return source
  const multiline = body.includes("\n")
  const trimmed = body.replace(/\s*,?\s*$/, "")
  const next = multiline
    ? `${trimmed},\n  ${item}\n`
    : trimmed.trim() === ""
    ? item
    : `${trimmed}, ${item}`
  return `${source.slice(0, start)}${next}${source.slice(close)}`
}

/** Adds `name: loader` at the end of the CLI's `loaders` object (the help lists domains in its order). */
const addLoader = (source: string, name: string, loader: string, file: string): string => {
  const match = /export const loaders\b.*= \{\n/.exec(source)
  if (match === null) throw new Error(`Could not find the loaders object in ${file}: add the domain there by hand`)
  const start = match.index + match[0].length
  const close = source.indexOf("\n}", start)
  const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name)
  const body = source.slice(start, close)
  if (body.split("\n").some((line) => line.trimStart().startsWith(`${key}:`))) return source
  return `${source.slice(0, start)}${body.replace(/,?\s*$/, "")},\n  ${key}: ${loader}${source.slice(close)}`
}

const addReference = (tree: Tree, tsconfig: string, referencePath: string) =>
  updateJson(tree, tsconfig, (json: { references?: Array<{ path: string }> }) => {
    const references = json.references ?? []
    if (!references.some((reference) => reference.path === referencePath)) references.push({ path: referencePath })
    return { ...json, references }
  })

const addDependency = (
  tree: Tree,
  packageJson: string,
  packageName: string,
  range: string,
  field: "dependencies" | "devDependencies"
) =>
  updateJson(tree, packageJson, (json: Partial<Record<typeof field, Record<string, string>>>) => ({
    ...json,
    [field]: { ...json[field], [packageName]: range }
  }))

/** Adds `export * from "./domains/<name>.js"` after the umbrella root's last such line. */
const addDomainExport = (source: string, name: string, file: string): string => {
  const line = `export * from "./domains/${name}.js"`
  if (source.includes(line)) return source
  const last = [...source.matchAll(/^export \* from "\.\/domains\/[^"]+"\n/gm)].at(-1)
  if (last === undefined) throw new Error(`Could not find the domains' exports in ${file}: add ${line} by hand`)
  const end = last.index + last[0].length
  return `${source.slice(0, end)}${line}\n${source.slice(end)}`
}

/** pnpm and vitest find packages by glob; a directory outside them is added by name. */
const addToWorkspaceGlobs = (tree: Tree, directory: string) => {
  const parent = path.posix.dirname(directory)
  const workspace = readText(tree, "pnpm-workspace.yaml")
  const globs = [...workspace.matchAll(/^\s+-\s+['"]?([^'"\n]+)['"]?\s*$/gm)].map((m) => m[1]!.trim())
  if (!globs.includes(`${parent}/*`) && !globs.includes(directory)) {
    tree.write(
      "pnpm-workspace.yaml",
      workspace.replace(/^packages:\n((?:\s+-[^\n]*\n)*)/m, (block) => `${block}  - ${directory}\n`)
    )
  }
  const vitestConfig = readText(tree, "vitest.config.ts")
  if (
    !vitestConfig.includes(`"${parent}/*/vitest.config.ts"`) &&
    !vitestConfig.includes(`"${directory}/vitest.config.ts"`)
  ) {
    tree.write(
      "vitest.config.ts",
      addToArray(vitestConfig, /projects:\s*\[/, `"${directory}/vitest.config.ts"`, "vitest.config.ts")
    )
  }
}

export const domainGenerator = async (tree: Tree, schema: DomainGeneratorSchema): Promise<GeneratorCallback> => {
  const options = normalizeOptions(schema)
  const { directory, packageName, domainClass, domainVar, name } = options
  if (tree.exists(joinPathFragments(directory, "package.json"))) {
    throw new Error(`${directory} already holds a package: pick another name or --directory`)
  }
  const substitutions = { ...options, tmpl: "" }
  // Templates sit beside this file; Nx loads it as CommonJS (swc-node), vitest with __dirname shimmed.
  const files = path.join(__dirname, "files")

  // The package: models, contract, services, tests.
  generateFiles(tree, path.join(files, "package"), directory, substitutions)

  // The emulator serves it and tests it end to end.
  const emulatorDomains = joinPathFragments(emulatorRoot, "src/domains", name)
  generateFiles(tree, path.join(files, "emulator"), emulatorDomains, substitutions)
  generateFiles(tree, path.join(files, "emulator-test"), joinPathFragments(emulatorRoot, "test", name), substitutions)
  const emulatorFile = joinPathFragments(emulatorRoot, "src/Emulator.ts")
  let emulator = readText(tree, emulatorFile)
  emulator = addImport(emulator, `import { ${domainClass}Domain } from "./domains/${name}/${domainClass}Domain.js"`)
  emulator = addToArray(emulator, /builtInDomains\b[^=]*=\s*\[/, `${domainClass}Domain`, emulatorFile)
  tree.write(emulatorFile, emulator)
  const emulatorIndex = joinPathFragments(emulatorRoot, "src/index.ts")
  const exportDomain = `export { ${domainClass}Domain } from "./domains/${name}/${domainClass}Domain.js"\n`
  const emulatorIndexText = readText(tree, emulatorIndex)
  if (!emulatorIndexText.includes(exportDomain)) tree.write(emulatorIndex, emulatorIndexText + exportDomain)

  // Where clients find it: a built-in domain joins the umbrella (`@blocks-crm/sdk`: its domain list,
  // its root and a `@blocks-crm/sdk/<name>` entry); a team's domain (another scope) is the team's to
  // publish, so only the CLI composes it. Either way the `crm` CLI gets a loader for it, loaded when one
  // of its commands runs.
  const builtIn = options.scope === sdkScope
  const descriptor = `import { ${domainVar} } from "${packageName}/domain"`
  if (builtIn) {
    generateFiles(tree, path.join(files, "sdk"), joinPathFragments(sdkRoot, "src/domains"), substitutions)
    const clientFile = joinPathFragments(sdkRoot, "src/CrmClient.ts")
    let client = addImport(readText(tree, clientFile), descriptor)
    client = addToArray(client, /export const domains\b[^=]*=\s*\[/, domainVar, clientFile)
    tree.write(clientFile, client)
    const indexFile = joinPathFragments(sdkRoot, "src/index.ts")
    tree.write(indexFile, addDomainExport(readText(tree, indexFile), name, indexFile))
  }
  const cliDomainsFile = joinPathFragments(cliRoot, "src/domains.ts")
  const entry = builtIn ? `${sdkPackage}/${name}` : `${packageName}/domain`
  tree.write(
    cliDomainsFile,
    addLoader(
      readText(tree, cliDomainsFile),
      name,
      `() => import("${entry}").then((m) => m.${domainVar})`,
      cliDomainsFile
    )
  )

  // Workspace wiring: dependencies, project references, globs, a changeset.
  const packageReference = (from: string) =>
    joinPathFragments(path.posix.relative(from, directory), "tsconfig.src.json")
  for (const project of [emulatorRoot, builtIn ? sdkRoot : cliRoot]) {
    // The sdk is published: `workspace:^` becomes a caret range of the domain's version. The CLI bundles
    // the domains it composes, so a team's domain is one of its devDependencies.
    const range = project === sdkRoot ? "workspace:^" : "workspace:*"
    const field = project === cliRoot ? "devDependencies" : "dependencies"
    addDependency(tree, joinPathFragments(project, "package.json"), packageName, range, field)
    addReference(tree, joinPathFragments(project, "tsconfig.src.json"), packageReference(project))
    addReference(tree, joinPathFragments(project, "tsconfig.test.json"), packageReference(project))
  }
  addReference(tree, "tsconfig.json", directory)
  addToWorkspaceGlobs(tree, directory)
  const released = builtIn ? [packageName, sdkPackage] : [packageName]
  tree.write(
    `.changeset/${name}-domain.md`,
    `---\n${
      released.map((pkg) => `"${pkg}": minor`).join("\n")
    }\n---\n\nA new domain package, ${packageName}, with its ${options.resourceWords} service${
      builtIn ? `; \`@blocks-crm/sdk\` composes it and re-exports its names` : ""
    }.\n`
  )

  return () => {
    // Links the new package into node_modules; `--skipInstall` leaves that to the next `pnpm install`.
    if (!options.skipInstall) installPackagesTask(tree, true)
  }
}

export default domainGenerator
