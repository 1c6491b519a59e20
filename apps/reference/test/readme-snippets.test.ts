/**
 * The READMEs' TypeScript snippets (`ts` and `tsx`; the root README and every published package's) are
 * excerpts of the files in examples/, which `pnpm typecheck` compiles: every line of a snippet is a line
 * of one example file, and a snippet imports only published packages (and Effect or Node.js).
 */
import { describe, expect, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const examplesDir = path.join(repo, "apps/reference/examples")

const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter((line) => line !== "")

const examples = fs.readdirSync(examplesDir)
  .filter((file) => file.endsWith(".ts") || file.endsWith(".tsx"))
  .map((file) => ({ file, lines: new Set(lines(fs.readFileSync(path.join(examplesDir, file), "utf8"))) }))

const packages = fs.readdirSync(path.join(repo, "packages"))
  .map((dir) => path.join(repo, "packages", dir))
  .filter((dir) => fs.existsSync(path.join(dir, "package.json")))
  .map((dir) => ({ dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) }))
const published = packages.filter(({ manifest }) => manifest.private !== true).map(({ manifest }) => manifest.name)

const readmes = [
  path.join(repo, "README.md"),
  ...packages.filter(({ manifest }) => manifest.private !== true).map(({ dir }) => path.join(dir, "README.md"))
]

const snippets = readmes.flatMap((readme) =>
  [...fs.readFileSync(readme, "utf8").matchAll(/```tsx?\n([\s\S]*?)```/g)].map((match, index) => ({
    name: `${path.relative(repo, readme)} #${index + 1}`,
    code: match[1]!
  }))
)

/** Effect, Node.js built-ins and published packages (a subpath of one is fine). */
const publishedModule = (specifier: string) =>
  specifier === "effect" || specifier.startsWith("effect/") || specifier.startsWith("@effect/") ||
  specifier.startsWith("node:") ||
  published.some((name) => specifier === name || specifier.startsWith(`${name}/`))

describe("README snippets", () => {
  it("finds the snippets and the published packages", () => {
    expect(snippets.length).toBeGreaterThan(20)
    expect(published).toEqual(expect.arrayContaining(["@blocks-crm/sdk", "@blocks-crm/client"]))
    expect(published).not.toContain("@blocks-crm/reference")
  })

  for (const { code, name } of snippets) {
    it(`${name} is an excerpt of an example and imports only published packages`, () => {
      const wanted = lines(code)
      const source = examples.find((example) => wanted.every((line) => example.lines.has(line)))
      const closest = [...examples].sort((a, b) =>
        wanted.filter((line) => !a.lines.has(line)).length - wanted.filter((line) => !b.lines.has(line)).length
      )[0]!
      expect(source?.file, `not in ${closest.file}: ${wanted.filter((line) => !closest.lines.has(line)).join(" | ")}`)
        .toBeDefined()
      const imported = [...code.matchAll(/from "([^"]+)"/g)].map((match) => match[1]!)
      expect(imported.filter((specifier) => !publishedModule(specifier))).toEqual([])
    })
  }
})
