/** What a client presented in its Authorization header. */
export type PresentedCredential =
  | { readonly scheme: "basic"; readonly username: string; readonly password: string }
  | { readonly scheme: "bearer"; readonly token: string };

/**
 * Reads the three forms Okta sends: `Basic base64(user:password)`, `Bearer <token>`, and Okta's "Header Auth",
 * where the header is the bare token exactly as the admin typed it. Undefined when nothing usable was presented.
 */
export function presentedCredential(header: string | undefined): PresentedCredential | undefined {
  const value = header?.trim();
  // A scheme with nothing after it presents nothing (rather than the token "Bearer").
  if (!value || /^(basic|bearer)$/i.test(value)) return undefined;
  const space = value.indexOf(" ");
  const scheme = space === -1 ? "" : value.slice(0, space).toLowerCase();
  const rest = value.slice(space + 1).trim();
  if (scheme === "basic") {
    const decoded = Buffer.from(rest, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0) return undefined;
    return { scheme: "basic", username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (scheme === "bearer") return rest ? { scheme: "bearer", token: rest } : undefined;
  return { scheme: "bearer", token: value };
}
