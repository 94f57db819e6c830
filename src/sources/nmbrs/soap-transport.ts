import { NmbrsFault, describeCall, type CallSite } from "./faults.js";

export interface TransportOptions {
  readonly timeoutMs: number;
  /** Responses beyond this are aborted while streaming, so a runaway answer cannot exhaust memory. */
  readonly maxResponseBytes: number;
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  readonly bytes: number;
}

/**
 * One HTTP POST with a per-call timeout and a response size cap. Transport failures become {@link NmbrsFault}s
 * marked transient where a retry can help; an abort by the caller is passed through untouched.
 */
export async function postSoap(
  url: string,
  headers: Record<string, string>,
  body: string,
  site: CallSite,
  options: TransportOptions,
  signal?: AbortSignal,
): Promise<HttpAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { method: "POST", headers, body, signal: combined });
    const { text, bytes } = await readCapped(response, site, options.maxResponseBytes);
    return { status: response.status, body: text, bytes };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof NmbrsFault) throw error;
    if (timeout.aborted) {
      throw new NmbrsFault(`Nmbrs did not answer ${describeCall(site)} within ${options.timeoutMs / 1000} s.`, "timeout", site.operation, site.company, { transient: true }, { cause: error });
    }
    const reason = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
    throw new NmbrsFault(`Could not reach Nmbrs for ${describeCall(site)}: ${reason}.`, "network", site.operation, site.company, { transient: true }, { cause: error });
  }
}

async function readCapped(response: Response, site: CallSite, maxBytes: number): Promise<{ text: string; bytes: number }> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel();
        throw new NmbrsFault(
          `Nmbrs sent more than ${Math.round(maxBytes / 1_048_576)} MB for ${describeCall(site)}; the response was aborted. Raise the response size limit if the company is this large.`,
          "too-large",
          site.operation,
          site.company,
        );
      }
      chunks.push(value);
    }
  }
  return { text: Buffer.concat(chunks).toString("utf8"), bytes };
}
