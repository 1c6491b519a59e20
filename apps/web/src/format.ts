const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 })

/** An amount as the board shows it, or a dash when the record has none. */
export const formatMoney = (value: number | undefined): string => value === undefined ? "—" : money.format(value)

/** A date and time in the reader's locale. */
export const formatDateTime = (date: Date): string =>
  date.toLocaleString("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })

/** What a failed call says: the SDK's tagged error's `_tag` and message, or any other error's message. */
export const describeError = (error: unknown): { readonly tag: string; readonly message: string } => {
  const tagged = error as { readonly _tag?: unknown; readonly message?: unknown } | null
  return {
    tag: typeof tagged?._tag === "string" ? tagged._tag : "Error",
    message: typeof tagged?.message === "string" ? tagged.message : String(error)
  }
}
