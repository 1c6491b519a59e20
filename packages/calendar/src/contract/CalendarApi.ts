/**
 * The calendar domain's contract: every group it declares, as one `HttpApi` (the Calendar Sync
 * section of crm-block.md, 15 endpoints).
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { BusyBlocksGroup } from "./BusyBlocksGroup.js"
import { CalcomWebhookGroup } from "./CalcomWebhookGroup.js"
import { CalendarAccountsGroup } from "./CalendarAccountsGroup.js"
import { CalendarSyncGroup } from "./CalendarSyncGroup.js"
import { IcsFeedGroup } from "./IcsFeedGroup.js"
import { IcsTokensGroup } from "./IcsTokensGroup.js"

/**
 * The calendar domain's contract: every calendar group, for the emulator, the OpenAPI document and the CLI.
 *
 * @since 0.1.0
 */
export class CalendarApi extends HttpApi.make("calendar")
  .add(CalendarAccountsGroup)
  .add(CalendarSyncGroup)
  .add(BusyBlocksGroup)
  .add(IcsTokensGroup)
  .add(IcsFeedGroup)
  .add(CalcomWebhookGroup)
{}
