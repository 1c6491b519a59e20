/**
 * How the CLI prints records: aligned tables by default, JSON with `--json`. Dates print as ISO 8601.
 */

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

/** Rows under a header, each column as wide as its widest cell, separated by two spaces. */
export const table = <A>(rows: ReadonlyArray<A>, columns: ReadonlyArray<Column<A>>): string => {
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

/** JSON as the API client returns it (camelCase fields, dates as ISO strings). */
export const json = (value: unknown): string => JSON.stringify(value, null, 2)
