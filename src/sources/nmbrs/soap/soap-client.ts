import { NmbrsFault, describeCall, faultFromSoap, readSoapFault, type CallSite } from "../nmbrs-fault.js";
import { type NmbrsCallConfig, pacedReceive, withLoggedRetry } from "../http/nmbrs-call.js";
import { requestEnvelope, soapAction, type Credentials, type NmbrsService, type Params } from "./soap-envelope.js";
import type { RawHttpAnswer } from "../http/http-transport.js";
import type { RawAnswersDigest } from "../../raw-digest.js";
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
  /** Where the answer's raw bytes are hashed, when the company's answers are (sources/raw-digest.ts). */
  readonly raw?: RawAnswersDigest;
}

/** Reads the `<OpResult>` element (undefined when Nmbrs returned null) into what the caller needs. */
export type ResultReader<T> = (result: XmlNode | undefined) => T;

export type SoapCaller = <T>(call: SoapCall, read: ResultReader<T>) => Promise<T>;

/** An answer received (and hashed) whose parse waits until someone needs what it says. */
export interface ReceivedAnswer {
  /** Decodes and parses the answer, once: its bytes are let go of as soon as it is read. */
  read<T>(reader: ResultReader<T>): T;
}

export interface SoapClient {
  /** A call whose answer is read as soon as it is received. */
  readonly call: SoapCaller;
  /**
   * A call whose answer is kept unparsed, so a company whose answers turn out unchanged is never parsed. An answer that
   * is not a 200 is still read at once (a fault, an HTTP failure), inside the retries, as by {@link call}; a fault in a
   * 200 (Nmbrs sends faults with a 500) fails only when read, without a retry.
   */
  readonly receive: (call: SoapCall) => Promise<ReceivedAnswer>;
}

/**
 * Makes SOAP calls and reads their result. Every failure, including a result that does not read, is an
 * {@link NmbrsFault} that names the operation and company.
 */
export function createSoapClient(config: SoapClientConfig): SoapClient {
  const base = config.endpoint.replace(/\/+$/, "");
  const exchange = <T>(call: SoapCall, use: (answer: RawHttpAnswer, site: CallSite) => T): Promise<T> => {
    const site: CallSite = { operation: `${call.service}.${call.operation}`, company: call.company };
    const envelope = requestEnvelope(call.service, call.operation, call.params ?? {}, config.credentials);
    const headers = { "content-type": "text/xml; charset=utf-8", soapaction: soapAction(call.service, call.operation) };
    return withLoggedRetry(
      async () => {
        const hash = call.raw?.answerHash();
        const answer = await pacedReceive(
          { url: `${base}/${call.service}.asmx`, method: "POST", headers, body: envelope },
          site,
          config,
          call.signal,
          hash ? (chunk) => hash.update(chunk) : undefined,
        );
        const used = use(answer, site);
        if (hash) call.raw!.add(`${site.operation} ${JSON.stringify(call.params ?? {})}`, hash);
        return used;
      },
      site,
      config,
      call.signal,
    );
  };
  const parse = <T>(answer: RawHttpAnswer, site: CallSite, operation: string, read: ResultReader<T>): T =>
    readResult(resultOf(answer.status, answerBytes(answer.chunks), operation, site), read, site);
  return {
    call: (call, read) => exchange(call, (answer, site) => parse(answer, site, call.operation, read)),
    receive: (call) =>
      exchange(call, (answer, site): ReceivedAnswer => {
        if (answer.status !== 200) {
          // A failure either way: the SOAP fault it carries (resultOf throws it), else its HTTP status.
          resultOf(answer.status, answerBytes(answer.chunks), call.operation, site);
          throw httpFailure(answer.status, site);
        }
        let unread: RawHttpAnswer | null = answer;
        return {
          read: (reader) => {
            if (!unread) throw new Error(`${site.operation}: an answer is read once`);
            const received = unread;
            unread = null;
            return parse(received, site, call.operation, reader);
          },
        };
      }),
  };
}

/**
 * The answer's bytes in one buffer, for readSoapBody to scan as Latin-1 and decode only the values that need it
 * (answer-text.ts): decoding the whole answer as UTF-8 chunk by chunk cost more than the scan.
 */
function answerBytes(chunks: readonly Uint8Array[]): Buffer {
  return Buffer.concat(chunks);
}

function resultOf(status: number, xml: Buffer, operation: string, site: CallSite): XmlNode | undefined {
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
