import { composeFamilyName, type FamilyName, type NameForm, namePart } from "../../family-name.js";

/**
 * The family name from Youforce's `nameAssembleOrder` (the Youforce spec §2): digits in HR Core Business, letters in
 * Beaufort, as HelloID maps them (HID-CB, HID-BF). Codes are trimmed and compared in upper case.
 */
const FORMS: Readonly<Record<string, NameForm>> = {
  "0": "partner-own",
  B: "partner-own",
  "1": "own",
  "4": "own",
  E: "own",
  "2": "partner",
  P: "partner",
  "3": "own-partner",
  C: "own-partner",
  D: "own-partner",
};

export interface YouforceNameFields {
  readonly lastNameAtBirth: string | null;
  readonly lastNameAtBirthPrefix: string | null;
  readonly lastName: string | null;
  readonly lastNamePrefix: string | null;
  readonly partnerName: string | null;
  readonly partnerNamePrefix: string | null;
  readonly nameAssembleOrder: string | null;
}

export function youforceFamilyName(fields: YouforceNameFields): FamilyName {
  // The birth name; `lastName` only when it is missing (whether lastName is the assembled name is UNVERIFIED, §5).
  const own = namePart(fields.lastNameAtBirthPrefix, fields.lastNameAtBirth) ?? {
    prefix: fields.lastNamePrefix,
    name: fields.lastName,
  };
  const partner = namePart(fields.partnerNamePrefix, fields.partnerName);
  const code = fields.nameAssembleOrder?.trim().toUpperCase() ?? "";
  return composeFamilyName(own, partner, FORMS[code] ?? "own");
}
