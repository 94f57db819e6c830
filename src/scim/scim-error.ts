/** The RFC 7644 §3.12 scimType values a read-only server has occasion to send. */
export type ScimType = "invalidFilter" | "invalidValue" | "invalidSyntax";

export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

/**
 * The one error type at the SCIM boundary. Anything thrown inside the SCIM app that is not a ScimError becomes a
 * generic 500, so a message written for a client is always written on purpose.
 */
export class ScimError extends Error {
  override readonly name = "ScimError";
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
    /** Headers the client needs to act on the error (WWW-Authenticate, Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
  }
}

/** The RFC 7644 Error body; `status` is a string, as the RFC says and Okta's SPEC test compares. */
export function scimErrorBody(error: ScimError): string {
  return JSON.stringify({
    schemas: [ERROR_SCHEMA],
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.detail,
    status: String(error.status),
  });
}
