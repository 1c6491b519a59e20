/**
 * Types of cliui's ESM entry (`index.mjs`), which ships none of its own: the part the help uses.
 */
declare module "cliui" {
  /** One column of a row. */
  interface Column {
    readonly text: string
    readonly width?: number
    readonly align?: "right" | "center"
    readonly padding?: [number, number, number, number]
  }
  /** A layout of rows, printed by `toString`. */
  interface UI {
    div(...columns: ReadonlyArray<Column | string>): void
    toString(): string
  }
  /** A new layout, `width` columns wide. */
  export default function cliui(options?: { readonly width?: number; readonly wrap?: boolean }): UI
}
