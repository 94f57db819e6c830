import { parseObject } from "../../http/send.js";
import { SourceError } from "../../types.js";

/** The request an error belongs to, as the message and `operation` name it. */
export interface AfasCall {
  /** e.g. "GET connectors/HRGateway_Employees skip=999". */
  readonly operation: string;
  /** The GetConnector read, or null for the metainfo calls. */
  readonly connector: string | null;
}

/**
 * The SourceError for an AFAS answer other than 200 (the AFAS spec §4). Each message says what the admin
 * checks; none quotes a request header (the token is in one). A 500's `externalMessage` and `profitLogReference`
 * are passed on: the reference is how the full error is found in the environment's logbook.
 */
export function statusError(status: number, body: string, call: AfasCall, retryAfterMs?: number): SourceError {
  const details = { code: String(status), operation: call.operation };
  switch (status) {
    case 401:
      return new SourceError(
        call.connector === null
          ? "AFAS rejected the token: it belongs to another environment, or it was deleted or expired. Create a new token in the App Connector (tab User tokens)."
          : `AFAS refused GetConnector ${call.connector}: it is not in the App Connector, or the token's user lacks rights on it.`,
        { ...details, needsAttention: true },
      );
    case 403:
      return new SourceError(
        "AFAS refused the gateway's address (403): the App Connector has an IP restriction; allow the gateway's outgoing address.",
        { ...details, needsAttention: true },
      );
    case 404:
      return new SourceError(
        `AFAS answered 404 to ${call.operation}: check base_url (https://<environment>.rest.afas.online/ProfitRestServices).`,
        { ...details, needsAttention: true },
      );
    case 500:
      return profitError(body, call);
    case 503:
      return new AfasMaintenance(call.operation, retryAfterMs);
    default:
      return new SourceError(`AFAS answered HTTP ${status} to ${call.operation}.`, {
        ...details,
        transient: status >= 500,
      });
  }
}

function profitError(body: string, call: AfasCall): SourceError {
  const parsed = parseObject(body);
  const message = typeof parsed?.externalMessage === "string" ? parsed.externalMessage.trim() : "";
  const reference = typeof parsed?.profitLogReference === "string" ? parsed.profitLogReference.trim() : "";
  // A blocked definition or a field the connector lacks stays broken until the admin changes Profit (OAS-TS, OAS-BLK).
  const needsAttention = /blocked|geblokkeerd|not found|niet gevonden/i.test(message);
  const lookUp = reference ? ` Look up ${reference} in the environment's logbook.` : "";
  return new SourceError(
    `AFAS Profit failed on ${call.operation}: ${message || "no message"}.${lookUp}`.replace(/\.\./g, "."),
    { code: "500", operation: call.operation, transient: true, needsAttention },
  );
}

/** 503: Profit is in maintenance, and says for how long (Retry-After), which decides whether waiting helps. */
export class AfasMaintenance extends SourceError {
  constructor(
    operation: string,
    readonly retryAfterMs: number | undefined,
  ) {
    const until = retryAfterMs === undefined ? "" : ` for about ${Math.ceil(retryAfterMs / 60_000)} min`;
    super(`AFAS Profit is down for maintenance (503)${until}; the next run tries again.`, {
      code: "503",
      operation,
      transient: true,
    });
  }
}

/** The answer is not what a GetConnector or metainfo call returns. */
export function badResponse(problem: string, call: AfasCall): SourceError {
  return new SourceError(`AFAS sent an unreadable answer to ${call.operation}: ${problem}.`, {
    code: "bad_response",
    operation: call.operation,
    transient: true,
  });
}
