/**
 * The calendar domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { CalendarAccountsGroup } from "./CalendarAccountsGroup.js"

/** @since 0.1.0 */
export class CalendarApi extends HttpApi.make("calendar")
  .add(CalendarAccountsGroup)
{}
