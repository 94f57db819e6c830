import type { Logger } from "../../../logging/logger.js";
import type { AccessTokens } from "../../nmbrs/rest/rest-client.js";
import { causeOf, type NetworkFailure, parseObject, send as sendHttp } from "../../http/send.js";
import { SourceError, type SourceStats } from "../../types.js";
import { badResponse, LoketBusy, MAX_RETRY_AFTER_MS, statusError, type LoketCall } from "./loket-errors.js";

export interface LoketClientOptions {
  /** `https://api.loket.nl/v2`, no trailing slash. */
  readonly apiUrl: string;
  readonly tokens: AccessTokens;
  readonly timeoutMs: number;
  readonly stats: SourceStats;
  /** Waits between attempts; injected so tests see the waits without waiting. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly logger?: Logger;
  /** Waits before the two retries of a 429, 5xx, network error or unreadable answer; default 2 s, then 8 s. */
  readonly retryDelaysMs?: readonly number[];
}

const RETRY_DELAYS_MS = [2_000, 8_000];

export interface LoketClient {
  /** GETs `call.path` and returns the JSON object, or throws the SourceError of the Loket spec §4. */
  get(call: LoketCall, signal?: AbortSignal): Promise<Record<string, unknown>>;
}

/**
 * Loket's REST API: the bearer token on every request, one renewed token when Loket refuses one (expired early or
 * revoked), transient failures retried twice (2 s, 8 s, or Loket's own `Retry-After` up to a minute).
 */
export function createLoketClient(options: LoketClientOptions): LoketClient {
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;

  const once = async (call: LoketCall, signal?: AbortSignal): Promise<Record<string, unknown>> => {
    const url = urlOf(options.apiUrl, call);
    let token = await options.tokens.current(signal);
    let answer = await send(url, token, call, options, signal);
    if (answer.status === 401) {
      // Revoked, or expired sooner than it said: one new token, one more try. A second refusal is final.
      token = await options.tokens.renew(token, signal);
      answer = await send(url, token, call, options, signal);
    }
    if (answer.status !== 200) throw statusError(answer.status, answer.body, call, answer.retryAfterMs);
    const json = parseObject(answer.body);
    if (!json) throw badResponse("not a JSON object", call);
    return json;
  };

  return {
    async get(call, signal) {
      for (let retries = 0; ; ) {
        try {
          return await once(call, signal);
        } catch (error) {
          if (!(error instanceof SourceError) || !error.details.transient || retries >= delays.length) throw error;
          const asked = error instanceof LoketBusy ? error.retryAfterMs : undefined;
          // Asked to wait longer than a run should: fail now, the next run tries again.
          if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) throw error;
          const wait = asked ?? (delays[retries] as number);
          retries++;
          options.logger?.warn(
            {
              operation: call.operation,
              company: call.company,
              code: error.details.code,
              attempt: retries,
              waitMs: wait,
            },
            "loket: request failed, retrying",
          );
          await options.sleep(wait, signal);
        }
      }
    },
  };
}

function urlOf(apiUrl: string, call: LoketCall): string {
  const query = new URLSearchParams(
    Object.entries(call.query ?? {}).map(([key, value]) => [key, String(value)] as [string, string]),
  ).toString();
  return `${apiUrl}/${call.path}${query ? `?${query}` : ""}`;
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly retryAfterMs?: number;
}

async function send(
  url: string,
  token: string,
  call: LoketCall,
  options: LoketClientOptions,
  signal?: AbortSignal,
): Promise<Answer> {
  // No version in Accept: Loket's default resource version (spec §1 pinned; the first page's version is logged).
  const headers = { Authorization: `Bearer ${token}`, Accept: "application/json" };
  const answer = await sendHttp(url, { headers }, options, networkFailure(call), signal);
  const retryAfterMs = retryAfter(answer.headers);
  return { status: answer.status, body: answer.body, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

const networkFailure =
  (call: LoketCall): NetworkFailure =>
  (host, timeoutMs, error) => {
    const message =
      timeoutMs !== null
        ? `Loket at ${host} did not answer ${call.operation} within ${timeoutMs / 1000} s; the next run tries again.`
        : `Could not reach Loket at ${host} for ${call.operation}: ${causeOf(error)}.`;
    return new SourceError(
      message,
      { code: "network", operation: call.operation, company: call.company, transient: true },
      { cause: error },
    );
  };

/** Retry-After in seconds (an HTTP date is not expected from Loket's API and reads as absent). */
function retryAfter(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value) * 1000;
}
