/**
 * `POST /accounts/validate` and `POST /accounts/validate_tax_id` against the emulator. Tax ids are
 * checked for every covered country with numbers whose check digits this file computes itself (each
 * country's published algorithm), so the emulator's library is checked, not echoed.
 */
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag, raw } from "../support/TestEmulator.js"
import { connectAccounts, uniqueName } from "./AccountsClient.js"

const digits = (s: string) => [...s].map(Number)

/** Per covered country: a valid number (prefixed) from random digits, computed by the country's rule. */
const countries: Record<string, { readonly make: (random: string) => string | undefined }> = {
  // ISO 7064 MOD 11,10 over 8 digits, the first not 0.
  DE: {
    make: (r) => {
      const base = `${(Number(r[0]) % 9) + 1}${r.slice(1, 8)}`
      let product = 10
      for (const d of digits(base)) {
        let sum = (d + product) % 10
        if (sum === 0) sum = 10
        product = (2 * sum) % 11
      }
      const check = 11 - product === 10 ? 0 : 11 - product
      return `DE${base}${check}`
    }
  },
  // Key = (12 + 3 × (SIREN mod 97)) mod 97, before the 9-digit SIREN.
  FR: {
    make: (r) => `FR${String((12 + 3 * (Number(r.slice(0, 9)) % 97)) % 97).padStart(2, "0")}${r.slice(0, 9)}`
  },
  // 7-digit company number, office 001, Luhn check digit.
  IT: {
    make: (r) => {
      const company = r.slice(0, 7)
      if (/^0+$/.test(company)) return undefined
      const base = `${company}001`
      const sum = digits(base).reduce((total, d, i) => total + (i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2), 0)
      return `IT${base}${(10 - (sum % 10)) % 10}`
    }
  },
  // 0 + 7 digits (enterprise numbers do not start 00), then 97 − (those 8 digits mod 97).
  BE: {
    make: (r) => {
      const base = `0${(Number(r[0]) % 9) + 1}${r.slice(1, 7)}`
      return `BE${base}${String(97 - (Number(base) % 97)).padStart(2, "0")}`
    }
  },
  // Weights 9..2 over 8 digits, mod 11 is the 9th digit (10 has none), then B01.
  NL: {
    make: (r) => {
      const base = r.slice(0, 8)
      const check = digits(base).reduce((total, d, i) => total + d * (9 - i), 0) % 11
      return check === 10 ? undefined : `NL${base}${check}B01`
    }
  },
  // U + 7 digits: weights 1,2,1,2,1,2,1 (digit sums), check = (10 − (sum + 4) mod 10) mod 10.
  AT: {
    make: (r) => {
      const base = r.slice(0, 7)
      const sum = digits(base).reduce((total, d, i) => {
        const p = d * (i % 2 === 0 ? 1 : 2)
        return total + Math.floor(p / 10) + (p % 10)
      }, 0)
      return `ATU${base}${(10 - ((sum + 4) % 10)) % 10}`
    }
  },
  // Weights 6,5,7,2,3,4,5,6,7 over 9 digits, mod 11 (10 has none).
  PL: {
    make: (r) => {
      const base = r.slice(0, 9)
      const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7]
      const check = digits(base).reduce((total, d, i) => total + d * weights[i]!, 0) % 11
      return check === 10 ? undefined : `PL${base}${check}`
    }
  },
  // Weights 2,7,6,5,4,3,2,1 over 8 digits (the first not 0): the sum is a multiple of 11.
  DK: {
    make: (r) => {
      const base = `${(Number(r[0]) % 9) + 1}${r.slice(1, 7)}`
      const sum = digits(base).reduce((total, d, i) => total + d * [2, 7, 6, 5, 4, 3, 2][i]!, 0)
      const check = (11 - (sum % 11)) % 11
      return check === 10 ? undefined : `DK${base}${check}`
    }
  }
}

/** Published examples, as a second source beside the computed ones. */
const published = [
  "DE129273398",
  "FR40303265045",
  "IT00743110157",
  "BE0776091951",
  "NL004495445B01",
  "ATU13585627",
  "PL5260250274",
  "DK13585628"
]

/** Changes the check digit: the last digit, or for NL the 9th, for FR the key. */
const breakCheck = (vat: string): string => {
  if (vat.startsWith("NL")) return `${vat.slice(0, 10)}${(Number(vat[10]) + 1) % 10}${vat.slice(11)}`
  if (vat.startsWith("FR")) return `FR${String((Number(vat.slice(2, 4)) + 1) % 97).padStart(2, "0")}${vat.slice(4)}`
  if (vat.startsWith("BE")) return `${vat.slice(0, -2)}${String((Number(vat.slice(-2)) % 97) + 1).padStart(2, "0")}`
  return `${vat.slice(0, -1)}${(Number(vat.slice(-1)) + 1) % 10}`
}

/** NL numbers of sole traders may also pass a mod-97 rule: skip broken numbers that happen to. */
const passesNlMod97 = (vat: string) =>
  vat.startsWith("NL") && BigInt(`2321${vat.slice(2, 11)}11${vat.slice(12)}`) % 97n === 1n

