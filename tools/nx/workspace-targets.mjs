// A local Nx plugin: every project (packages/*, apps/*, tools/*) gets `lint` and `format-check`
// targets over its own folder, with the root's ESLint and dprint configurations. A project added
// later gets them without any configuration of its own.
import { dirname } from "node:path"

const lintInputs = ["default", "{workspaceRoot}/eslint.config.mjs"]
const formatInputs = ["default", "{workspaceRoot}/dprint.json"]

export const name = "blocks-crm/workspace-targets"

export const createNodes = [
  "{packages,apps,tools}/*/package.json",
  (files) =>
    files.map((file) => {
      const root = dirname(file)
      return [file, {
        projects: {
          [root]: {
            targets: {
              lint: {
                command: `eslint ${root}`,
                cache: true,
                inputs: lintInputs,
                outputs: []
              },
              "format-check": {
                command: `dprint check "${root}/**/*"`,
                cache: true,
                inputs: formatInputs,
                outputs: []
              }
            }
          }
        }
      }]
    })
]
