/**
 * Tax id checks for `POST /accounts/validate_tax_id`: EU VAT numbers by jsvat (format and check digit
 * per country), for the countries this emulator covers and its tests check with independently computed
 * check digits.
 */
import type { TaxIdValidation } from "@blocks-crm/accounts"
import { austria, belgium, checkVAT, denmark, france, germany, italy, netherlands, poland } from "jsvat"

/** The covered countries, by VAT prefix. */
export const coveredCountries = ["AT", "BE", "DE", "DK", "FR", "IT", "NL", "PL"] as const

const countries = [austria, belgium, denmark, france, germany, italy, netherlands, poland]

/** `taxId` as written (spaces, dots and dashes allowed), with or without its prefix; `country` when it has none. */
export const checkTaxId = (taxId: string, country: string | undefined): TaxIdValidation => {
  const compact = taxId.toUpperCase().replace(/[\s.-]/g, "")
  const prefix = /^[A-Z]{2}/.exec(compact)?.[0]
  const code = prefix ?? country
  if (code === undefined) {
    return {
      taxId: compact,
      valid: false,
      reason: "unsupported_country",
      detail: "the tax id has no country prefix and no country was given"
    }
  }
  if (prefix !== undefined && country !== undefined && prefix !== country) {
    return {
      taxId: compact,
      country: code,
      valid: false,
      reason: "invalid_format",
      detail: `the tax id's prefix ${prefix} is not the country ${country}`
    }
  }
  const number = prefix === undefined ? `${code}${compact}` : compact
  const result = checkVAT(number, countries)
  if (!result.isSupportedCountry) {
    return {
      taxId: number,
      country: code,
      valid: false,
      reason: "unsupported_country",
      detail: `tax ids of ${code} are not checked; covered: ${coveredCountries.join(", ")}`
    }
  }
  const name = result.country?.name ?? code
  if (!result.isValidFormat) {
    return {
      taxId: number,
      country: code,
      valid: false,
      reason: "invalid_format",
      detail: `${number} does not have the format of a VAT number of ${name}`
    }
  }
  if (!result.isValid) {
    return {
      taxId: number,
      country: code,
      valid: false,
      reason: "invalid_check_digit",
      detail: `the check digit of ${number} does not match`
    }
  }
  return { taxId: number, country: code, valid: true }
}
