/**
 * The piecemeal install, as part of the test suite: pack core-http and pipeline, install the tarballs
 * with plain npm outside the workspace, and call `leads.list` against an emulator from there.
 */
import { spawnSync } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, "..")

describe("piecemeal install", () => {
  it("installs core-http and pipeline from their tarballs with npm and calls the emulator", () => {
    const run = spawnSync(path.resolve(root, "../../node_modules/.bin/tsx"), ["src/check.ts"], {
      cwd: root,
      encoding: "utf8",
      timeout: 300_000,
      env: { ...process.env, FORCE_COLOR: "0" }
    })
    const output = `${run.stdout}\n${run.stderr}`
    expect(run.error, output).toBeUndefined()
    expect(run.status, output).toBe(0)
    expect(output).toContain("@blocks-crm/core-http: no issues")
    expect(output).toContain("@blocks-crm/pipeline: no issues")
    expect(output).toMatch(/created and read back lead [0-9a-f-]{36} \(1 listed\)/)
    expect(output).toContain("install check passed")
  }, 300_000)
})
