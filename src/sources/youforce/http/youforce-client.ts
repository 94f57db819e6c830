import type { Logger } from "../../../logging/logger.js";
import { createRateLimiter, type Timer } from "../../nmbrs/http/rate-limiter.js";
import { send, type SendOptions } from "../../http/send.js";
import { SourceError } from "../../types.js";
import type { YouforceTokens } from "./token.js";
import { badResponse, networkError, statusError } from "./youforce-errors.js";

export interface YouforceClientOptions extends SendOptions {
  /** `https://api.youforce.com`, no trailing slash. */
  readonly apiUrl: string;
  readonly tokens: YouforceTokens;
  /** Monotonic time and the pacing waits. */
  readonly timer: Timer;
  /** The 429 and retry waits (seconds long); the timer's sleep unless a test records them instead. */
  readonly wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Least time between the starts of two calls; default Youforce's spike arrest, 600 ms (spec §1). */
  readonly intervalMs?: number;
  readonly logger?: Logger;
}

/** Youforce's spike arrest: 100 calls a minute, smoothed to one call per 0.6 s (YF-LIM). */
export const SPIKE_ARREST_MS = 600;
/** The longest 429 wait honoured; a longer Retry-After is cut to this (spec §1). */
export const MAX_RETRY_AFTER_MS = 60_000;
export const DEFAULT_RETRY_AFTER_MS = 2_000;
export const MAX_429_WAITS = 5;
/** Waits before the two retries of a 5xx or network error (spec §4). */
export const RETRY_DELAYS_MS = [2_000, 8_000] as const;

export interface YouforceClient {
  /** GETs `path` (after api_url, with its query) and returns the parsed JSON; `operation` names it in errors. */
  getJson(path: string, operation: string, signal?: AbortSignal): Promise<unknown>;
  /** Runs `call`, retrying it twice on a 5xx or network error (the token request uses it too). */
  retrying<T>(call: () => Promise<T>, operation: string, signal?: AbortSignal): Promise<T>;
}

/**
 * Youforce's IAM API, one request at a time and their starts at least {@link SPIKE_ARREST_MS} apart: a second call
 * inside 0.6 s fails with 429, and an app may make only 3 parallel calls across all its tenants. A 401 gets one new
 * token and one retry; a 429 waits for the next window, at most {@link MAX_429_WAITS} times.
 */
export function createYouforceClient(options: YouforceClientOptions): YouforceClient {
  const limiter = createRateLimiter(1000 / (options.intervalMs ?? SPIKE_ARREST_MS), options.timer);
  const wait = options.wait ?? options.timer.sleep;
  let queue: Promise<unknown> = Promise.resolve();

  const retrying = async <T>(call: () => Promise<T>, operation: string, signal?: AbortSignal): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const code = error instanceof SourceError ? (error.details.code ?? "") : "";
        const retriable = code === "network" || /^5\d\d$/.test(code);
        if (!retriable || attempt >= RETRY_DELAYS_MS.length) throw error;
        const delay = RETRY_DELAYS_MS[attempt] as number;
        options.logger?.warn(
          { operation, code, attempt: attempt + 1, waitMs: delay },
          "youforce: request failed, retrying",
        );
        await wait(delay, signal);
      }
    }
  };

  const once = async (path: string, operation: string, signal?: AbortSignal): Promise<unknown> => {
    let token = await options.tokens.current(signal);
    let renewed = false;
    for (let waits = 0; ; ) {
      await limiter.acquire(signal);
      const answer = await send(
        `${options.apiUrl}/${path}`,
        { method: "GET", headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } },
        options,
        networkError(operation),
        signal,
      );
      if (answer.status === 200) return parseJson(answer.body, operation);
      if (answer.status === 401 && !renewed) {
        renewed = true;
        options.logger?.info({ operation }, "youforce: token refused (401), asking a new one");
        token = await options.tokens.renew(token, signal);
        continue;
      }
      if (answer.status === 429 && waits < MAX_429_WAITS) {
        waits++;
        const pause = retryAfterMs(answer.headers.get("retry-after"));
        options.logger?.warn({ operation, waitMs: pause, waits }, "youforce: too many requests (429), waiting");
        await wait(pause, signal);
        continue;
      }
      throw statusError(answer.status, answer.body, operation);
    }
  };

  return {
    retrying,
    getJson(path, operation, signal) {
      const turn = queue.then(() => retrying(() => once(path, operation, signal), operation, signal));
      queue = turn.then(
        () => undefined,
        () => undefined,
      );
      return turn;
    },
  };
}

/** Retry-After in seconds, at most a minute; 2 s when absent or not a number of seconds. */
export function retryAfterMs(header: string | null): number {
  const seconds = header === null || header.trim() === "" ? Number.NaN : Number(header);
  if (!Number.isFinite(seconds) || seconds < 0) return DEFAULT_RETRY_AFTER_MS;
  return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
}

function parseJson(body: string, operation: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw badResponse("not JSON", operation);
  }
}
