#!/usr/bin/env node
/**
 * `blocks-crm-emulator`: the emulator as a process. SIGTERM and SIGINT stop it (the database is closed
 * cleanly first).
 */
import * as Command from "@effect/cli/Command"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import { readFileSync } from "node:fs"
import { emulatorCommand } from "./Cli.js"

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  readonly version: string
}

const run = Command.run(emulatorCommand, { name: "blocks-crm-emulator", version })

run(process.argv).pipe(Effect.provide(NodeContext.layer), NodeRuntime.runMain({ disableErrorReporting: false }))
