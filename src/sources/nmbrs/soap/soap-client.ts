import { NmbrsFault, describeCall, faultFromSoap, readSoapFault, type CallSite } from "../nmbrs-fault.js";
import { type NmbrsCallConfig, pacedRequest, withLoggedRetry } from "../http/nmbrs-call.js";
import { requestEnvelope, soapAction, type Credentials, type NmbrsService, type Params } from "./soap-envelope.js";
import { UnreadableXml, child, readSoapBody, type XmlNode } from "./xml-reader.js";

export interface SoapClientConfig extends NmbrsCallConfig {
  /** Base URL up to the services, e.g. `https://api.nmbrs.nl/soap/v3`. */
  readonly endpoint: string;
  readonly credentials: Credentials;
}

/** A call: which operation, for which company (for messages), with which body parameters. */
export interface SoapCall {
  readonly service: NmbrsService;
  readonly operation: string;
  readonly params?: Params;
  /** Company number, named in errors. */
  readonly company?: string;
  readonly signal?: AbortSignal;
}

/** Reads the `<OpResult>` element (undefined when Nmbrs returned null) into what the caller needs. */
export type ResultReader<T> = (result: XmlNode | undefined) => T;

export type SoapCaller = <T>(call: SoapCall, read: ResultReader<T>) => Promise<T>;

/**
 * Makes SOAP calls and reads their result. Every failure, including a result that does not read, is an
 * {@link NmbrsFault} that names the operation and company.
 */
export function createSoapCaller(config: SoapClientConfig): SoapCaller {
  const base = config.endpoint.replace(/\/+$/, "");
  return (call, read) => {
    const site: CallSite = { operation: `${call.service}.${call.operation}`, company: call.company };
    const envelope = requestEnvelope(call.service, call.operation, call.params ?? {}, config.credentials);
    const headers = { "content-type": "text/xml; charset=utf-8", soapaction: soapAction(call.service, call.operation) };
    return withLoggedRetry(
      async () => {
        const answer = await pacedRequest(
          { url: `${base}/${call.service}.asmx`, method: "POST", headers, body: envelope },
          site,
          config,
          call.signal,
        );
        return readResult(resultOf(answer.status, answer.body, call.operation, site), read, site);
      },
      site,
      config,
      call.signal,
    );
  };
}

function resultOf(status: number, xml: string, operation: string, site: CallSite): XmlNode | undefined {
  let body: XmlNode;
  try {
    body = readSoapBody(xml, operation);
  } catch (error) {
    if (!(error instanceof UnreadableXml)) throw error;
    if (status !== 200) throw httpFailure(status, site);
    // Not retried: a complete 200 answer that does not parse is what the server means to send, and asking again
    // gets the same. A connection cut mid-answer fails in the transport instead, as a (retried) network error.
    throw unreadable(error, site);
  }
  const fault = readSoapFault(body);
  if (fault) throw faultFromSoap(fault, site);
  if (status !== 200) throw httpFailure(status, site);
  const response = child(body, `${operation}Response`);
  if (!response)
    throw new NmbrsFault(
      `Nmbrs answered ${describeCall(site)} without a ${operation}Response element.`,
      "shape",
      site.operation,
      site.company,
    );
  return child(response, `${operation}Result`);
}

function readResult<T>(result: XmlNode | undefined, read: ResultReader<T>, site: CallSite): T {
  try {
    return read(result);
  } catch (error) {
    if (!(error instanceof UnreadableXml)) throw error;
    throw unreadable(error, site);
  }
}

function unreadable(error: UnreadableXml, site: CallSite): NmbrsFault {
  return new NmbrsFault(
    `Nmbrs returned unreadable XML for ${describeCall(site)}: ${error.message}`,
    "unreadable-xml",
    site.operation,
    site.company,
    {},
    { cause: error },
  );
}

/** A 5xx without a SOAP fault comes from a proxy or an overloaded server: worth a retry. Anything else is setup. */
function httpFailure(status: number, site: CallSite): NmbrsFault {
  const transient = status >= 500;
  const hint = transient ? "Nmbrs or a proxy in between is having trouble" : "check the endpoint URL";
  return new NmbrsFault(
    `Nmbrs answered ${describeCall(site)} with HTTP ${status} and no SOAP fault: ${hint}.`,
    `http-${status}`,
    site.operation,
    site.company,
    { transient, needsAttention: !transient },
  );
}
