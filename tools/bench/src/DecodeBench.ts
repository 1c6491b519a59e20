/**
 * (a) Decode: a 1000-record leads page from bytes to domain objects, the client's path (UTF-8 decode,
 * JSON.parse, the `leads.list` success schema) against JSON.parse and a hand-written mapper.
 */
import { isDeepStrictEqual } from "node:util"
import * as Schema from "effect/Schema"
import { clientDecode, successAst } from "./ClientDecode.js"
import { leadPageJson } from "./LeadFixtures.js"
import { baselineDecode, mapLeadPage } from "./LeadMapper.js"
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
  /**
   * The same comparison with nothing kept between a variant's turns (see `interleavedSync`): each turn
   * starts after two full GCs that dropped the shapes its optimized code was specialised on.
   */
  readonly nothingKept: {
    readonly clientNsPerRecord: number
    readonly baselineNsPerRecord: number
    readonly ratio: number
  }
  readonly target: number
  readonly goal: number
  /** Where the time goes, ns/record, each step alone on the output of the one before. */
  readonly steps: {
    readonly utf8: number
    readonly jsonParse: number
    readonly handMapper: number
    readonly successSchema: number
  }
}

export const runDecode = (options: { readonly quick: boolean; readonly records?: number }): DecodeResult => {
  const records = options.records ?? 1000
  const bytes = new TextEncoder().encode(leadPageJson({ records, total: records * 5 }))
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

  // Equal output first: a faster baseline that produced something else would prove nothing.
  if (!isDeepStrictEqual(clientDecode(buffer), baselineDecode(buffer))) {
    throw new Error("the client's decode and the baseline mapper disagree on the fixture page")
  }

  const rounds = options.quick ? 9 : 41
  const iterations = options.quick ? 8 : 12
  const paths = [
    { name: "client", run: () => clientDecode(buffer) },
    { name: "baseline", run: () => baselineDecode(buffer) }
  ]
  // The page decoded last stays in use until the next turn, as in an application.
  const samples = interleavedSync(paths, { warmup: options.quick ? 20 : 40, rounds, iterations, keep: true })
  const cold = interleavedSync(paths, { warmup: options.quick ? 20 : 40, rounds, iterations })
  // The steps both paths share (UTF-8, JSON.parse) and the one where they differ, each alone.
  const utf8 = new TextDecoder()
  const text = utf8.decode(buffer)
  const parsed = JSON.parse(text)
  const decodeSuccess = Schema.decodeUnknownSync(Schema.make(successAst("leads", "list")))
  const steps = interleavedSync(
    [
      { name: "utf8", run: () => utf8.decode(buffer) },
      { name: "jsonParse", run: () => JSON.parse(text) },
      { name: "handMapper", run: () => mapLeadPage(parsed) },
      { name: "successSchema", run: () => decodeSuccess(parsed) }
    ],
    { warmup: options.quick ? 20 : 40, rounds, iterations, keep: true }
  )
  const perRecord = (name: string) => round(median(steps[name]!) / records, 0)

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
    nothingKept: {
      clientNsPerRecord: round(median(cold["client"]!) / records, 0),
      baselineNsPerRecord: round(median(cold["baseline"]!) / records, 0),
      ratio: round(median(cold["client"]!) / median(cold["baseline"]!))
    },
    target: 1.5,
    goal: 1.0,
    steps: {
      utf8: perRecord("utf8"),
      jsonParse: perRecord("jsonParse"),
      handMapper: perRecord("handMapper"),
      successSchema: perRecord("successSchema")
    }
  }
}
