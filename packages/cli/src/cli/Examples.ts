/**
 * One example per command for its help. Where the API reference (crm-leads.md, crm-opportunities.md)
 * shows a request, the example is that request as a command line; otherwise it is built from the
 * command's arguments and required flags.
 */
import type { TreeFlag } from "./Tree.js"

/** Requests from the API reference, as `crm` command lines. */
const fromReference: Record<string, string> = {
  // crm-leads.md, "POST /leads/ - Create Lead"
  "leads create":
    "crm leads create --name \"New Enterprise Deal\" --source referral --value 75000 --stage new --probability 20",
  // crm-leads.md, "GET /leads/?page=1&records=20"
  "leads list": "crm leads list --page 1 --records 20",
  // crm-leads.md, "GET /leads/lead-uuid-123"
  "leads get": "crm leads get lead-uuid-123",
  // crm-leads.md, "POST /leads/:unique_id/follows - Create Follow"
  "leads follows create":
    "crm leads follows create lead-uuid-123 --title \"Schedule demo call\" --description \"Set up product demo with technical team\" --due-date 2026-03-05T14:00:00Z",
  // crm-leads.md, "DELETE /leads/lead-uuid-123/"
  "leads delete": "crm leads delete lead-uuid-123"
}

const sample = (flag: TreeFlag): string => {
  const value = flag.value ?? ""
  if (value.includes("|")) return value.split("|")[0]!
  if (value === "integer") return "1"
  if (value === "number") return "100"
  if (value === "date-time") return "2026-03-05T14:00:00Z"
  if (value === "JSON") return "'{}'"
  return `"Example ${flag.name.replace(/-/g, " ")}"`
}

/** The example of the command at `path`. */
export const exampleOf = (
  path: ReadonlyArray<string>,
  args: ReadonlyArray<string>,
  flags: ReadonlyArray<TreeFlag>
): string =>
  fromReference[path.join(" ")] ??
    [
      "crm",
      ...path,
      ...args.map((arg) => `${arg.replace(/Id$/, "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-uuid-123`),
      ...flags.filter((flag) => flag.required).flatMap((flag) => [`--${flag.name}`, sample(flag)])
    ].join(" ")
