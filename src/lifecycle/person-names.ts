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
  // Most HR text is already clean: taken as it is, it costs a sync no normalised copies of every name.
  if (PLAIN_WORDS.test(value)) return value;
  const cleaned = value.normalize("NFC").replace(/\s+/g, " ").trim();
  return cleaned ? cleaned : null;
}

/** Printable ASCII words, one space apart: NFC, collapsing and trimming would leave such text as it is. */
const PLAIN_WORDS = /^[!-~]+(?: [!-~]+)*$/;

function joinWords(...words: (string | null)[]): string | null {
  const present = words.filter((word): word is string => word !== null);
  return present.length > 0 ? present.join(" ") : null;
}

/** How the console and problem lists name a person: "1002 Jan de Vries (Acme BV)". */
export function personLabel(person: HrPerson): string {
  const name = personNames(person).displayName;
  return `${person.employeeNumber}${name ? ` ${name}` : ""} (${person.company.name})`;
}
