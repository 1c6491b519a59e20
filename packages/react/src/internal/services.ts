/**
 * `crmQueries` and `crmMutations` are typed by the registered domains but built without them (this
 * package imports no domain): a property path (`leads.follows.list`) is read through a proxy and
 * called on the client when a query runs.
 */
import type { CrmPromiseClient } from "@blocks-crm/client"
import type * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { InvalidInput } from "@blocks-crm/core-http/CrmError"
import type { RequestOptions } from "@blocks-crm/core-http/PromiseFace"

/**
 * An object whose every property path, once called, gives `build(service, method, args)`:
 * `proxy(build).leads.follows.list(id)` is `build(["leads", "follows"], "list", [id])`.
 */
export const servicesProxy = (
  build: (service: ReadonlyArray<string>, method: string, args: ReadonlyArray<unknown>) => unknown
): unknown => {
  const at = (path: ReadonlyArray<string>): unknown =>
    new Proxy(() => {}, {
      // `then` stays undefined, so awaiting a service by mistake does not call it.
      get: (_, property) => typeof property === "string" && property !== "then" ? at([...path, property]) : undefined,
      apply: (_, __, args: Array<unknown>) => build(path.slice(0, -1), path[path.length - 1] ?? "", args)
    })
  return new Proxy({}, {
    get: (_, property) => typeof property === "string" && property !== "then" ? at([property]) : undefined
  })
}

/** The arguments as a key holds them: trailing `undefined`s dropped, so `list()` and `list(undefined)` share one. */
export const keyArguments = (args: ReadonlyArray<unknown>): ReadonlyArray<unknown> => {
  let end = args.length
  while (end > 0 && args[end - 1] === undefined) end--
  return args.slice(0, end)
}

type AnyClient = CrmPromiseClient<ReadonlyArray<CrmDomain.Any>>

/**
 * Calls `service.method(...args)` on the client with the request options after the method's own
 * parameters (its `length`), so `list()` gets `(undefined, { signal })`.
 */
export const callMethod = (
  client: AnyClient,
  service: ReadonlyArray<string>,
  method: string,
  args: ReadonlyArray<unknown>,
  options: RequestOptions | undefined
): Promise<unknown> => {
  let target: unknown = client.crm
  for (const name of service) target = (target as Record<string, unknown> | undefined)?.[name]
  const fn = (target as Record<string, unknown> | undefined)?.[method]
  const operation = [...service, method].join(".")
  if (typeof fn !== "function") {
    return Promise.reject(
      new InvalidInput({
        operation,
        issues: [{ path: "", message: `the client has no ${operation}: is its domain among the client's domains?` }]
      })
    )
  }
  const padded = args.length >= fn.length ? args : [...args, ...Array<undefined>(fn.length - args.length)]
  return (fn as (...args: ReadonlyArray<unknown>) => Promise<unknown>)(
    ...(options === undefined ? padded : [...padded, options])
  )
}

/** The arguments a mutation's variables stand for: none, the one argument, or the tuple of several. */
export const argumentsOf = (client: AnyClient, service: ReadonlyArray<string>, method: string) => {
  let target: unknown = client.crm
  for (const name of service) target = (target as Record<string, unknown> | undefined)?.[name]
  const fn = (target as Record<string, unknown> | undefined)?.[method]
  const arity = typeof fn === "function" ? fn.length : 1
  return (variables: unknown): ReadonlyArray<unknown> =>
    arity === 0 ? [] : arity === 1 ? [variables] : Array.isArray(variables) ? variables : [variables]
}
