import { causeOf } from "../http/send.js";
import { readCapped } from "../http/read-capped.js";
import type { OAuthTransport, OAuthWording } from "./oauth-server.js";

/** The shape of oauth4webapi's `customFetch` hook. */
export type OAuthFetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The `customFetch` oauth4webapi sends its requests through: a per-request timeout, a cap on the answer's size, and
 * transport failures as the source's fault (transient, so a retry policy may try again). An abort by the caller is
 * passed through untouched. The answer is read here and handed on as a fresh Response, because oauth4webapi reads
 * bodies without a limit.
 */
export function boundedFetch(transport: OAuthTransport, wording: OAuthWording, operation: string): OAuthFetch {
  return async (url, init) => {
    const caller = init.signal ?? undefined;
    const timeout = AbortSignal.timeout(transport.timeoutMs);
    const signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
    try {
      // Redirects are not followed: a 3xx from a token endpoint is a misconfigured URL, and following it would send
      // the client secret to wherever it points.
      const response = await fetch(url, { ...init, signal, redirect: "manual" });
      const body = await readBody(response, transport.maxResponseBytes);
      return new Response(body, { status: response.status, headers: response.headers });
    } catch (error) {
      if (caller?.aborted) throw caller.reason;
      if (error instanceof TooLarge) {
        throw wording.fault(
          `${wording.service} sent more than ${Math.round(transport.maxResponseBytes / 1024)} KB for ${operation}; the answer was aborted.`,
          "too-large",
          operation,
          {},
        );
      }
      if (timeout.aborted) {
        throw wording.fault(
          `${wording.service} did not answer ${operation} within ${transport.timeoutMs / 1000} s.`,
          "timeout",
          operation,
          { transient: true },
          { cause: error },
        );
      }
      throw wording.fault(
        `Could not reach ${wording.service.replace(/^The /, "the ")} for ${operation}: ${causeOf(error) || (error as Error).message}.`,
        "network",
        operation,
        { transient: true },
        { cause: error },
      );
    }
  };
}

class TooLarge extends Error {}

async function readBody(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body || response.status === 204 || response.status === 304) return null;
  const parts: Uint8Array[] = [];
  await readCapped(
    response.body,
    maxBytes,
    () => new TooLarge(),
    (chunk) => parts.push(chunk),
  );
  return Buffer.concat(parts);
}
