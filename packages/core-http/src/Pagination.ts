/**
 * Pages of a listing, and a lazy stream over all of them.
 *
 * @since 0.1.0
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import * as Schema from "effect/Schema"
import { PageLimitExceeded } from "./CrmError.js"
import type { PageResult } from "./JsonApi.js"

/**
 * The totals and one page of a listing. Declared with the list document that decodes them (`JsonApi`),
 * so that module needs nothing from this one.
 *
 * @since 0.1.0
 */
export type { PageMeta, PageResult } from "./JsonApi.js"

/**
 * `page` (1-based) and `records` (page size), as the API takes them.
 *
 * @since 0.1.0
 */
export interface PageParams {
  readonly page?: number | undefined
  readonly records?: number | undefined
}

/**
 * The `maxPages` of a stream when none is given: it stops a server that keeps claiming more pages than
 * it could possibly have.
 *
 * @since 0.1.0
 */
export const defaultMaxPages = 10_000

/**
 * A lazy stream over every item of a listing: a page is fetched only when the stream needs its items;
 * the stream ends after the last page (`totalPages`) or at the first empty page. A server that never
 * ends (more than `maxPages` pages) fails the stream with `PageLimitExceeded` instead of looping forever.
 * Services already offer it as `stream`; use it for a listing of your own.
 *
 * @example
 * ```ts
 * import { Pagination } from "@blocks-crm/core-http"
 * import { LeadsService } from "@blocks-crm/pipeline"
 * import { Effect, Stream } from "effect"
 *
 * const qualified = Stream.unwrap(Effect.map(LeadsService, (leads) =>
 *   Pagination.stream((page) => leads.search("enterprise", { page, records: 100 }))
 * )).pipe(Stream.filter((lead) => lead.stage === "qualified"))
 * ```
 *
 * @since 0.1.0
 */
export const stream = <A, E, R>(
  fetchPage: (page: number) => Effect.Effect<PageResult<A>, E, R>,
  options?: {
    readonly startPage?: number | undefined
    readonly maxPages?: number | undefined
    /** Pages fetched ahead while the current one is consumed. 0 (the default) keeps the stream fully lazy. */
    readonly prefetch?: number | undefined
  }
): Stream.Stream<A, E | PageLimitExceeded, R> => {
  const start = options?.startPage ?? 1
  const maxPages = options?.maxPages ?? defaultMaxPages
  const prefetch = options?.prefetch ?? 0
  // The state is the next page and the total the last page reported (for the error).
  const pages = Stream.paginateChunkEffect<readonly [number, number], A, E | PageLimitExceeded, R>(
    [start, 0],
    ([page, reportedTotalPages]) =>
      page - start >= maxPages
        ? Effect.fail(new PageLimitExceeded({ maxPages, reportedTotalPages }))
        : Effect.map(fetchPage(page), (result) => {
          const last = result.data.length === 0 || page >= result.meta.totalPages
          return [
            Chunk.fromIterable(result.data),
            last ? Option.none() : Option.some([page + 1, result.meta.totalPages] as const)
          ] as const
        })
  )
  // Each page is one chunk, so buffering chunks fetches whole pages ahead.
  return prefetch > 0 ? Stream.bufferChunks(pages, { capacity: prefetch }) : pages
}

const PositiveInt = Schema.NumberFromString.pipe(Schema.int(), Schema.greaterThanOrEqualTo(1))

/**
 * `?page=&records=` as the list endpoints take them.
 *
 * @since 0.1.0
 */
export const PageUrlParams = Schema.Struct({
  page: Schema.optionalWith(PositiveInt, { exact: true }),
  records: Schema.optionalWith(PositiveInt.pipe(Schema.lessThanOrEqualTo(1000)), { exact: true })
})

/**
 * `?page=&records=&search=`: the live API's convention for full-text search on a listing.
 *
 * @since 0.1.0
 */
export const SearchUrlParams = Schema.Struct({
  ...PageUrlParams.fields,
  search: Schema.optionalWith(Schema.String, { exact: true })
})
