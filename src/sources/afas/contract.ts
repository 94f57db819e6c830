/**
 * The GetConnector contract HR Gateway reads (the AFAS spec §2): connector ids, the fields each must have and
 * the sort each is read in. The ids are pinned: admins create GetConnectors with exactly these names, and tests
 * outside this repository rely on them.
 */

export const EMPLOYEES = "HRGateway_Employees";
export const EMPLOYMENTS = "HRGateway_Employments";
export const ORG_UNITS = "HRGateway_OrgUnits";

export const GET_CONNECTORS = [EMPLOYEES, EMPLOYMENTS, ORG_UNITS] as const;
export type GetConnectorId = (typeof GET_CONNECTORS)[number];

/** Sort fields per connector: unique per row, so skip/take pages are stable (OAS-GC: without a sort rows go missing). */
export const SORT_FIELDS: Readonly<Record<GetConnectorId, readonly string[]>> = {
  [EMPLOYEES]: ["Medewerker"],
  [EMPLOYMENTS]: ["Medewerker", "Werkgever", "Begindatum_contract", "Begindatum_functie"],
  [ORG_UNITS]: ["Organisatorische_eenheid"],
};

/** Fields every connector must have (R in the spec); they may hold null. */
const REQUIRED: Readonly<Record<GetConnectorId, readonly string[]>> = {
  [EMPLOYEES]: [
    "Medewerker",
    "Roepnaam",
    "Voornaam",
    "Voorvoegsel",
    "Achternaam",
    "Voorvoegsel_partner",
    "Geboortenaam_partner",
    "Naamgebruik_code",
    "Email_werk",
  ],
  [EMPLOYMENTS]: [
    "Medewerker",
    "Werkgever",
    "Werkgever_naam",
    "Begindatum_contract",
    "Einddatum_contract",
    "Begindatum_functie",
    "Einddatum_functie",
    "Organisatorische_eenheid",
    "Functie_omschrijving",
  ],
  [ORG_UNITS]: ["Organisatorische_eenheid", "OE_naam", "OE_bovenliggend"],
};

/** What the connector's settings ask for, which decides the conditional (C) fields. */
export interface FieldNeeds {
  /** identity.user_name_from has "private". */
  readonly privateEmail: boolean;
  /** managers = true. */
  readonly managers: boolean;
  /** groups.kinds has "cost_center". */
  readonly costCenters: boolean;
}

export interface RequiredField {
  readonly connector: GetConnectorId;
  readonly field: string;
  /** Why a conditional field is needed, in the config's words; null for an always-required field. */
  readonly because: string | null;
}

/** Every field the three connectors must have for these settings, in the contract's order. */
export function requiredFields(needs: FieldNeeds): RequiredField[] {
  const fields: RequiredField[] = [];
  for (const connector of GET_CONNECTORS) {
    for (const field of REQUIRED[connector]) fields.push({ connector, field, because: null });
  }
  if (needs.privateEmail)
    fields.push({ connector: EMPLOYEES, field: "Email_prive", because: 'user_name_from has "private"' });
  if (needs.costCenters) {
    for (const field of ["Kostenplaats", "Kostenplaats_omschrijving"])
      fields.push({ connector: EMPLOYMENTS, field, because: 'groups.kinds has "cost_center"' });
  }
  if (needs.managers) fields.push({ connector: ORG_UNITS, field: "OE_leidinggevende", because: "managers = true" });
  return fields;
}
