// TEMPORARY stand-in for @blocks-crm/react until s12-react lands: same runtime names; removed at merge.
import { createCrmClient } from "@blocks-crm/client"
import { type QueryClient, useQueryClient } from "@tanstack/react-query"
import { createContext, type ReactNode, useContext, useEffect, useMemo } from "react"

const clients = new WeakMap<QueryClient, any>()
const Context = createContext<{ client: any } | null>(null)

export function CrmProvider(
  props: { client?: any; settings?: any; domains?: ReadonlyArray<any>; children?: ReactNode }
) {
  const queryClient = useQueryClient()
  const client = useMemo(
    () => props.client ?? createCrmClient({ ...props.settings, domains: props.domains ?? [] }),
    [props.client]
  )
  clients.set(queryClient, client)
  useEffect(() => () => void (props.client === undefined ? client.close() : undefined), [client])
  return <Context.Provider value={{ client }}>{props.children}</Context.Provider>
}

export const useCrmBlock = (): { client: any } => {
  const value = useContext(Context)
  if (value === null) throw new Error("useCrmBlock() needs a <CrmProvider> above it")
  return value
}

type QueryFactory = (...args: Array<any>) => {
  queryKey: ReadonlyArray<unknown>
  queryFn: (context: any) => Promise<any>
}
type MutationFactory = (...args: Array<any>) => { mutationFn: (variables: any, context: any) => Promise<any> }

const noRetry = new Set(["NotFound", "ValidationFailed", "InvalidInput"])
const retry = (count: number, error: any) => !noRetry.has(error?._tag) && count < 3

export const crmQueries: Record<
  "leads" | "opportunities" | "meetings",
  Record<"list" | "get" | "pages", QueryFactory>
> = new Proxy({} as any, {
  get: (_, service: string) =>
    new Proxy({}, {
      get: (_, method: string) =>
        method === "pages" ?
          (params: any = {}) => ({
            queryKey: ["crm", service, "pages", params],
            queryFn: ({ pageParam, signal, client }: any) =>
              clients.get(client).crm[service].list({ ...params, page: pageParam }, { signal }),
            initialPageParam: 1,
            getNextPageParam: (last: any, _all: any, page: number) =>
              page < (last.meta.totalPages ?? 1) ? page + 1 : undefined,
            retry
          }) :
          (...args: Array<any>) => ({
            queryKey: ["crm", service, method, args.length === 1 ? args[0] : args],
            queryFn: ({ signal, client }: any) => clients.get(client).crm[service][method](...args, { signal }),
            retry
          })
    })
})

export const crmMutations: Record<"leads" | "opportunities", Record<"create" | "update", MutationFactory>> = new Proxy(
  {} as any,
  {
    get: (_, service: string) =>
      new Proxy({}, {
        get: (_, method: string) => (options: { invalidates?: ReadonlyArray<string> } = {}) => ({
          mutationKey: ["crm", service, method],
          mutationFn: (variables: any, context: any) => {
            const crm = clients.get(context.client).crm[service]
            return Array.isArray(variables) ? crm[method](...variables) : crm[method](variables)
          },
          onSuccess: (_d: any, _v: any, _r: any, context: any) =>
            Promise.all(
              [service, ...(options.invalidates ?? [])].map((s) =>
                context.client.invalidateQueries({ queryKey: ["crm", s] })
              )
            )
        })
      })
  }
)
