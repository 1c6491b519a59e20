/**
 * The `crm` process: `Cli.main` on Node, exiting with its code. Imported by the bin only when a command
 * line needs more than the command tree (anything but the help and the version).
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Exit from "effect/Exit"
import { main } from "./Cli.js"
import type { MainOptions } from "./Cli.js"

/** Runs `crm` on `argv` and exits the process with its exit code. */
export const run = (argv: ReadonlyArray<string>, options: MainOptions) =>
  main(argv, options).pipe(
    NodeRuntime.runMain({
      disableErrorReporting: true,
      teardown: (exit, onExit) => onExit(Exit.isSuccess(exit) && typeof exit.value === "number" ? exit.value : 1)
    })
  )
