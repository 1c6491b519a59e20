/**
 * Importing the package on a server: Node.js, no `window` and no `document`. Every read of either
 * during the import is recorded with its stack; none may come from this package (React and TanStack
 * Query read `typeof window` to know they are on a server, which is theirs to do).
 */
import { describe, expect, it } from "vitest"

describe("import", () => {
  it("touches no window or document, and gives the API on Node.js", async () => {
    expect(typeof globalThis.window).toBe("undefined")
    const reads: Array<string> = []
    for (const name of ["window", "document"]) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get: () => {
          // The frame that read it: the one after this getter's.
          reads.push(`${name} read at ${(new Error().stack ?? "").split("\n")[2]?.trim() ?? "?"}`)
          return undefined
        }
      })
    }
    try {
      const react = await import("@blocks-crm/react")
      expect(Object.keys(react).sort()).toEqual([
        "CrmProvider",
        "crmEffect",
        "crmMutations",
        "crmQueries",
        "crmRetry",
        "registerCrmClient",
        "useCrmBlock"
      ])
      // Options are made without a client or a DOM.
      expect(react.crmQueries.leads.list().queryKey).toEqual(["crm", "leads", "list"])
    } finally {
      for (const name of ["window", "document"]) delete (globalThis as Record<string, unknown>)[name]
    }
    expect(reads.length).toBeGreaterThan(0) // The trap works: TanStack Query asked.
    expect(reads.filter((read) => read.includes("packages/react/src"))).toEqual([])
  })
})
