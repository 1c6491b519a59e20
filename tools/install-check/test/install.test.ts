/**
 * The publishable packages as users get them, in one file so that its tests run one after another
 * (each builds and packs the same packages into their dist/ folders):
 *
 * 1. what `pnpm pack` (and so `pnpm publish`) ships from an unbuilt package: `prepack` builds it, and
 *    the tarball has built JS and `.d.ts` for every export, a README, and a manifest with no
 *    `workspace:` range and no `@blocks-crm/source` condition (both only make sense inside this repo);
 * 2. the install check (src/check.ts) on those tarballs (it packs them itself when not every pack
 *    test passed, or when its test runs alone): install the tarballs with plain npm outside the
 *    workspace and call an emulator from there: a domain service on its own, the
 *    umbrella (`@blocks-crm/sdk`), the React bindings (server rendering, a TSX component), and, in another fresh project holding only core-http, client,
 *    pipeline and accounts, `createCrmClient({ domains: [pipeline, accounts] })`; tsc checks a
 *    TypeScript file in each project.
 */
import { execFile } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { afterAll, describe, expect, it } from "vitest"

const repo = fileURLToPath(new URL("../../../", import.meta.url))
const root = path.join(repo, "tools/install-check")

type Exports = Record<string, null | string | Record<string, string>>
interface Manifest {
  readonly name: string
  readonly private?: boolean
  readonly exports: Exports
  readonly [key: string]: unknown
}

// Asynchronous, so the test worker keeps answering vitest while a package builds.
const run = promisify(execFile)

const readJson = (file: string): Manifest => JSON.parse(fs.readFileSync(file, "utf8")) as Manifest

/** Every non-private package under packages/, as in tools/install-check/src/check.ts. */
const publishable = fs.readdirSync(path.join(repo, "packages"))
  .map((dir) => path.join(repo, "packages", dir))
  .filter((dir) => fs.existsSync(path.join(dir, "package.json")))
  .map((dir) => ({ dir, manifest: readJson(path.join(dir, "package.json")) }))
  .filter(({ manifest }) => manifest.private !== true)

/**
 * The subpaths a workspace manifest exports, with the source file each comes from: fixed entries
 * as written, and a `./*` pattern expanded over the source files its `@blocks-crm/source` target matches.
 */
const exportedSubpaths = (dir: string, exports: Exports): Array<{ subpath: string; key: string; stem: string }> =>
  Object.entries(exports).flatMap(([key, value]) => {
    if (value === null || typeof value === "string") return []
    const source = value["@blocks-crm/source"]
    if (source === undefined) return []
    if (!key.includes("*")) return [{ subpath: key, key, stem: "" }]
    const [before, after] = source.split("*") as [string, string]
    return fs.readdirSync(path.join(dir, before))
      .filter((file) => file.endsWith(after))
      .map((file) => file.slice(0, -after.length))
      .map((stem) => ({ subpath: key.replace("*", stem), key, stem }))
  })

const work = fs.mkdtempSync(path.join(os.tmpdir(), "blocks-crm-pack-test-"))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))
/** Every tarball the pack tests checked, for the install check to install rather than pack them again. */
const tarballs = path.join(work, "tarballs")
fs.mkdirSync(tarballs)
const packedAndChecked = new Set<string>()