layer(TestEmulator.layer(), { excludeTestServices: true })("account validation on the emulator", (it) => {
  describe("validate", () => {
    it.effect("a good payload is valid; problems are reported per attribute; nothing is created", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        const before = (yield* accounts.list({ records: 1 })).meta.totalRecords
        const name = uniqueName("Acme Corp")
        expect(
          yield* accounts.validate({ name, email: "info@acme.com", website: "https://acme.com", phone: "+1-555-0100" })
        )
          .toStrictEqual({ valid: true, problems: [] })

        const bad = yield* accounts.validate({ email: "info-at-acme", website: "acme", phone: "call us", code: " " })
        expect(bad.valid).toBe(false)
        expect(bad.problems.map((problem) => [problem.attribute, problem.code])).toEqual([
          ["name", "required"],
          ["code", "invalid"],
          ["email", "invalid"],
          ["website", "invalid"],
          ["phone", "invalid"]
        ])
        expect(bad.problems.find((problem) => problem.attribute === "email")?.detail).toContain("info-at-acme")
        expect((yield* accounts.list({ records: 1 })).meta.totalRecords).toBe(before)

        yield* accounts.create({ name })
        const taken = yield* accounts.validate({ name: name.toLowerCase() })
        expect(taken).toMatchObject({ valid: false, problems: [{ attribute: "name", code: "taken" }] })
        expect((yield* accounts.list({ records: 1 })).meta.totalRecords).toBe(before + 1)
      }))

    it.effect("a body that is not an account payload is a 422", () =>
      Effect.gen(function*() {
        const response = yield* raw<{ errors: Array<{ source?: { pointer?: string } }> }>(
          "POST",
          "/accounts/validate",
          {
            body: { account: { name: 42 } }
          }
        )
        expect(response.status).toBe(422)
        expect(response.json.errors[0]?.source?.pointer).toBe("/account/name")
        expect((yield* raw("POST", "/accounts/validate", { body: { nothing: true } })).status).toBe(422)
      }))
  })

  describe("validate_tax_id", () => {
    it.effect("valid numbers of every covered country, computed here and published, are valid", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        for (const [country, rule] of Object.entries(countries)) {
          const numbers = fc.sample(fc.stringMatching(/^[0-9]{9}$/), {
            seed: country.charCodeAt(0) * 31 + country.charCodeAt(1),
            numRuns: 12
          })
            .map(rule.make).filter((vat): vat is string => vat !== undefined).slice(0, 6)
          expect(numbers.length, country).toBeGreaterThanOrEqual(4)
          for (const vat of numbers) {
            expect(yield* accounts.validateTaxId({ taxId: vat }), vat).toStrictEqual({
              taxId: vat,
              country,
              valid: true
            })
            // Without the prefix, the country names it.
            const bare = vat.slice(2)
            expect((yield* accounts.validateTaxId({ taxId: bare, country })).valid, `${bare} (${country})`).toBe(true)
            const broken = breakCheck(vat)
            if (passesNlMod97(broken)) continue
            expect(yield* accounts.validateTaxId({ taxId: broken }), broken).toMatchObject({
              taxId: broken,
              country,
              valid: false,
              reason: "invalid_check_digit"
            })
          }
        }
        for (const vat of published) {
          expect((yield* accounts.validateTaxId({ taxId: vat })).valid, vat).toBe(true)
        }
      }))

    it.effect("a wrong format, an unknown country, a prefix that contradicts the country, and no country at all", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        for (const vat of ["DE12927339", "FR4030326504", "IT0074311015", "ATX13585627", "PL526025027", "DK1358562"]) {
          expect(yield* accounts.validateTaxId({ taxId: vat }), vat).toMatchObject({
            valid: false,
            reason: "invalid_format"
          })
        }
        expect(yield* accounts.validateTaxId({ taxId: "de 129.273.398" })).toStrictEqual({
          taxId: "DE129273398",
          country: "DE",
          valid: true
        })
        const spain = yield* accounts.validateTaxId({ taxId: "ESA12345674" })
        expect(spain).toMatchObject({ valid: false, reason: "unsupported_country", country: "ES" })
        expect(spain.detail).toContain("AT, BE, DE, DK, FR, IT, NL, PL")
        expect(yield* accounts.validateTaxId({ taxId: "DE129273398", country: "FR" })).toMatchObject({
          valid: false,
          reason: "invalid_format"
        })
        expect(yield* accounts.validateTaxId({ taxId: "129273398" })).toMatchObject({
          valid: false,
          reason: "unsupported_country"
        })
      }))

    it.effect("a malformed body is a 422 from the emulator and InvalidInput in the SDK", () =>
      Effect.gen(function*() {
        const { accounts, sent } = yield* connectAccounts()
        expectTag(yield* Effect.flip(accounts.validateTaxId({ taxId: "DE129273398", country: "de" })), "InvalidInput")
        expect(sent).toEqual([])
        const response = yield* raw<{ errors: Array<{ source?: { pointer?: string } }> }>(
          "POST",
          "/accounts/validate_tax_id",
          {
            body: { account: { country: "Germany" } }
          }
        )
        expect(response.status).toBe(422)
        expect(response.json.errors.map((error) => error.source?.pointer).sort()).toEqual([
          "/account/country",
          "/account/tax_id"
        ])
      }))
  })
})
