import { SourceError } from "../types.js";
import { child, text, type XmlNode } from "./soap/xml-reader.js";

/**
 * The one error type of the Nmbrs adapters (SOAP and REST). `code` is the Nmbrs fault code ("1001") or REST problem
 * code when Nmbrs sent one, or a transport code ("http-503", "timeout", "network", "unreadable-xml", "too-large",
 * "shape", "consent-required"). Messages are written for the admin and never contain a token or key.
 */
export class NmbrsFault extends SourceError {
  /** How long Nmbrs asked us to wait before trying again (REST `Retry-After`), when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    readonly code: string,
    readonly operation: string,
    readonly company: string | undefined,
    flags: { transient?: boolean; needsAttention?: boolean; retryAfterMs?: number } = {},
    options?: { cause?: unknown },
  ) {
    const { retryAfterMs, ...details } = flags;
    super(message, { code, operation, company, ...details }, options);
    this.retryAfterMs = retryAfterMs;
  }
}

/** Where a call happened: "EmployeeService.List_GetByCompany" and the company number, for messages. */
export interface CallSite {
  readonly operation: string;
  readonly company?: string;
}

export function describeCall(site: CallSite): string {
  return site.company === undefined ? site.operation : `${site.operation} (company ${site.company})`;
}

/** Nmbrs puts its code in the fault text as `---> 1001: Invalid Authentication` (Nmbrs API reference). */
const NMBRS_CODE = /---> ?(\d{4,5}):/;

export interface SoapFaultText {
  readonly faultCode: string | null;
  readonly reason: string;
}

/** The fault in a SOAP Body, 1.1 (faultcode/faultstring) or 1.2 (Code/Value, Reason/Text); undefined if none. */
export function readSoapFault(body: XmlNode): SoapFaultText | undefined {
  const fault = child(body, "Fault");
  if (!fault) return undefined;
  const reason = text(fault, "faultstring") ?? text(child(fault, "Reason"), "Text") ?? "";
  const faultCode = text(fault, "faultcode") ?? text(child(fault, "Code"), "Value");
  return { faultCode, reason };
}

export function faultFromSoap(fault: SoapFaultText, site: CallSite): NmbrsFault {
  const code = NMBRS_CODE.exec(fault.reason)?.[1];
  if (!code) {
    return new NmbrsFault(
      `Nmbrs rejected ${describeCall(site)}: ${fault.reason}`,
      fault.faultCode ?? "soap-fault",
      site.operation,
      site.company,
    );
  }
  const where = describeCall(site);
  const operationName = site.operation.slice(site.operation.indexOf(".") + 1);
  switch (code) {
    case "1001":
      return new NmbrsFault(
        `Nmbrs refused the credentials (1001 Invalid Authentication) for ${where}: check username, token and domain.`,
        code,
        site.operation,
        site.company,
        {
          needsAttention: true,
        },
      );
    case "1002":
      return new NmbrsFault(
        `Nmbrs refused ${where} (1002 Unauthorized Access): enable ${operationName} in the API user's template in Nmbrs.`,
        code,
        site.operation,
        site.company,
        {
          needsAttention: true,
        },
      );
    case "1003":
    case "2004":
      return new NmbrsFault(
        `Nmbrs gives these credentials no access to company ${site.company ?? "(unknown)"} (${code} Unauthorized Access) in ${site.operation}: grant the API user access to the company, or remove it from the connector.`,
        code,
        site.operation,
        site.company,
        { needsAttention: true },
      );
    case "1006":
      return new NmbrsFault(
        `Nmbrs reported a temporary login failure (1006) for ${where}; this usually passes, the call is retried.`,
        code,
        site.operation,
        site.company,
        {
          transient: true,
        },
      );
    default:
      return new NmbrsFault(
        `Nmbrs fault ${code} for ${where}: ${fault.reason.slice(fault.reason.indexOf(code))}`,
        code,
        site.operation,
        site.company,
      );
  }
}
