// (d) The umbrella: createCrmClient from @blocks-crm/sdk, every domain (Promise face).
import { createCrmClient } from "@blocks-crm/sdk"

export const client = createCrmClient({ apiUrl: "https://crm.api.example", authToken: "token", apiKey: "key" })
