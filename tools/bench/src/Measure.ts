/**
 * Side-by-side measurement: variants run in the same process, interleaved (their order alternates
 * from round to round), after a warmup, and are summarised by medians, so drift and GC hit all of
 * them alike. Nothing here asserts on time.
 */

/** The median of a sample (the mean of the two middle values for an even count). */
export const median = (values: ReadonlyArray<number>): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The `p`-th percentile (0–100), nearest rank. */
export const percentile = (values: ReadonlyArray<number>, p: number): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

export const mean = (values: ReadonlyArray<number>): number =>
  values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length

/** Nanoseconds since an arbitrary origin, as a float. */
export const now = (): number => Number(process.hrtime.bigint())

/** The order variants run in, in round `round`: forwards, then backwards, and so on. */
export const roundOrder = <A>(variants: ReadonlyArray<A>, round: number): ReadonlyArray<A> =>
  round % 2 === 0 ? variants : [...variants].reverse()

export interface Variant {
  readonly name: string
  /** One operation; its duration is what is measured. */
  readonly run: () => unknown
}

/**
 * Runs synchronous variants in interleaved rounds. Each round times `iterations` back-to-back runs of
 * every variant; the result is each round's mean time per run, in nanoseconds.
 *
 * A full GC runs before each variant's turn, so no variant pays for another's garbage. With `keep`,
 * each variant's last result stays reachable until its next turn, as an application keeps what it
 * decoded. Without it, two full GCs pass between a variant's turns with nothing of its output alive:
 * V8 then drops the object shapes its optimized code was specialised on and deoptimizes that code, so
 * each turn starts unoptimized (a state a running application is rarely in).
 */
export const interleavedSync = (
  variants: ReadonlyArray<Variant>,
  options: {
    readonly warmup: number
    readonly rounds: number
    readonly iterations: number
    readonly keep?: boolean | undefined
  }
): Record<string, Array<number>> => {
  const samples: Record<string, Array<number>> = Object.fromEntries(variants.map((v) => [v.name, []]))
  const kept = new Map<string, unknown>()
  const keep = (name: string, result: unknown) => {
    if (options.keep === true) kept.set(name, result)
  }
  for (const variant of variants) for (let i = 0; i < options.warmup; i++) keep(variant.name, variant.run())
  for (let round = 0; round < options.rounds; round++) {
    for (const variant of roundOrder(variants, round)) {
      maybeGc()
      let last: unknown
      const start = now()
      for (let i = 0; i < options.iterations; i++) last = variant.run()
      samples[variant.name]!.push((now() - start) / options.iterations)
      keep(variant.name, last)
    }
  }
  return samples
}

/** Runs a full GC when the process was started with `--expose-gc`. */
export const maybeGc = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc !== undefined) gc()
}

/** The ratio of two medians, and the median of the per-round ratios (robust to drift). */
export const ratios = (a: ReadonlyArray<number>, b: ReadonlyArray<number>) => ({
  ofMedians: median(a) / median(b),
  medianOfRounds: median(a.map((x, i) => x / (b[i] ?? Number.NaN)))
})

export const round = (value: number, digits = 2): number => {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
