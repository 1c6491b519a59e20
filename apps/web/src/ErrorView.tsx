import { Component, type ReactNode } from "react"
import { Link } from "wouter"
import { describeError } from "./format.js"

/** A failed call as a page: a NotFound is the 404 page; any other error names its tag too. */
export function ErrorView({ error, title }: { readonly error: unknown; readonly title?: string }) {
  const { tag, message } = describeError(error)
  return (
    <main className="page error-page" data-testid="error-page" data-error-tag={tag}>
      <h1>{tag === "NotFound" ? "404: not found" : (title ?? "Something went wrong")}</h1>
      <p>
        <code data-testid="error-tag">{tag}</code> <span data-testid="error-message">{message}</span>
      </p>
      <Link href="/">Back to the leads</Link>
    </main>
  )
}

/** Renders `fallback` with what its children threw (a suspense query's typed error). */
export class ErrorBoundary extends Component<
  { readonly children: ReactNode; readonly fallback: (error: unknown) => ReactNode },
  { readonly error: { readonly value: unknown } | undefined }
> {
  override state: { readonly error: { readonly value: unknown } | undefined } = { error: undefined }
  static getDerivedStateFromError(value: unknown) {
    return { error: { value } }
  }
  override render() {
    return this.state.error === undefined ? this.props.children : this.props.fallback(this.state.error.value)
  }
}
