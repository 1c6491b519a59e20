/**
 * What the transport may assume of an HttpClient. A client listed in `followsNoRedirects` hands every
 * 3xx back as it came (undici's `request` does), so the transport need not tell it not to follow.
 *
 * @internal
 */
export const followsNoRedirects = new WeakSet<object>()
