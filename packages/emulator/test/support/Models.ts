/**
 * The success schemas of the built-in domains and the resource models they carry: what the emulator
 * stores and answers, for tests that check every model.
 */
import { builtInDomains } from "@blocks-crm/emulator"
import type * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"

/** Every success schema of the built-in domains (one per endpoint). */
export const successes = builtInDomains.flatMap((domain) =>
  Object.values((domain.api as any).groups).flatMap((group: any) =>
    Object.values(group.endpoints).map((endpoint: any) => ({
      name: `${domain.name} ${group.identifier} ${endpoint.name}`,
      schema: endpoint.successSchema as Schema.Schema<any, any>
    }))
  )
)

/** The models a schema carries as a resource's `attributes`, found by walking it. */
export const attributeModels = (ast: AST.AST, found: Set<AST.AST>, seen = new Set<AST.AST>()): Set<AST.AST> => {
  if (seen.has(ast)) return found
  seen.add(ast)
  switch (ast._tag) {
    case "Declaration":
      ast.typeParameters.forEach((node) => attributeModels(node, found, seen))
      break
    case "Transformation":
      attributeModels(ast.from, found, seen)
      break
    case "TypeLiteral":
      for (const signature of ast.propertySignatures) {
        if (signature.name === "attributes") found.add(signature.type)
        attributeModels(signature.type, found, seen)
      }
      break
    case "TupleType":
      ast.rest.forEach((rest) => attributeModels(rest.type, found, seen))
      break
    case "Union":
      ast.types.forEach((node) => attributeModels(node, found, seen))
      break
  }
  return found
}

/** The resource models of every built-in domain (the records the emulator stores). */
export const models = new Set<AST.AST>()
for (const success of successes) attributeModels(success.schema.ast, models)
