import type { HrPerson } from "../sources/types.js";

/** The name parts served to Okta, built the Dutch way: roepnaam first, tussenvoegsel kept with the last name. */
export interface PersonNames {
  readonly givenName: string | null;
  /** "de Vries": prefix + last name, because Okta has no field for a tussenvoegsel. */
  readonly familyName: string | null;
  readonly formatted: string | null;
  readonly displayName: string | null;
}

export function personNames(person: HrPerson): PersonNames {
  const givenName = cleanText(person.nickname) ?? cleanText(person.firstName) ?? cleanText(person.initials);
  const familyName = joinWords(cleanText(person.prefix), cleanText(person.lastName));
  const formatted = joinWords(givenName, familyName);
  return { givenName, familyName, formatted, displayName: cleanText(person.displayName) ?? formatted };
}

/** Trimmed, inner whitespace collapsed, NFC (so "é" typed two ways is one value); null when nothing is left. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // Most values are clean already; finding that out allocates nothing, where normalizing and replacing make copies.
  if (isClean(value)) return value === "" ? null : value;
  const cleaned = value.normalize("NFC").replace(/\s+/g, " ").trim();
  return cleaned ? cleaned : null;
}

/** Printable ASCII with single spaces between words: what cleaning would leave as it is (ASCII is its own NFC). */
function isClean(value: string): boolean {
  const last = value.length - 1;
  for (let index = 0; index <= last; index++) {
    const char = value.charCodeAt(index);
    if (char > 32 && char < 127) continue;
    if (char !== 32 || index === 0 || index === last || value.charCodeAt(index - 1) === 32) return false;
  }
  return true;
}

/**
 * Two words with a space between them, either one left out when absent. Joined, not concatenated: a concatenation is
 * a tree of its parts in V8, and these names are kept for every person.
 */
function joinWords(first: string | null, second: string | null): string | null {
  if (first === null) return second;
  return second === null ? first : [first, second].join(" ");
}

/** How the console and problem lists name a person: "1002 Jan de Vries (Acme BV)". */
export function personLabel(person: HrPerson): string {
  const name = personNames(person).displayName;
  return `${person.employeeNumber}${name ? ` ${name}` : ""} (${person.company.name})`;
}
