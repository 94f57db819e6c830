export type NmbrsService = "CompanyService" | "EmployeeService" | "DebtorService";

/** The SOAP namespace stays api.nmbrs.nl on every host, the sandbox included (Nmbrs API reference). */
export const NMBRS_NAMESPACE = "https://api.nmbrs.nl/soap/v3";

export interface Credentials {
  readonly username: string;
  readonly token: string;
  readonly domain: string;
}

export type Params = Readonly<Record<string, string | number>>;

/**
 * A SOAP 1.1 request: the form every Nmbrs client in the wild manages to send. The auth header carries the called
 * service's namespace, as ASMX binds the header to the service.
 */
export function requestEnvelope(
  service: NmbrsService,
  operation: string,
  params: Params,
  credentials: Credentials,
): string {
  const namespace = `${NMBRS_NAMESPACE}/${service}`;
  const body = Object.entries(params)
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">` +
    `<soap:Header><AuthHeaderWithDomain xmlns="${namespace}"><Username>${escapeXml(credentials.username)}</Username><Token>${escapeXml(credentials.token)}</Token><Domain>${escapeXml(credentials.domain)}</Domain></AuthHeaderWithDomain></soap:Header>` +
    `<soap:Body><${operation} xmlns="${namespace}">${body}</${operation}></soap:Body></soap:Envelope>`
  );
}

export function soapAction(service: NmbrsService, operation: string): string {
  return `"${NMBRS_NAMESPACE}/${service}/${operation}"`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
