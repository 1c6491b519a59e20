/**
 * Whether a request's payload is a `FormData` (a multipart body the SDK built), asked without touching
 * the global `FormData` for a plain object or no payload at all: on Node, the first read of that global
 * loads the bundled undici (about 25 ms), which a JSON request never needs.
 *
 * @internal
 */
export const isFormData = (payload: unknown): payload is FormData =>
  typeof payload === "object" && payload !== null && Object.getPrototypeOf(payload) !== Object.prototype &&
  typeof FormData !== "undefined" && payload instanceof FormData
