/**
 * The domain generator run on this workspace as it is on disk, through Nx's own `FsTree` (reads fall
 * through to the disk, writes stay in memory: nothing is written). The output is then typechecked with
 * the TypeScript compiler against the real node_modules, as if `pnpm install` had linked the new
 * packages, so a generated domain that would not compile fails here.
 */
import { describe, expect, it } from "@effect/vitest"
import { FsTree } from "nx/src/generators/tree.js"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { domainGenerator, normalizeOptions, pluralize, singularize } from "../src/domain/generator.js"

const root = fileURLToPath(new URL("../../..", import.meta.url)).replace(/\/$/, "")

/** Two domains at once: one built-in under packages/, one team's own elsewhere with its own scope. */
const generateBoth = async () => {
  const tree = new FsTree(root, false)
  await domainGenerator(tree, { name: "gen-check", skipInstall: true })
  await domainGenerator(tree, {
    name: "acme-billing",
    directory: "teams/sales/acme-billing",
    scope: "@acme",
    resource: "cases",
    skipInstall: true
  })
  return tree
}

const json = (tree: FsTree, file: string): any => JSON.parse(tree.read(file, "utf-8") ?? "null")

/**
 * Compiles every TypeScript file the generator wrote or changed, reading the tree first and the disk
 * second. The new packages' node_modules are borrowed from the pipeline package (same dependencies),
 * and the apps and the sdk see the new packages where pnpm would link them.
 */
const typecheck = (tree: FsTree, packages: ReadonlyArray<{ readonly name: string; readonly directory: string }>) => {
  const links: Array<readonly [string, string]> = [
    ...packages.flatMap(({ directory, name }) => [
      [`${root}/${directory}/node_modules`, `${root}/packages/pipeline/node_modules`] as const,
      [`${root}/packages/emulator/node_modules/${name}`, `${root}/${directory}`] as const,
      [`${root}/packages/cli/node_modules/${name}`, `${root}/${directory}`] as const,
      [`${root}/packages/sdk/node_modules/${name}`, `${root}/${directory}`] as const
    ]),
    // The umbrella's new `@blocks-crm/sdk/<name>` entry, which the CLI's loader imports, is in the tree.
    [`${root}/packages/cli/node_modules/@blocks-crm/sdk`, `${root}/packages/sdk`] as const
  ]
  const mapPath = (file: string) => {
    for (const [from, to] of links) {
      if (file === from || file.startsWith(`${from}/`)) return to + file.slice(from.length)
    }
    return file
  }
  /** The tree's path of a workspace file outside node_modules; undefined for anything else. */
  const inTree = (file: string) => {
    const relative = path.relative(root, file)
    return relative.startsWith("..") || relative.split(path.sep).includes("node_modules") ? undefined : relative
  }

  const base = ts.readConfigFile(path.join(root, "tsconfig.base.json"), ts.sys.readFile)
  const options: ts.CompilerOptions = {
    ...ts.convertCompilerOptionsFromJson(base.config.compilerOptions, root).options,
    noEmit: true,
    composite: false,
    incremental: false,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    // Workspace packages resolve to their sources, as vitest and tsx see them.
    customConditions: ["@blocks-crm/source"]
  }
  const host = ts.createCompilerHost(options)
  const readFile = (file: string) => {
    const mapped = mapPath(file)
    const relative = inTree(mapped)
    if (relative === undefined) return ts.sys.readFile(mapped)
    return tree.isFile(relative) ? tree.read(relative, "utf-8") ?? undefined : undefined
  }
  host.getCurrentDirectory = () => root
  host.readFile = readFile
  host.fileExists = (file) => {
    const mapped = mapPath(file)
    const relative = inTree(mapped)
    return relative === undefined ? ts.sys.fileExists(mapped) : tree.isFile(relative)
  }
  host.directoryExists = (directory) => {
    const mapped = mapPath(directory)
    const relative = inTree(mapped)
    return relative === undefined ? ts.sys.directoryExists(mapped) : relative === "" || tree.exists(relative)
  }
  host.realpath = (file) => {
    const mapped = mapPath(file)
    return inTree(mapped) === undefined && ts.sys.realpath !== undefined && ts.sys.fileExists(mapped)
      ? ts.sys.realpath(mapped)
      : mapped
  }
  host.getSourceFile = (file, languageVersion) => {
    const text = readFile(file)
    return text === undefined ? undefined : ts.createSourceFile(file, text, languageVersion, true)
  }

  const rootNames = tree.listChanges()
    .filter((change) => change.type !== "DELETE" && change.path.endsWith(".ts"))
    .map((change) => path.join(root, change.path))
  const program = ts.createProgram({ rootNames, options, host })
  // Only the files the generator wrote or changed are checked in full; what they import is checked
  // as far as they use it (the workspace's own typecheck covers the rest).
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...rootNames.flatMap((file) => {
      const source = program.getSourceFile(file)
      return source === undefined
        ? [{ file: undefined, messageText: `not compiled: ${file}` } as unknown as ts.Diagnostic]
        : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    })
  ]
  return {
    rootNames,
    checked: program.getSourceFiles().map((file) => file.fileName),
    errors: diagnostics.map((diagnostic) =>
      `${diagnostic.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`
    )
  }
}

