/**
 * The family name as Dutch writes it, from Loket's `howToFormatLastName.key` (specs/loket.md §2, "Name rule"):
 * 1 own name, 2 own + partner's (the one key Loket documents), 3 partner's, 4 partner's + own (3 and 4 UNVERIFIED).
 * The first part's prefix becomes `prefix`, so the served familyName (`prefix + " " + lastName`) reads
 * "de Groot-van der Meer" for key 2. Without a partner name, without the field, or with an unknown key: the own name,
 * rather than failing the person.
 */

export interface NameFields {
  readonly prefix: string | null;
  readonly lastName: string | null;
  readonly prefixPartner: string | null;
  readonly lastNamePartner: string | null;
  /** `howToFormatLastName.key`, or null when absent. */
  readonly formatKey: number | null;
}

export interface FamilyName {
  readonly prefix: string | null;
  readonly lastName: string | null;
}

interface NamePart {
  readonly prefix: string | null;
  readonly name: string | null;
}

export function familyName(fields: NameFields): FamilyName {
  const own: NamePart = { prefix: fields.prefix, name: fields.lastName };
  const partner: NamePart | null = fields.lastNamePartner
    ? { prefix: fields.prefixPartner, name: fields.lastNamePartner }
    : null;
  const key = partner && [2, 3, 4].includes(fields.formatKey ?? 1) ? fields.formatKey : 1;
  if (!partner || key === 1) return { prefix: own.prefix, lastName: own.name };
  if (key === 3) return { prefix: partner.prefix, lastName: partner.name };
  const [first, second] = key === 2 ? [own, partner] : [partner, own];
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
