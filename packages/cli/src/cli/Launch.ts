/**
 * What a command line asks for, decided from the command tree alone (no contract, no Effect): help to
 * print, the version, one resource's commands (and so which domains to load), the demo, the emulator,
 * or the whole command tree (completions, the wizard, a word the tree does not know).
 */
import * as Tree from "./Tree.js"

/** What to run for a command line. */
export type Plan =
  | { readonly _tag: "help"; readonly words: ReadonlyArray<string> }
  | { readonly _tag: "version" }
  | { readonly _tag: "demo" }
  | { readonly _tag: "emulator" }
  | { readonly _tag: "resource"; readonly word: string; readonly domains: ReadonlyArray<string> }
  | { readonly _tag: "completions"; readonly shell: "bash" | "zsh" | "fish" }
  | { readonly _tag: "full" }

const helpFlags = new Set(["--help", "-h"])

/** The plan for `args` (the arguments after `crm`). */
export const plan = (args: ReadonlyArray<string>, tree: Tree.Tree): Plan => {
  const words: Array<string> = []
  for (const arg of args) {
    if (arg.startsWith("-")) break
    words.push(arg)
  }
  const first = words[0]
  if (args.length === 0) return { _tag: "help", words: [] }
  if (first === "emulator") return { _tag: "emulator" }
  const shell = args[args.indexOf("--completions") + 1]
  if (args.includes("--completions") && (shell === "bash" || shell === "zsh" || shell === "fish")) {
    return { _tag: "completions", shell }
  }
  if (args.includes("--completions") || args.includes("--wizard")) return { _tag: "full" }
  if (args.some((arg) => helpFlags.has(arg))) {
    const known = words.length === 0 || Tree.commandAt(tree, words) !== undefined ||
      Tree.resourceAt(tree, words) !== undefined
    if (known) return { _tag: "help", words }
    if (first === "demo") return { _tag: "demo" }
    return { _tag: "full" }
  }
  if (first === undefined) return args[0] === "--version" ? { _tag: "version" } : { _tag: "full" }
  if (first === "demo") return { _tag: "demo" }
  const domains = Tree.domainsOf(tree, first)
  return domains.length === 0 ? { _tag: "full" } : { _tag: "resource", word: first, domains }
}
