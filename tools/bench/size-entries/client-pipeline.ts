// (c) createCrmClient from @blocks-crm/client over the pipeline domain alone (its descriptor from
// @blocks-crm/pipeline/domain): what a team that installed only those pays for the composed Promise face.
import { createCrmClient } from "@blocks-crm/client"
import { pipeline } from "@blocks-crm/pipeline/domain"

export const client = createCrmClient({
  apiUrl: "https://crm.api.example",
  authToken: "token",
  apiKey: "key",
  domains: [pipeline]
})
