/**
 * The Dutch family name in one of its four forms, for every source whose HR system keeps the own and the partner's
 * name apart with a name-usage code (AFAS `ViUs`, Youforce `nameAssembleOrder`, Loket `howToFormatLastName`). The
 * first part's prefix becomes `prefix`, so the served familyName (`prefix + " " + lastName`) reads "van Dijk-de Vries"
 * for partner + own.
 */

export interface NamePart {
  readonly prefix: string | null;
  readonly name: string | null;
}

export interface FamilyName {
  readonly prefix: string | null;
  readonly lastName: string | null;
}

export type NameForm = "own" | "partner" | "partner-own" | "own-partner";

/** A name part, or null when its name is empty (no partner name, no separate birth name). */
export function namePart(prefix: string | null, name: string | null): NamePart | null {
  return name ? { prefix, name } : null;
}

/** Without a partner name every form reads as the own name, rather than failing the person. */
export function composeFamilyName(own: NamePart, partner: NamePart | null, form: NameForm): FamilyName {
  if (!partner?.name || form === "own") return { prefix: own.prefix, lastName: own.name };
  if (form === "partner") return { prefix: partner.prefix, lastName: partner.name };
  const [first, second] = form === "partner-own" ? [partner, own] : [own, partner];
  return { prefix: first.prefix, lastName: hyphenate(first.name, joined(second)) };
}

function joined(part: NamePart): string | null {
  if (!part.name) return null;
  return part.prefix ? `${part.prefix} ${part.name}` : part.name;
}

function hyphenate(first: string | null, second: string | null): string | null {
  if (first && second) return `${first}-${second}`;
  return first ?? second;
}