describe("pnpm pack of every publishable package", () => {
  it("finds the publishable packages", () => {
    expect(publishable.map(({ manifest }) => manifest.name)).toEqual(
      expect.arrayContaining(["@blocks-crm/core-http", "@blocks-crm/pipeline", "@blocks-crm/client", "@blocks-crm/sdk"])
    )
  })

  for (const { dir, manifest } of publishable) {
    it(`${manifest.name}: builds on prepack and ships built JS and .d.ts for every export`, async () => {
      // Start unbuilt, as from a fresh clone: no dist/, no build info that would make tsc skip the build.
      fs.rmSync(path.join(dir, "dist"), { recursive: true, force: true })
      fs.rmSync(path.join(dir, ".tsbuild/src.tsbuildinfo"), { force: true })

      const destination = fs.mkdtempSync(path.join(work, "tarball-"))
      await run("pnpm", ["pack", "--pack-destination", destination], { cwd: dir, timeout: 240_000 })
      const tarball = fs.readdirSync(destination).find((file) => file.endsWith(".tgz"))
      expect(tarball, `pnpm pack wrote no tarball for ${manifest.name}`).toBeDefined()
      fs.copyFileSync(path.join(destination, tarball!), path.join(tarballs, tarball!))
      await run("tar", ["-xzf", path.join(destination, tarball!), "-C", destination])
      const unpacked = path.join(destination, "package")
      const files = new Set(
        (fs.readdirSync(unpacked, { recursive: true }) as Array<string>).map((file) => file.split(path.sep).join("/"))
      )

      expect(files.has("README.md"), "README.md is in the tarball").toBe(true)
      expect([...files].filter((file) => file.startsWith("src/")), "no sources").toEqual([])

      const packed = readJson(path.join(unpacked, "package.json"))
      const text = JSON.stringify(packed)
      expect(text, "workspace: ranges are rewritten to versions").not.toContain("workspace:")
      expect(text, "the in-repo source condition is not published").not.toContain("@blocks-crm/source")

      const subpaths = exportedSubpaths(dir, manifest.exports)
      // A package that is only a bin (the crm CLI): its bin is in the tarball, built, and executable.
      if (manifest.exports["."] === undefined) {
        const bins = Object.values((packed["bin"] ?? {}) as Record<string, string>)
        expect(bins.length, `${manifest.name} has a bin`).toBeGreaterThan(0)
        for (const bin of bins) {
          const file = path.join(unpacked, bin)
          expect(files.has(bin.replace(/^\.\//, "")), `${bin} is in the tarball`).toBe(true)
          expect(fs.statSync(file).mode & 0o111, `${bin} is executable`).not.toBe(0)
          expect(fs.readFileSync(file, "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/)
        }
        packedAndChecked.add(manifest.name)
        return
      }
      expect(subpaths.map((s) => s.subpath)).toContain(".")
      for (const { key, stem, subpath } of subpaths) {
        const conditions = packed.exports[key]
        expect(conditions, `${subpath} is exported by the packed manifest`).toBeTypeOf("object")
        const targets = conditions as Record<string, string>
        for (const condition of ["types", "default"]) {
          const target = targets[condition]?.replace("*", stem).replace(/^\.\//, "")
          expect(target, `${subpath} has a "${condition}" target`).toBeDefined()
          expect(files.has(target!), `${subpath} → ${target} is in the tarball`).toBe(true)
        }
        expect(targets["types"]).toMatch(/\.d\.ts$/)
        expect(targets["default"]).toMatch(/\.js$/)
      }
      packedAndChecked.add(manifest.name)
    }, 300_000)
  }
})

describe("piecemeal install", () => {
  it("installs the tarballs with npm, whole and piecemeal, and calls the emulator", async () => {
    // The tarballs the pack tests made and checked, when they all passed (the same `pnpm pack`, from
    // unbuilt packages): packing them again would only build every package once more.
    const reuse = publishable.every(({ manifest }) => packedAndChecked.has(manifest.name))
    const args = ["src/check.ts", ...(reuse ? ["--tarballs", tarballs] : [])]
    // Asynchronous, so the test worker keeps answering vitest during the minutes this takes.
    const result = await run(path.join(repo, "node_modules/.bin/tsx"), args, {
      cwd: root,
      // Two npm installs and two tsc runs besides the build: about two minutes alone, more beside other tasks.
      timeout: 540_000,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, FORCE_COLOR: "0" }
    }).then(
      ({ stderr, stdout }) => ({ status: 0, stdout, stderr }),
      (error: { code?: number | string; stdout?: string; stderr?: string; message: string }) => ({
        status: error.code ?? "failed",
        stdout: error.stdout ?? "",
        stderr: error.stderr ?? error.message
      })
    )
    const output = `${result.stdout}\n${result.stderr}`
    expect(result.status, output).toBe(0)
    for (const { manifest } of publishable) expect(output).toContain(`${manifest.name}: no issues`)
    expect(output).toMatch(/created and read back lead [0-9a-f-]{36} \(1 listed\)/)
    expect(output).toContain("require: ok")
    expect(output).toMatch(
      /sdk: client\.crm\.opportunities\.list\(\) listed \d+ \(created [0-9a-f-]{36}\); client\.crm\.calendarSync\.syncTenant\(\) in_progress over \d+ accounts/
    )
    expect(output).toContain("tsc sdk.ts: ok")
    expect(output).toMatch(/react: rendered lead [0-9a-f-]{36} on the server/)
    expect(output).toContain("tsc react.tsx: ok")
    expect(output).toContain("tsc react.tsx (Bundler): ok")
    expect(output).toContain(
      "node_modules/@blocks-crm: @blocks-crm/accounts, @blocks-crm/client, @blocks-crm/core-http, @blocks-crm/pipeline\n"
    )
    expect(output).toMatch(/piecemeal: created and listed lead [0-9a-f-]{36} and account [0-9a-f-]{36}/)
    expect(output).toContain("tsc piecemeal.ts: ok")
    expect(output).toMatch(/crm --help: \d+ lines; crm leads list --json: [1-9]\d* of \d+ leads/)
    expect(output).toMatch(/npx @blocks-crm\/cli demo: 7 reports in \d+ ms \(Pipeline report \(demo run [^)]+\); /)
    expect(output).toContain("crm check: ok")
    expect(output).toContain("install check passed")
  }, 600_000)
})
