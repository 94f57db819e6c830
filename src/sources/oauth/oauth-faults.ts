import { systemClock } from "../../clock.js";
import { retryAfterMs } from "../nmbrs/rest/problems.js";
import type { SourceError } from "../types.js";
import type { OAuthWording } from "./oauth-server.js";

/** What a refused OAuth request said: the HTTP status and, when the body was an OAuth error, its code and words. */
export interface OAuthRefusal {
  readonly status: number;
  readonly error: string | null;
  readonly description: string | null;
  readonly headers: Headers;
}

/**
 * An OAuth error answer (RFC 6749 §5.2) in words an admin can act on: `invalid_grant` means the consent is gone
 * (`consent-required`), a refused client means the settings, 429 and 5xx are worth another try, and anything else
 * names the server's error code.
 */
export function oauthFault(wording: OAuthWording, refusal: OAuthRefusal, operation: string): SourceError {
  const { status, error } = refusal;
  const said = refusal.description ? ` (${refusal.description.trim().slice(0, 300)})` : "";
  if (error === "invalid_grant")
    return wording.fault(wording.reconsent(said), "consent-required", operation, { needsAttention: true });
  if (error === "invalid_client" || error === "unauthorized_client" || status === 401) {
    return wording.fault(wording.badClient(error ?? `HTTP ${status}`, said), error ?? "invalid_client", operation, {
      needsAttention: true,
    });
  }
  if (status === 429 || status >= 500) {
    const wait = retryAfterMs(refusal.headers.get("retry-after"), systemClock().getTime());
    return wording.fault(
      `${wording.service} is unavailable (HTTP ${status}) for ${operation}.`,
      `http-${status}`,
      operation,
      { transient: true, ...(wait !== undefined ? { retryAfterMs: wait } : {}) },
    );
  }
  return wording.fault(
    wording.refused(operation, error ?? `HTTP ${status}`, said),
    error ?? `http-${status}`,
    operation,
    {
      needsAttention: true,
    },
  );
}
