/**
 * The comms domain as the emulator serves it.
 */
import { CommsApi } from "@blocks-crm/comms"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { SubscribersHandlers } from "./SubscribersHandlers.js"

export const CommsDomain = EmulatorDomain.make("comms", CommsApi, SubscribersHandlers)
