import { ENVELOPE_END, envelopeStart, type SoapVersion } from "./envelope.js";

/** Bodies a broken or malicious endpoint might send, for the client's defences to be tested against. */

export const GARBAGE_BODY =
  '<?xml version="1.0" encoding="utf-8"?>\n<<<502 Bad Gateway: upstream sent an invalid response>>>';

/** "Billion laughs": ten nested entities of ten references each expand to 10^9 copies of "lol". */
export function entityExpansionBody(): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level <= 9; level++) entities.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  return `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE soap:Envelope [${entities.join("")}]>${envelopeStart("1.1")}<Bomb>&lol9;</Bomb>${ENVELOPE_END}`;
}

/** A well-formed response of about `bytes` bytes, produced piece by piece while it is written. */
export function* hugeBody(version: SoapVersion, operation: string, bytes: number): Iterable<string> {
  const head = `${envelopeStart(version)}<${operation}Response xmlns="https://api.nmbrs.nl/soap/v3/EmployeeService"><${operation}Result>`;
  const tail = `</${operation}Result></${operation}Response>${ENVELOPE_END}`;
  const item = `<PersonalInfoItem><EmployeeId>1</EmployeeId><EmployeePersonalInfos><PersonalInfo_V2><Id>1</Id><LastName>${"x".repeat(900)}</LastName></PersonalInfo_V2></EmployeePersonalInfos></PersonalInfoItem>`;
  yield head;
  for (let sent = head.length + tail.length; sent < bytes; sent += item.length) yield item;
  yield tail;
}
