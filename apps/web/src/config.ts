/**
 * Where the app finds the API: `config.json` beside index.html (`{ "apiUrl", "authToken", "apiKey" }`),
 * read at start, so one build runs against an emulator on any port. `pnpm web` and the browser test
 * serve it from the emulator they start; a deployment writes its own.
 */
export interface AppConfig {
  readonly apiUrl: string
  readonly authToken: string
  readonly apiKey: string
}

const isConfig = (value: unknown): value is AppConfig =>
  typeof value === "object" && value !== null &&
  ["apiUrl", "authToken", "apiKey"].every((key) => typeof (value as Record<string, unknown>)[key] === "string")

/** The configuration, or why there is none (shown instead of the app). */
export const loadConfig = async (): Promise<AppConfig | string> => {
  const url = `${import.meta.env.BASE_URL}config.json`
  try {
    const response = await fetch(url, { cache: "no-store" })
    if (!response.ok) return `${url} answered ${response.status}`
    const value: unknown = await response.json()
    return isConfig(value) ? value : `${url} must hold the strings apiUrl, authToken and apiKey`
  } catch (error) {
    return `${url} could not be read: ${error instanceof Error ? error.message : String(error)}`
  }
}