describe("names", () => {
  it("pluralizes and singularizes resource names", () => {
    expect(["quote", "opportunity", "touch", "box", "key"].map(pluralize)).toEqual([
      "quotes",
      "opportunities",
      "touches",
      "boxes",
      "keys"
    ])
    expect(["quotes", "opportunities", "touches", "boxes", "addresses", "cases", "staff"].map(singularize))
      .toEqual(["quote", "opportunity", "touch", "box", "address", "case", "staff"])
  })

  it("derives every name from the domain, resource, directory and scope", () => {
    expect(normalizeOptions({ name: "lead-scoring" })).toMatchObject({
      directory: "packages/lead-scoring",
      packageName: "@blocks-crm/lead-scoring",
      offsetFromRoot: "../../",
      domainClass: "LeadScoring",
      domainVar: "leadScoring",
      resourceVar: "leadScorings",
      resourcePath: "/lead-scorings/",
      model: "LeadScoring",
      modelType: "lead_scoring",
      collection: "lead_scorings"
    })
    expect(normalizeOptions({ name: "accounts", directory: "teams/x/accounts/", scope: "@acme" })).toMatchObject({
      directory: "teams/x/accounts",
      packageName: "@acme/accounts",
      offsetFromRoot: "../../../",
      resourceVar: "accounts",
      model: "Account"
    })
  })

  it("refuses names that are not kebab-case, directories outside the workspace and bad scopes", () => {
    expect(() => normalizeOptions({ name: "Accounts" })).toThrow("kebab-case")
    expect(() => normalizeOptions({ name: "accounts", directory: "../elsewhere" })).toThrow("inside the workspace")
    expect(() => normalizeOptions({ name: "accounts", scope: "acme" })).toThrow("scope")
    expect(() => normalizeOptions({ name: "new" })).toThrow(`"new", a reserved word`)
    expect(normalizeOptions({ name: "support", resource: "cases" })).toMatchObject({
      resourceVar: "cases",
      model: "Case",
      modelVar: "caseRecord"
    })
  })

  it("refuses a directory that already holds a package", async () => {
    await expect(domainGenerator(new FsTree(root, false), { name: "pipeline", skipInstall: true })).rejects.toThrow(
      "packages/pipeline already holds a package"
    )
  })
})

