import type { Logger } from "../../../logging/logger.js";
import { SourceError, type SourceStats } from "../../types.js";
import { causeOf, type NetworkFailure, parseObject, send as sendHttp } from "../../http/send.js";
import { AfasMaintenance, badResponse, statusError, type AfasCall } from "./afas-errors.js";

export interface AfasClientOptions {
  /** `https://12345.rest.afas.online/ProfitRestServices`, no trailing slash. */
  readonly baseUrl: string;
  /** The whole token XML (`<token><version>1</version><data>…</data></token>`). */
  readonly token: string;
  readonly integrationId: string | null;
  readonly timeoutMs: number;
  readonly stats: SourceStats;
  /** Waits between attempts; injected so tests see the waits without waiting. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly logger?: Logger;
  /** Waits before the retries of a network error, 500 or unreadable answer; default 2 s, then 8 s (spec §4). */
  readonly retryDelaysMs?: readonly number[];
}

/** The longest Retry-After worth waiting for within a run; a longer maintenance fails the run (docs/afas.md). */
export const MAX_RETRY_AFTER_MS = 60_000;
const RETRY_DELAYS_MS = [2_000, 8_000];

export interface AfasClient {
  /**
   * GETs `path` (relative to base_url) and hands the JSON object to `read`, which throws {@link badResponse} when
   * the shape is wrong; an unreadable answer is retried like a network error. `read` also gets the answer's bytes as
   * received, for the digest of the source's raw answers (getconnector-read.ts).
   */
  get<T>(path: string, call: AfasCall, read: AnswerReader<T>, signal?: AbortSignal): Promise<T>;
}

/** What a caller makes of one answer: its JSON object, and its bytes as received. */
export type AnswerReader<T> = (json: Record<string, unknown>, bytes: Buffer) => T;

/**
 * AFAS Profit's REST API, one request at a time: Profit keeps working on a request the client gave up on, and AFAS
 * allows only a handful of parallel calls per environment (OAS-GC, OAS-TS), so a gateway must not add to the load.
 */
export function createAfasClient(options: AfasClientOptions): AfasClient {
  const authorization = `AfasToken ${Buffer.from(options.token, "utf8").toString("base64")}`;
  const headers: Record<string, string> = {
    Authorization: authorization,
    Accept: "application/json",
    // Messages in English, whatever the environment's language: the gateway's own messages around them are.
    "Accept-Language": "en-us",
    ...(options.integrationId ? { IntegrationId: options.integrationId } : {}),
  };
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let queue: Promise<unknown> = Promise.resolve();

  const once = async <T>(path: string, call: AfasCall, read: AnswerReader<T>, signal?: AbortSignal): Promise<T> => {
    const answer = await send(`${options.baseUrl}/${path}`, headers, call, options, signal);
    if (answer.status !== 200) throw statusError(answer.status, answer.body, call, answer.retryAfterMs);
    const json = parseObject(answer.body);
    if (!json) throw badResponse("not a JSON object", call);
    return read(json, answer.bytes);
  };

  const withRetries = async <T>(
    path: string,
    call: AfasCall,
    read: AnswerReader<T>,
    signal?: AbortSignal,
  ): Promise<T> => {
    let retries = 0;
    let waitedForMaintenance = false;
    for (;;) {
      try {
        return await once(path, call, read, signal);
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        const wait = error instanceof AfasMaintenance ? maintenanceWait(error, waitedForMaintenance) : null;
        if (wait !== null) {
          waitedForMaintenance = true;
          options.logger?.warn({ operation: call.operation, waitMs: wait }, "afas: maintenance (503), waiting once");
          await options.sleep(wait, signal);
          continue;
        }
        if (!retriable(error) || retries >= delays.length) throw error;
        const delay = delays[retries++] as number;
        options.logger?.warn(
          { operation: call.operation, code: error.details.code, attempt: retries, waitMs: delay },
          "afas: request failed, retrying",
        );
        await options.sleep(delay, signal);
      }
    }
  };

  return {
    get(path, call, read, signal) {
      const turn = queue.then(() => withRetries(path, call, read, signal));
      queue = turn.then(
        () => undefined,
        () => undefined,
      );
      return turn;
    },
  };
}

/** Network errors, 500s that a retry can fix and unreadable answers (spec §4); never 401/403/404. */
function retriable(error: SourceError): boolean {
  const { code, needsAttention } = error.details;
  return (code === "network" || code === "500" || code === "bad_response") && !needsAttention;
}

function maintenanceWait(error: AfasMaintenance, waited: boolean): number | null {
  if (waited || error.retryAfterMs === undefined || error.retryAfterMs > MAX_RETRY_AFTER_MS) return null;
  return error.retryAfterMs;
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly bytes: Buffer;
  readonly retryAfterMs?: number;
}

async function send(
  url: string,
  headers: Record<string, string>,
  call: AfasCall,
  options: AfasClientOptions,
  signal?: AbortSignal,
): Promise<Answer> {
  const {
    status,
    body,
    bytes,
    headers: answered,
  } = await sendHttp(url, { headers }, options, networkFailure(call), signal);
  const retryAfterMs = status === 503 ? retryAfter(answered, body) : undefined;
  return { status, body, bytes, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}

const networkFailure =
  (call: AfasCall): NetworkFailure =>
  (host, timeoutMs, error) => {
    const message =
      timeoutMs !== null
        ? `AFAS at ${host} did not answer ${call.operation} within ${timeoutMs / 1000} s; Profit may still be working on it, so it is retried later.`
        : `Could not reach AFAS at ${host} for ${call.operation}: ${causeOf(error)}.`;
    return new SourceError(message, { code: "network", operation: call.operation, transient: true }, { cause: error });
  };

/** Retry-After in seconds (the header), else the body's `retry_after` (OAS-SPEC's 503 response). */
function retryAfter(headers: Headers, body: string): number | undefined {
  const header = Number(headers.get("retry-after"));
  if (Number.isFinite(header) && header >= 0 && headers.get("retry-after") !== null) return header * 1000;
  const fromBody = parseObject(body)?.retry_after;
  return typeof fromBody === "number" && fromBody >= 0 ? fromBody * 1000 : undefined;
}
