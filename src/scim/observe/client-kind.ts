/**
 * Which client sent a SCIM request. Only Okta's production client counts as "Okta's import" (the forecast's
 * baseline, the dashboard's last import, the setup checklist); anything else that pages through /Users, such as
 * an admin's curl script or Okta's own Runscope test suite, is served the same data and logged as another client.
 */
export type ScimClientKind = "okta" | "other";

/**
 * Okta sends `User-Agent: Okta SCIM Client 1.0.0` on every request (Okta's SCIM documentation). The version is left
 * open so a new release of that client still counts. Okta's test suite sends `OKTA SCIM Integration`: a tool an
 * admin runs, not an import, so it does not match. A client can send any User-Agent it likes; this tells Okta
 * from ordinary tools, it is no security boundary (every client must still authenticate).
 */
const OKTA_CLIENT = /^Okta SCIM Client(?:\/|\s|$)/i;

export function scimClientKind(userAgent: string | null | undefined): ScimClientKind {
  return userAgent && OKTA_CLIENT.test(userAgent.trim()) ? "okta" : "other";
}
