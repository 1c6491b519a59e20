/**
 * A company's url id, in a module of its own: the keys service needs it, and nothing else of the
 * company model.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * A company's url id: a slug (lower-case letters, digits and single hyphens, 3 to 63 characters),
 * unique among the companies of an app.
 *
 * @since 0.1.0
 */
export const CompanyUrlId = Schema.String.pipe(
  Schema.filter((s) =>
    (s.length >= 3 && s.length <= 63 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s)) ||
    "must be a slug: 3 to 63 lower-case letters, digits and single hyphens (e.g. my-company)"
  )
).annotations({
  identifier: "CompanyUrlId",
  description: "The company's url id (a slug, e.g. my-company)",
  // Filtering random strings would almost never hit a slug: generate slugs for property tests.
  arbitrary: () => (fc) =>
    fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
      .map((words) => words.join("-"))
      .filter((slug) => slug.length >= 3 && slug.length <= 63)
})
