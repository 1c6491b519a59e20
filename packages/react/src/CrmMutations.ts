/**
 * TanStack Query mutation options for every method of the registered domains' services:
 *
 * ```ts
 * const create = useMutation(crmMutations.leads.create())
 * create.mutate({ name: "Acme", stage: "new" })
 * const convert = useMutation(crmMutations.leads.convert({ invalidates: ["opportunities"] }))
 * ```
 *
 * A method's variables are its one argument (`create(data)` → `mutate(data)`), nothing for a method
 * without arguments, or the tuple of its arguments when it takes several (`update(id, data)` →
 * `mutate([id, data])`). On success the mutation invalidates its service's queries (`["crm", service]`)
 * and those of the services in `invalidates`, and waits for them before its own `onSuccess` runs.
 *
 * @since 0.1.0
 */
import type { UseMutationOptions } from "@tanstack/react-query"
import type * as Effect from "effect/Effect"
import { clientOf } from "./internal/registry.js"
import { argumentsOf, callMethod, servicesProxy } from "./internal/services.js"
import type { CrmQueryError } from "./CrmQueries.js"
import type { RegisteredServices } from "./Register.js"

/**
 * The names of a service's nested services, prefixed with its own (`leads.follows`).
 *
 * @since 0.1.0
 */
export type NestedServiceNames<S, Service extends string> = {
  [K in keyof S & string]: S[K] extends Function ? never
    : S[K] extends object ? `${Service}.${K}` | NestedServiceNames<S[K], `${Service}.${K}`>
    : never
}[keyof S & string]

/**
 * The name of every registered service as keys hold it: `"leads"`, `"leads.follows"`, `"opportunities"`.
 *
 * @since 0.1.0
 */
export type CrmServiceName = {
  [K in keyof RegisteredServices & string]: K | NestedServiceNames<RegisteredServices[K], K>
}[keyof RegisteredServices & string]

/**
 * What a mutation of a method taking `Args` is called with: nothing, the one argument, or the tuple.
 *
 * @since 0.1.0
 */
export type MutationVariables<Args extends ReadonlyArray<unknown>> = Args extends readonly [] ? void
  : Args extends readonly [only?: infer Only] ? Only
  : Args

/**
 * The options a caller may add to a CRM mutation: TanStack Query's own (`onSuccess`, `onError`,
 * `onMutate`, ...), and `invalidates`, more services whose queries its success makes stale.
 *
 * @since 0.1.0
 */
export type CrmMutationInput<A, E, V, C> = Omit<UseMutationOptions<A, E, V, C>, "mutationFn" | "mutationKey"> & {
  /** Services whose queries are invalidated too (converting a lead creates an opportunity). */
  readonly invalidates?: ReadonlyArray<CrmServiceName> | undefined
}

/**
 * The options of a CRM mutation, keyed `["crm", service, method]`.
 *
 * @since 0.1.0
 */
export type CrmMutationOptions<A, E, V, C, Service extends string, Method extends string> =
  & UseMutationOptions<A, E, V, C>
  & { mutationKey: readonly ["crm", Service, Method] }

/**
 * The mutation options of one service: a function per method that returns an `Effect`, and its
 * nested services.
 *
 * @since 0.1.0
 */
export type CrmServiceMutations<S, Service extends string> =
  & {
    readonly [K in keyof S & string as S[K] extends (...args: any) => Effect.Effect<any, any, any> ? K : never]:
      S[K] extends (...args: infer Args) => Effect.Effect<infer A, infer E, infer _R> ? <C = unknown>(
          options?: CrmMutationInput<A, CrmQueryError<E>, MutationVariables<Args>, C>
        ) => CrmMutationOptions<A, CrmQueryError<E>, MutationVariables<Args>, C, Service, K>
        : never
  }
  & {
    readonly [K in keyof S & string as S[K] extends Function ? never : S[K] extends object ? K : never]:
      CrmServiceMutations<S[K], `${Service}.${K}`>
  }

/**
 * The type of `crmMutations`: the mutation options of every registered service.
 *
 * @since 0.1.0
 */
export type CrmMutations = {
  readonly [K in keyof RegisteredServices & string]: CrmServiceMutations<RegisteredServices[K], K>
}

type AnyInput = CrmMutationInput<unknown, unknown, unknown, unknown>

const mutation = (service: ReadonlyArray<string>, method: string, input: AnyInput | undefined) => {
  const { invalidates = [], onSuccess, ...options } = input ?? {}
  const name = service.join(".")
  const result: CrmMutationOptions<unknown, unknown, unknown, unknown, string, string> = {
    ...options,
    mutationKey: ["crm", name, method],
    mutationFn: (variables, context) => {
      const client = clientOf(context.client)
      return callMethod(client, service, method, argumentsOf(client, service, method)(variables), undefined)
    },
    onSuccess: async (data, variables, onMutateResult, context) => {
      await Promise.all(
        [name, ...invalidates].map((invalidated) =>
          context.client.invalidateQueries({ queryKey: ["crm", invalidated] })
        )
      )
      return onSuccess?.(data, variables, onMutateResult, context)
    }
  }
  return result
}

/**
 * Mutation options for every method of the registered services:
 * `useMutation(crmMutations.<service>.<method>(options?))` (see the module's comment for variables and
 * invalidation). Errors are the SDK's tagged errors; TanStack Query retries no mutation by default.
 *
 * @example
 * ```ts
 * import { crmMutations } from "@blocks-crm/react"
 * import { useMutation } from "@tanstack/react-query"
 *
 * const useCreateLead = () =>
 *   useMutation(crmMutations.leads.create({ onSuccess: (lead) => console.log("created", lead.uniqueId) }))
 * ```
 *
 * @since 0.1.0
 * @category mutations
 */
export const crmMutations: CrmMutations = servicesProxy((service, method, args) =>
  mutation(service, method, args[0] as AnyInput | undefined)
) as CrmMutations
