import { composeFamilyName, type FamilyName, type NameForm, namePart } from "../../family-name.js";

/**
 * The family name as Dutch writes it, from Loket's `howToFormatLastName.key` (the Loket spec §2, "Name rule"):
 * 1 own name, 2 own + partner's (the one key Loket documents), 3 partner's, 4 partner's + own (3 and 4 UNVERIFIED).
 * The forms themselves are the ones every source shares (sources/family-name.ts), so "de Groot-van der Meer" for key 2.
 * Without a partner name, without the field, or with an unknown key: the own name, rather than failing the person.
 */

export interface NameFields {
  readonly prefix: string | null;
  readonly lastName: string | null;
  readonly prefixPartner: string | null;
  readonly lastNamePartner: string | null;
  /** `howToFormatLastName.key`, or null when absent. */
  readonly formatKey: number | null;
}

const FORM_OF_KEY: ReadonlyMap<number, NameForm> = new Map([
  [1, "own"],
  [2, "own-partner"],
  [3, "partner"],
  [4, "partner-own"],
]);

export function familyName(fields: NameFields): FamilyName {
  const form = FORM_OF_KEY.get(fields.formatKey ?? 1) ?? "own";
  const partner = namePart(fields.prefixPartner, fields.lastNamePartner);
  return composeFamilyName({ prefix: fields.prefix, name: fields.lastName }, partner, form);
}
