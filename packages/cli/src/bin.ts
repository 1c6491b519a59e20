#!/usr/bin/env node
/**
 * The `crm` executable. The help and the version are printed from the command tree the build wrote
 * (`commands.json` beside this file) without loading Effect or any contract; every other command line
 * imports the CLI (`cli/Run.ts`), which loads only the domains it uses. Run from the sources (no
 * `commands.json`), the tree is reflected from the contracts. Exit codes: see `cli/Failure.ts`.
 */
import * as fs from "node:fs"
import * as Help from "./cli/Help.js"
import * as Launch from "./cli/Launch.js"
import type * as Tree from "./cli/Tree.js"

const readJson = (file: URL): unknown => JSON.parse(fs.readFileSync(file, "utf8"))
const treeFile = new URL("./commands.json", import.meta.url)
const tree = fs.existsSync(treeFile) ? (readJson(treeFile) as Tree.Tree) : undefined
const version = (readJson(new URL("../package.json", import.meta.url)) as { readonly version: string }).version
const plan = tree === undefined ? undefined : Launch.plan(process.argv.slice(2), tree)

if (tree !== undefined && plan?._tag === "help") {
  const width = process.stdout.isTTY === true ? process.stdout.columns : undefined
  process.stdout.write(`${Help.forWords(tree, plan.words, width)}\n`)
} else if (plan?._tag === "version") {
  process.stdout.write(`${version}\n`)
} else {
  const { run } = await import("./cli/Run.js")
  run(process.argv, tree === undefined ? { version } : { tree, version })
}
