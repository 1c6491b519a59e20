// Only MeetingParticipantsService (the scheduling domain's smallest service), per-module entries, calling list.
import type { MeetingParticipant } from "@blocks-crm/scheduling"
import { MeetingParticipantsService } from "@blocks-crm/scheduling/MeetingParticipantsService"
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions): Promise<ReadonlyArray<MeetingParticipant>> =>
  Effect.runPromise(
    Effect.flatMap(MeetingParticipantsService, (service) => service.list("meeting-1")).pipe(
      Effect.provide(MeetingParticipantsService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
