// Every public export of a published package says in a sentence what it is: lists the exported
// declarations whose doc comment is missing or has only tags (a bare `@since`), and exits 1 if any.
// `pnpm docs:sentences`; .ci/run runs it as a warning until the doc comments are written.
import * as fs from "node:fs"
import * as path from "node:path"

const sources = fs.readdirSync("packages")
  .filter((pkg) => fs.existsSync(path.join("packages", pkg, "src")))
  .flatMap((pkg) =>
    fs.readdirSync(path.join("packages", pkg, "src"), { recursive: true })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => path.join("packages", pkg, "src", file))
  )

const declaration =
  /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:const|let|function\*?|class|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/

const missing = []
for (const file of sources.filter((f) => !f.split(path.sep).includes("internal")).sort()) {
  const lines = fs.readFileSync(file, "utf8").split("\n")
  lines.forEach((line, index) => {
    const match = declaration.exec(line)
    if (match === null) return
    // The doc comment that ends on the line before the declaration, if any.
    const end = index - 1
    if (end < 0 || !lines[end].trim().endsWith("*/")) {
      return missing.push(`${file}:${index + 1} ${match[1]}: no doc comment`)
    }
    let start = end
    while (start > 0 && !lines[start].trim().startsWith("/**")) start--
    const text = lines.slice(start, end + 1).join("\n")
      .replace(/^\s*\/\*\*|\*\/\s*$/g, "")
      .split("\n").map((l) => l.replace(/^\s*\*?\s*/, "")).join("\n")
    const description = text.split(/^@\w+/m)[0].trim()
    if (description === "") missing.push(`${file}:${index + 1} ${match[1]}: only tags, no sentence`)
  })
}

for (const line of missing) console.log(line)
console.log(`${missing.length} exported declarations without a sentence of documentation`)
process.exit(missing.length > 0 ? 1 : 0)
