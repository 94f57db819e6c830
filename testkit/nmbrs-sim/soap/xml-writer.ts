/**
 * Element writers that encode values the way ASP.NET's XmlSerializer does (Nmbrs API reference conventions), as plain string
 * building: the simulator serializes 100,000 employees per benchmark run, and a DOM would dominate the profile.
 */

const NEEDS_ESCAPE = /[&<>"']/;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Escapes all five XML specials, quotes included, although element text needs only & and <: a client must decode
 * every predefined entity, and names like D'Souza make the simulator check that it does.
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"']/g, (special) => ENTITIES[special]!);
}

/** A string field: a null string is left out entirely, an empty one is `<X />`. */
export function text(name: string, value: string | null | undefined): string {
  if (value == null) return "";
  return value === "" ? `<${name} />` : `<${name}>${escapeXml(value)}</${name}>`;
}

/** int, decimal and boolean fields are always present. */
export function value(name: string, scalar: number | boolean): string {
  return `<${name}>${scalar}</${name}>`;
}

/** A nillable dateTime: `yyyy-MM-ddTHH:mm:ss`, or `xsi:nil` when there is none. */
export function dateTime(name: string, date: string | null): string {
  if (date === null) return `<${name} xsi:nil="true" />`;
  return `<${name}>${date.length === 10 ? `${date}T00:00:00` : date}</${name}>`;
}
