// (c) The full reference client, Promise face.
import { createCrmClient } from "@blocks-crm/reference"

export const client = createCrmClient({ apiUrl: "https://crm.api.example", authToken: "token", apiKey: "key" })
