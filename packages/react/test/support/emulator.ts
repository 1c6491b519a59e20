/** The emulator the run's globalSetup started (`@blocks-crm/emulator/vitest`), and a client of it. */
import { createCrmClient } from "@blocks-crm/client"
import { domains } from "./domains.js"

const variable = (name: string): string => {
  const value = process.env[name]
  if (value === undefined || value === "") throw new Error(`${name} is not set: is the emulator's globalSetup on?`)
  return value
}

/** The emulator's address and credentials, as `CrmProvider`'s `settings`. */
export const settings = () => ({
  apiUrl: variable("BLOCKS_API_URL"),
  authToken: variable("BLOCKS_AUTH_TOKEN"),
  apiKey: variable("BLOCKS_API_KEY")
})

/** A client of the emulator over the test domains; the caller closes it. */
export const emulatorClient = () => createCrmClient({ ...settings(), domains })
