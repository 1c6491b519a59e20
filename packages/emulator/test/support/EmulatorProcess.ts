/**
 * The emulator as a child process for the crash test: seeded with its own credentials, on a database
 * file that a second process opens after the first was killed.
 */
import * as EmulatorProcess from "../../src/EmulatorProcess.js"

export type { EmulatorProcess } from "../../src/EmulatorProcess.js"

export const credentials = { apiKey: "pk_process_test", token: "tok_process_test" } as const

/** Starts the emulator's CLI on `database` and resolves with its URL from the banner. */
export const start = (database: string, timeoutMs = 90_000): Promise<EmulatorProcess.EmulatorProcess> =>
  EmulatorProcess.start({ database, credentials, timeoutMs })

/** SIGKILL: no finalizer runs, as after a crash. Resolves once the process is gone. */
export const kill9 = (emulator: EmulatorProcess.EmulatorProcess): Promise<void> => emulator.kill9()
