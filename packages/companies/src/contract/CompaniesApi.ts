/**
 * The companies domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { CompaniesGroup } from "./CompaniesGroup.js"
import { CompanyKeysGroup } from "./CompanyKeysGroup.js"

/**
 * Every companies group in one `HttpApi`: what the emulator serves and the CLI reflects.
 *
 * @since 0.1.0
 */
export class CompaniesApi extends HttpApi.make("companies")
  .add(CompaniesGroup)
  .add(CompanyKeysGroup)
{}
