/**
 * The family name as Dutch writes it, from AFAS's name-usage code (KnPerson `ViUs`, specs/afas-profit.md §2):
 * 0 own name, 1 partner's + own, 2 partner's, 3 own + partner's. The first part's prefix becomes `prefix`, so the
 * served familyName (`prefix + " " + lastName`) reads "van Dijk-de Vries" for code 1.
 */

export interface NameFields {
  readonly voorvoegsel: string | null;
  readonly achternaam: string | null;
  readonly voorvoegselGeboortenaam: string | null;
  readonly geboortenaam: string | null;
  readonly voorvoegselPartner: string | null;
  readonly geboortenaamPartner: string | null;
  readonly naamgebruik: string | null;
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
  // The birth name when Profit records it separately; otherwise the surname fields hold it.
  const own: NamePart = fields.geboortenaam
    ? { prefix: fields.voorvoegselGeboortenaam, name: fields.geboortenaam }
    : { prefix: fields.voorvoegsel, name: fields.achternaam };
  const partner: NamePart | null = fields.geboortenaamPartner
    ? { prefix: fields.voorvoegselPartner, name: fields.geboortenaamPartner }
    : null;
  // Without a partner name every code reads as the own name; an unknown code too, rather than failing the person.
  const code = partner && ["1", "2", "3"].includes(fields.naamgebruik ?? "") ? fields.naamgebruik : "0";
  if (!partner || code === "0") return { prefix: own.prefix, lastName: own.name };
  if (code === "2") return { prefix: partner.prefix, lastName: partner.name };
  const [first, second] = code === "1" ? [partner, own] : [own, partner];
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
