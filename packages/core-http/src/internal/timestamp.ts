/**
 * The instant of an ISO 8601 date-time with a zone, as `Fields.Timestamp` reads it. The reference
 * reading is a strict regex, a check that the month has that day (`Date.parse` rolls `2026-02-30`
 * over to March 2), then `Date.parse`. Lists decode thousands of these, so the shapes servers send
 * (`YYYY-MM-DDTHH:MM:SS[.sss](Z|±HH:MM)`, fields in range) are read digit by digit and counted
 * first; anything else (and every failure) is left to the reference reading.
 *
 * @internal
 */

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** The reference reading: the instant, or NaN. */
export const parseTimestampReference = (s: string): number => {
  if (!isoDateTime.test(s)) return Number.NaN
  const year = Number(s.slice(0, 4))
  const month = Number(s.slice(5, 7))
  const day = Number(s.slice(8, 10))
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? Date.parse(s) : Number.NaN
}

/** Two decimal digits at `i` as a number, or -1. */
const twoDigits = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  // NaN (past the end) fails both comparisons.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * The common shapes, read by hand: the instant, or `undefined` when this reading does not decide
 * (another shape, a field out of range, a day the month does not have).
 */
export const parseTimestampFast = (s: string): number | undefined => {
  const n = s.length
  if (n < 20 || n > 29) return undefined
  const century = twoDigits(s, 0)
  const yy = twoDigits(s, 2)
  // Years before 1000 are left to the reference (Date.UTC maps 0–99 to 1900–1999).
  if (century < 10 || yy < 0) return undefined
  const year = century * 100 + yy
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return undefined // - - T
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined // : :
  const month = twoDigits(s, 5)
  const day = twoDigits(s, 8)
  const hour = twoDigits(s, 11)
  const minute = twoDigits(s, 14)
  const second = twoDigits(s, 17)
  if (month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined
  if (second < 0 || second > 59) return undefined
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (day > (leap && month === 2 ? 29 : monthDays[month - 1]!)) return undefined
  let i = 19
  let ms = 0
  if (s.charCodeAt(i) === 46) { // .
    const hundreds = s.charCodeAt(i + 1) - 48
    const rest = twoDigits(s, i + 2)
    if (!(hundreds >= 0 && hundreds <= 9) || rest < 0) return undefined
    ms = hundreds * 100 + rest
    i += 4
  }
  const zone = s.charCodeAt(i)
  let offsetMinutes = 0
  if (zone === 90) { // Z
    if (i + 1 !== n) return undefined
  } else if (zone === 43 || zone === 45) { // + -
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58) return undefined
    const oh = twoDigits(s, i + 1)
    const om = twoDigits(s, i + 4)
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined
    offsetMinutes = zone === 43 ? oh * 60 + om : -(oh * 60 + om)
  } else {
    return undefined
  }
  return daysFromCivil(year, month, day, leap) * 86_400_000 + hour * 3_600_000 + (minute - offsetMinutes) * 60_000 +
    second * 1_000 + ms
}

/** Days before the first of each month (1-based) in a common year. */
const daysBeforeMonth = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

/**
 * Days since 1970-01-01 of a Gregorian date from year 1000 on (the only years read by hand), what
 * `Date.UTC` counts, in integer arithmetic (a call to `Date.UTC` costs more than the whole parse).
 * Every quantity is positive, so `| 0` truncates as `Math.floor` would.
 */
const daysFromCivil = (year: number, month: number, day: number, leap: boolean): number => {
  const y = year - 1
  return y * 365 + ((y / 4) | 0) - ((y / 100) | 0) + ((y / 400) | 0) - 719_162 +
    daysBeforeMonth[month]! + (leap && month > 2 ? 1 : 0) + day - 1
}

/** The instant of `s`, or NaN: the reference reading's answer, by the shortest way. */
export const parseTimestamp = (s: string): number => parseTimestampFast(s) ?? parseTimestampReference(s)
