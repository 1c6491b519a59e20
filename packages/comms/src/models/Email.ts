/**
 * The e-mail addresses the comms domain takes as input: subscribers' and senders'.
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"

/**
 * An e-mail address, checked for its shape before anything is sent (the API has the final word).
 *
 * @since 0.1.0
 */
export const Email = Fields.EmailAddress.annotations({
  identifier: "Email",
  // Random strings almost never look like an address: generate ones that do.
  arbitrary: () => (fc) =>
    fc.tuple(
      fc.stringMatching(/^[a-zA-Z0-9._+-]{1,16}$/),
      fc.stringMatching(/^[a-z0-9-]{1,12}$/),
      fc.constantFrom("com", "io", "example")
    ).map(([local, host, tld]) => `${local}@${host}.${tld}`)
})
