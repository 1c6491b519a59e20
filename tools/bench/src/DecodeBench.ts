/**
 * (a) Decode: a 1000-record leads page from bytes to domain objects, the client's path (UTF-8 decode,
 * JSON.parse, the `leads.list` success schema) against JSON.parse and a hand-written mapper.
 */
import { isDeepStrictEqual } from "node:util"
import { clientDecode } from "./ClientDecode.js"
import { leadPageJson } from "./LeadFixtures.js"
import { baselineDecode } from "./LeadMapper.js"
import { interleavedSync, median, ratios, round } from "./Measure.js"

export interface DecodeResult {
  readonly records: number
  readonly bytes: number
  readonly rounds: number
  readonly iterationsPerRound: number
  readonly clientNsPerRecord: number
  readonly baselineNsPerRecord: number
  readonly ratio: number
  readonly ratioMedianOfRounds: number
  readonly target: number
  readonly goal: number
}

export const runDecode = (options: { readonly quick: boolean; readonly records?: number }): DecodeResult => {
  const records = options.records ?? 1000
  const bytes = new TextEncoder().encode(leadPageJson({ records, total: records * 5 }))
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

  // Equal output first: a faster baseline that produced something else would prove nothing.
  if (!isDeepStrictEqual(clientDecode(buffer), baselineDecode(buffer))) {
    throw new Error("the client's decode and the baseline mapper disagree on the fixture page")
  }

  const rounds = options.quick ? 9 : 21
  const iterations = options.quick ? 8 : 12
  const samples = interleavedSync(
    [
      { name: "client", run: () => clientDecode(buffer) },
      { name: "baseline", run: () => baselineDecode(buffer) }
    ],
    { warmup: options.quick ? 20 : 40, rounds, iterations }
  )
  const client = samples["client"]!
  const baseline = samples["baseline"]!
  const r = ratios(client, baseline)
  return {
    records,
    bytes: bytes.byteLength,
    rounds,
    iterationsPerRound: iterations,
    clientNsPerRecord: round(median(client) / records, 0),
    baselineNsPerRecord: round(median(baseline) / records, 0),
    ratio: round(r.ofMedians),
    ratioMedianOfRounds: round(r.medianOfRounds),
    target: 1.5,
    goal: 1.0
  }
}
