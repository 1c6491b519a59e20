/**
 * The accounts domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { AccountDocumentsGroup } from "./AccountDocumentsGroup.js"
import { AccountsGroup } from "./AccountsGroup.js"
import { ContactDocumentsGroup } from "./ContactDocumentsGroup.js"

/** @since 0.1.0 */
export class AccountsApi extends HttpApi.make("accounts")
  .add(AccountsGroup)
  .add(AccountDocumentsGroup)
  .add(ContactDocumentsGroup)
{}
