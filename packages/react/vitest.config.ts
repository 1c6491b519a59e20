import { mergeConfig } from "vitest/config"
import { project } from "../../vitest.shared.js"

// One emulator for the whole run (the published globalSetup): it sets BLOCKS_API_URL, BLOCKS_AUTH_TOKEN
// and BLOCKS_API_KEY for the test files, which then import no emulator code.
export default mergeConfig(project("react"), { test: { globalSetup: ["@blocks-crm/emulator/vitest"] } })
