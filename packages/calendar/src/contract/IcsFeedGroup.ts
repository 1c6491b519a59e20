/**
 * The public ICS feed: no credentials, the token in the URL is the permission.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"

const companyUrlId = HttpApiSchema.param("companyUrlId", Fields.ResourceId)
const token = HttpApiSchema.param("token", Fields.ResourceId)

/**
 * The feed's content type.
 *
 * @since 0.1.0
 */
export const IcsContentType = "text/calendar; charset=utf-8"

/**
 * `GET /calendars/:company_url_id/ics/:token`: an RFC 5545 calendar (`text/calendar`) of the token's
 * user: their meetings and busy blocks. 404 for an unknown or revoked token or another company.
 *
 * @since 0.1.0
 */
export class IcsFeedGroup extends HttpApiGroup.make("icsFeed")
  .add(
    HttpApiEndpoint.get("get")`/calendars/${companyUrlId}/ics/${token}`
      .addSuccess(HttpApiSchema.Text({ contentType: IcsContentType }))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "A user's calendar as an ICS feed (public: the token is the permission)")
      .annotate(Contract.SecretPathParams, ["token"])
  )
  .annotate(OpenApi.Description, "Public ICS feed")
  .annotate(Contract.CliGroup, { path: ["ics-feed"], noun: "ICS feed" })
  .annotate(Contract.Public, true)
{}
