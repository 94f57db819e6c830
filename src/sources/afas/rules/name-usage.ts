import { composeFamilyName, type FamilyName, type NameForm, namePart } from "../../family-name.js";

/**
 * The family name as Dutch writes it, from AFAS's name-usage code (KnPerson `ViUs`, the AFAS spec §2):
 * 0 own name, 1 partner's + own, 2 partner's, 3 own + partner's.
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

export type { FamilyName };

const FORMS: Readonly<Record<string, NameForm>> = {
  "0": "own",
  "1": "partner-own",
  "2": "partner",
  "3": "own-partner",
};

export function familyName(fields: NameFields): FamilyName {
  // The birth name when Profit records it separately; otherwise the surname fields hold it.
  const own = namePart(fields.voorvoegselGeboortenaam, fields.geboortenaam) ?? {
    prefix: fields.voorvoegsel,
    name: fields.achternaam,
  };
  const partner = namePart(fields.voorvoegselPartner, fields.geboortenaamPartner);
  // An unknown code reads as the own name, rather than failing the person.
  return composeFamilyName(own, partner, FORMS[fields.naamgebruik ?? ""] ?? "own");
}
