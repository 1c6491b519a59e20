/**
 * Prints the command tree of every domain of `@blocks-crm/sdk` as JSON: the build writes it to
 * `dist/commands.json` for the help.
 */
import * as fs from "node:fs"
import * as Domains from "../domains.js"
import * as CommandTree from "./CommandTree.js"

const { version } = JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  readonly version: string
}
process.stdout.write(JSON.stringify(CommandTree.fromDomains(await Domains.all(), version)))
