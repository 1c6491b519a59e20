/**
 * Zoom hosts: list, stream, get, create, update, delete, availability, allocations, and the hosts free
 * for a range.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { ZoomHostsGroup } from "../contract/ZoomHostsGroup.js"
import type {
  ListZoomHostsParams,
  CreateZoomHostRequest,
  TimeRange,
  UpdateZoomHostRequest,
  UpdatedZoomHost,
  ZoomAllocation,
  ZoomAvailableUser,
  ZoomHost,
  ZoomHostAvailability
} from "../models/ZoomHost.js"

/**
 * The CRUD methods of Zoom hosts, plus availability.
 *
 * @since 0.1.0
 */
export interface ZoomHosts extends
  ResourceClient.CrudClient<
    ZoomHost,
    CreateZoomHostRequest,
    UpdateZoomHostRequest,
    UpdatedZoomHost,
    ListZoomHostsParams
  >
{
  /** Whether the host is free now, or for the range; with the reason and when it is next free. */
  readonly availability: (hostId: string, range?: TimeRange) => Effect.Effect<ZoomHostAvailability, CrmError>
  /** The Zoom meetings allocated to the host, released ones included. */
  readonly allocations: (hostId: string) => Effect.Effect<ReadonlyArray<ZoomAllocation>, CrmError>
  /** The hosts free now, or for the range. */
  readonly availableUsers: (range?: TimeRange) => Effect.Effect<ReadonlyArray<ZoomAvailableUser>, CrmError>
}

/**
 * The CRM's Zoom hosts as an Effect service (`ZoomHosts`). Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { ZoomHostsService } from "@blocks-crm/scheduling"
 * import { Effect } from "effect"
 *
 * const addHost = Effect.flatMap(ZoomHostsService, (hosts) =>
 *   hosts.create({ email: "zoom1@acme.com", maxMeetings: 2, workingHoursStart: "08:00", workingHoursEnd: "18:00" }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class ZoomHostsService extends Effect.Service<ZoomHostsService>()("@blocks-crm/scheduling/ZoomHostsService", {
  effect: Effect.map(ApiClient.group(ZoomHostsGroup), (endpoints): ZoomHosts => ({
    ...ResourceClient.crud("zoomHosts", endpoints),
    availability: (hostId, range) => endpoints.availability({ path: { uniqueId: hostId }, urlParams: range ?? {} }),
    allocations: (hostId) => endpoints.allocations({ path: { uniqueId: hostId } }),
    availableUsers: (range) => endpoints.availableUsers({ urlParams: range ?? {} })
  }))
}) {}