describe("domain generator", () => {
  it("writes the package with its descriptor, the emulator's handlers and test, and the wiring", async () => {
    const tree = await generateBoth()
    const written = tree.listChanges().map((change) => `${change.type} ${change.path}`).sort()
    expect(written).toEqual(expect.arrayContaining([
      "CREATE packages/gen-check/package.json",
      "CREATE packages/gen-check/README.md",
      "CREATE packages/gen-check/tsconfig.json",
      "CREATE packages/gen-check/tsconfig.src.json",
      "CREATE packages/gen-check/tsconfig.test.json",
      "CREATE packages/gen-check/vitest.config.ts",
      "CREATE packages/gen-check/src/index.ts",
      "CREATE packages/gen-check/src/models/GenCheck.ts",
      "CREATE packages/gen-check/src/contract/GenChecksGroup.ts",
      "CREATE packages/gen-check/src/contract/GenCheckApi.ts",
      "CREATE packages/gen-check/src/services/GenChecksService.ts",
      "CREATE packages/gen-check/src/services/GenCheckServices.ts",
      "CREATE packages/gen-check/src/domain.ts",
      "CREATE packages/gen-check/test/decoding.test.ts",
      "CREATE packages/gen-check/test/fixtures/gen-check-get.json",
      "CREATE packages/gen-check/test/fixtures/gen-checks-list.json",
      "CREATE packages/emulator/src/domains/gen-check/GenChecksHandlers.ts",
      "CREATE packages/emulator/src/domains/gen-check/GenCheckDomain.ts",
      "CREATE packages/emulator/src/domains/gen-check/Records.ts",
      "CREATE packages/emulator/test/gen-check/gen-checks.test.ts",
      "CREATE packages/sdk/src/domains/gen-check.ts",
      "CREATE .changeset/gen-check-domain.md",
      "CREATE teams/sales/acme-billing/src/models/Case.ts",
      "CREATE teams/sales/acme-billing/src/services/CasesService.ts",
      "CREATE teams/sales/acme-billing/src/domain.ts",
      "UPDATE packages/emulator/src/Emulator.ts",
      "UPDATE packages/emulator/src/index.ts",
      "UPDATE packages/emulator/package.json",
      "UPDATE packages/sdk/src/CrmClient.ts",
      "UPDATE packages/sdk/src/index.ts",
      "UPDATE packages/sdk/package.json",
      "UPDATE packages/sdk/tsconfig.src.json",
      "UPDATE packages/sdk/tsconfig.test.json",
      "UPDATE packages/cli/src/domains.ts",
      "UPDATE packages/cli/package.json",
      "UPDATE packages/cli/tsconfig.src.json",
      "UPDATE packages/cli/tsconfig.test.json",
      "UPDATE tsconfig.json",
      "UPDATE pnpm-workspace.yaml",
      "UPDATE vitest.config.ts"
    ]))
    // Nothing outside the places above.
    for (const entry of written) {
      expect(entry).toMatch(
        /^(CREATE|UPDATE) (packages\/(gen-check|sdk|emulator|cli)\/|teams\/sales\/acme-billing\/|\.changeset\/|tsconfig\.json$|pnpm-workspace\.yaml$|vitest\.config\.ts$)/
      )
    }

    const pkg = json(tree, "packages/gen-check/package.json")
    expect(pkg).toMatchObject({
      name: "@blocks-crm/gen-check",
      type: "module",
      publishConfig: { access: "public" },
      scripts: { prepack: "tsc -b tsconfig.src.json" },
      dependencies: { "@blocks-crm/core-http": "workspace:^" },
      peerDependencies: { effect: "^3.22.4", "@effect/platform": "^0.97.2" }
    })
    expect(pkg.exports["./*"]["@blocks-crm/source"]).toBe("./src/services/*.ts")
    expect(pkg.exports["./domain"]["@blocks-crm/source"]).toBe("./src/domain.ts")
    expect(pkg.publishConfig.exports["./domain"]).toEqual({ types: "./dist/domain.d.ts", default: "./dist/domain.js" })
    expect(tree.read("packages/gen-check/src/domain.ts", "utf-8")).toContain("export const genCheck = CrmDomain.make({")
    expect(tree.read("packages/gen-check/src/index.ts", "utf-8")).toContain(`export * from "./domain.js"`)
    expect(json(tree, "teams/sales/acme-billing/package.json").name).toBe("@acme/acme-billing")
    expect(json(tree, "teams/sales/acme-billing/tsconfig.src.json").extends).toBe("../../../tsconfig.base.json")

    const group = tree.read("teams/sales/acme-billing/src/contract/CasesGroup.ts", "utf-8")
    expect(group).toContain(`HttpApiGroup.make("cases")`)
    expect(group).toContain(`HttpApiEndpoint.put("update")\`/cases/\${uniqueId}/\``)
    expect(tree.read("teams/sales/acme-billing/src/services/CasesService.ts", "utf-8")).toContain(
      "ApiClient.group(CasesGroup)"
    )

    const emulator = tree.read("packages/emulator/src/Emulator.ts", "utf-8") ?? ""
    expect(emulator).toMatch(
      /builtInDomains[^=]*= \[[^\]]*PipelineDomain[^\]]*GenCheckDomain[^\]]*AcmeBillingDomain[^\]]*\]/
    )
    expect(emulator).toContain(`import { GenCheckDomain } from "./domains/gen-check/GenCheckDomain.js"`)
    // The built-in domain joins the umbrella; the team's (another scope) only the CLI.
    const sdkClient = tree.read("packages/sdk/src/CrmClient.ts", "utf-8") ?? ""
    expect(sdkClient).toMatch(/export const domains = \[[^\]]*pipeline[^\]]*billing,\n {2}genCheck\n\]/)
    expect(sdkClient).toContain(`import { genCheck } from "@blocks-crm/gen-check/domain"`)
    expect(sdkClient).not.toContain("acmeBilling")
    const sdkIndex = tree.read("packages/sdk/src/index.ts", "utf-8") ?? ""
    expect(sdkIndex).toContain(`export * from "./domains/billing.js"\nexport * from "./domains/gen-check.js"\n`)
    expect(tree.read("packages/sdk/src/domains/gen-check.ts", "utf-8")).toContain(
      `export * from "@blocks-crm/gen-check"`
    )
    // The CLI loads each domain when one of its commands runs, the built-in one through the umbrella.
    const cliDomains = tree.read("packages/cli/src/domains.ts", "utf-8") ?? ""
    expect(cliDomains).toContain(
      `  billing: () => import("@blocks-crm/sdk/billing").then((m) => m.billing),\n` +
        `  "gen-check": () => import("@blocks-crm/sdk/gen-check").then((m) => m.genCheck),\n` +
        `  "acme-billing": () => import("@acme/acme-billing/domain").then((m) => m.acmeBilling)\n}`
    )

    const dependents = [
      ["packages/emulator", { "@blocks-crm/gen-check": "workspace:*", "@acme/acme-billing": "workspace:*" }],
      ["packages/sdk", { "@blocks-crm/gen-check": "workspace:^" }],
      ["packages/cli", { "@acme/acme-billing": "workspace:*" }]
    ] as const
    for (const [project, dependencies] of dependents) {
      const field = project === "packages/cli" ? "devDependencies" : "dependencies"
      expect(json(tree, `${project}/package.json`)[field]).toMatchObject(dependencies)
      for (const config of ["tsconfig.src.json", "tsconfig.test.json"]) {
        expect(json(tree, `${project}/${config}`).references).toEqual(expect.arrayContaining(
          Object.keys(dependencies).map((name) => ({
            path: path.posix.join(
              path.posix.relative(
                project,
                name === "@acme/acme-billing" ? "teams/sales/acme-billing" : "packages/gen-check"
              ),
              "tsconfig.src.json"
            )
          }))
        ))
      }
    }
    expect(json(tree, "packages/sdk/package.json").dependencies).not.toHaveProperty("@acme/acme-billing")
    expect(json(tree, "packages/cli/package.json").devDependencies).not.toHaveProperty("@blocks-crm/gen-check")
    expect(json(tree, "tsconfig.json").references).toEqual(expect.arrayContaining([
      { path: "packages/gen-check" },
      { path: "teams/sales/acme-billing" }
    ]))
    // packages/* is already a workspace glob; the team's directory is added by name.
    const workspace = tree.read("pnpm-workspace.yaml", "utf-8") ?? ""
    expect(workspace).toContain("  - teams/sales/acme-billing\n")
    expect(workspace).not.toContain("packages/gen-check")
    expect(tree.read("vitest.config.ts", "utf-8")).toContain(`"teams/sales/acme-billing/vitest.config.ts"`)
    expect(tree.read(".changeset/acme-billing-domain.md", "utf-8")).toContain(`"@acme/acme-billing": minor\n---`)
    expect(tree.read(".changeset/gen-check-domain.md", "utf-8")).toContain(
      `"@blocks-crm/gen-check": minor\n"@blocks-crm/sdk": minor\n---`
    )
  })

  it("writes code that typechecks against the workspace", async () => {
    const tree = await generateBoth()
    const result = typecheck(tree, [
      { name: "@blocks-crm/gen-check", directory: "packages/gen-check" },
      { name: "@acme/acme-billing", directory: "teams/sales/acme-billing" }
    ])
    // The generated files, the edited emulator and client, and what they import were all compiled.
    expect(result.rootNames).toEqual(expect.arrayContaining([
      path.join(root, "packages/gen-check/src/services/GenChecksService.ts"),
      path.join(root, "teams/sales/acme-billing/test/decoding.test.ts"),
      path.join(root, "packages/emulator/test/acme-billing/cases.test.ts"),
      path.join(root, "packages/emulator/src/Emulator.ts"),
      path.join(root, "packages/sdk/src/index.ts"),
      path.join(root, "packages/cli/src/domains.ts")
    ]))
    expect(result.checked).toEqual(expect.arrayContaining([path.join(root, "packages/core-http/src/ApiClient.ts")]))
    expect(result.errors).toEqual([])
  }, 120_000)
})
