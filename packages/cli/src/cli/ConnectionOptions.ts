/**
 * The connection flags as `@effect/cli` options (`--api-url`, `--token`, `--api-key`, `--db`), for the
 * commands `@effect/cli` parses; `Connection` reads their values.
 */
import * as Options from "@effect/cli/Options"

/** `--db` of the embedded emulator. */
export const databaseOption = Options.text("db").pipe(
  Options.optional,
  Options.withDescription(
    "Database of the embedded emulator (env CRM_EMULATOR_DB; \":memory:\" keeps nothing; default: your data directory)"
  )
)

/** The flags every API command takes. */
export const connectionOptions = {
  apiUrl: Options.text("api-url").pipe(
    Options.optional,
    Options.withDescription("API base URL (env BLOCKS_API_URL); without it the embedded emulator is used")
  ),
  token: Options.redacted("token").pipe(
    Options.optional,
    Options.withDescription("Bearer token (env BLOCKS_AUTH_TOKEN)")
  ),
  apiKey: Options.redacted("api-key").pipe(
    Options.optional,
    Options.withDescription("API key, sent as AppId (env BLOCKS_API_KEY)")
  ),
  db: databaseOption
}
