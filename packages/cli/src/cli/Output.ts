/**
 * How the CLI prints records: aligned tables by default, JSON with `--json`. Dates print as ISO 8601.
 */
import type * as Console from "effect/Console"
import * as Redacted from "effect/Redacted"

/** One column of a table. */
export interface Column<A> {
  readonly header: string
  readonly value: (row: A) => unknown
  readonly align?: "left" | "right" | undefined
}

/** A value as one table cell. */
export const cell = (value: unknown): string => {
  if (value === undefined || value === null) return ""
  if (value instanceof Date) return value.toISOString()
  if (typeof value === "object") return JSON.stringify(value)
  return String(value)
}

/** The width of the terminal stdout is, or `undefined` when it is not one (a pipe keeps every column). */
export const terminalWidth = (): number | undefined =>
  process.stdout.isTTY === true && process.stdout.columns > 0 ? process.stdout.columns : undefined

/**
 * Rows under a header, each column as wide as its widest cell, separated by two spaces. With a
 * `width`, the columns that would not fit are left out, from the last (the first always stays).
 */
export const table = <A>(rows: ReadonlyArray<A>, all: ReadonlyArray<Column<A>>, width?: number): string => {
  let columns = all
  if (width !== undefined) {
    const widths = all.map((column) =>
      Math.max(column.header.length, ...rows.map((row) => cell(column.value(row)).length))
    )
    let used = 0
    const fit = widths.findIndex((w, i) => (used += w + (i === 0 ? 0 : 2)) > width)
    if (fit > 0) columns = all.slice(0, fit)
  }
  const cells = rows.map((row) => columns.map((column) => cell(column.value(row))))
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i]!.length)))
  const render = (line: ReadonlyArray<string>) =>
    line
      .map((text, i) => (columns[i]!.align === "right" ? text.padStart(widths[i]!) : text.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd()
  return [render(columns.map((column) => column.header)), ...cells.map(render)].join("\n")
}

/** One record as `field  value` lines, in the record's own field order. */
export const record = (value: object): string => {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined)
  const width = Math.max(0, ...entries.map(([key]) => key.length))
  return entries.map(([key, v]) => `${key.padEnd(width)}  ${cell(v)}`).join("\n")
}

/** A record with its top-level `Redacted` values shown (for the one answer that hands a secret out). */
export const revealSecrets = (value: unknown): unknown =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
    ? Object.fromEntries(Object.entries(value).map(([key, v]) => [key, Redacted.isRedacted(v) ? Redacted.value(v) : v]))
    : value

const csvField = (value: unknown) => {
  const text = cell(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, "\"\"")}"` : text
}

/** Records as CSV (RFC 4180): a header of every field any record has, in first-seen order, then a line per record. */
export const csv = (rows: ReadonlyArray<Record<string, unknown>>): string => {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  return [fields, ...rows.map((row) => fields.map((field) => row[field]))]
    .map((line) => line.map(csvField).join(","))
    .join("\n")
}

/** JSON as the API client returns it (camelCase fields, dates as ISO strings). */
export const json = (value: unknown): string => JSON.stringify(value, null, 2)

// @effect/cli styles its help and errors with ANSI codes whatever the output is; a record may hold some too.
// eslint-disable-next-line no-control-regex -- the escape character is what marks an ANSI code
const ansi = /\u001b\[[0-9;]*m/g
const strip = (value: unknown) => (typeof value === "string" ? value.replace(ansi, "") : value)

/** Colour only on a terminal, and never with `NO_COLOR` set (https://no-color.org). */
const wantsColour = (stream: { readonly isTTY?: boolean }) =>
  stream.isTTY === true && (process.env.NO_COLOR ?? "") === ""

/** `console` with ANSI codes taken out of what goes to a stream that is not a colour terminal. */
export const plainWhereNeeded = (console: Console.Console): Console.Console => {
  const out = wantsColour(process.stdout)
  const err = wantsColour(process.stderr)
  return {
    ...console,
    log: (...args) => console.log(...(out ? args : args.map(strip))),
    info: (...args) => console.info(...(out ? args : args.map(strip))),
    error: (...args) => console.error(...(err ? args : args.map(strip))),
    warn: (...args) => console.warn(...(err ? args : args.map(strip)))
  }
}
