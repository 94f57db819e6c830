/** Characters and text of the XML the plain reader reads (plain-reader.ts): the checks and copies of its hot loop. */

/**
 * A copy of `text` that does not keep the answer alive, as one flat string. A slice of a string is a view of it in V8
 * (from 13 characters on), so a name or date read from an answer would hold all of its megabytes for as long as the
 * person is kept, and a sync keeps every person; a slice of a fresh copy would still be two objects per value kept.
 * Shorter slices are copies already.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, "utf8").toString("utf8");
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with the five predefined entities decoded; null for any other `&` (a character reference, a bare `&`). */
export function decodeEntities(text: string): string | null {
  if (text.includes("]]>")) return null;
  let at = text.indexOf("&");
  if (at === -1) return text;
  let decoded = "";
  let done = 0;
  while (at !== -1) {
    const semicolon = text.indexOf(";", at);
    const name = semicolon === -1 ? "" : text.slice(at + 1, semicolon);
    if (!Object.hasOwn(ENTITIES, name)) return null;
    const entity = ENTITIES[name]!;
    decoded += text.slice(done, at) + entity;
    done = semicolon + 1;
    at = text.indexOf("&", done);
  }
  return decoded + text.slice(done);
}

export function isBlank(xml: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (!isSpace(xml.charCodeAt(at))) return false;
  return true;
}

/** XML's whitespace: space, tab, line feed, carriage return. */
export function isSpace(char: number): boolean {
  return char === 32 || char === 9 || char === 10 || char === 13;
}

export function isLetter(char: number): boolean {
  return (char >= 65 && char <= 90) || (char >= 97 && char <= 122);
}

export function isDigit(char: number): boolean {
  return char >= 48 && char <= 57;
}
