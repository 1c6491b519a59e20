/**
 * The merge variables a mail template uses: `{{first_name}}` (and `{{{raw}}}`) as Handlebars writes
 * them, `*|FNAME|*` as Mandrill's own merge tags do. Block helpers (`{{#if}}`, `{{/if}}`, `{{else}}`)
 * are not variables.
 */
const handlebars = /\{\{\{?\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}?\}\}/g
const mandrillTags = /\*\|([A-Za-z][A-Za-z0-9_]*)\|\*/g
const keywords = new Set(["else", "this"])

/** The variables of `texts`, each once, in the order they first appear. */
export const mergeVariables = (...texts: ReadonlyArray<string | undefined>): Array<string> => {
  const found: Array<readonly [number, number, string]> = []
  texts.forEach((text, index) => {
    if (text === undefined) return
    for (const pattern of [handlebars, mandrillTags]) {
      for (const match of text.matchAll(pattern)) {
        if (!keywords.has(match[1]!)) found.push([index, match.index, match[1]!])
      }
    }
  })
  found.sort(([a, i], [b, j]) => a - b || i - j)
  return [...new Set(found.map(([, , name]) => name))]
}
