/**
 * The three GetConnectors as an AFAS admin would define them for HR Gateway (the AFAS spec §2): field ids and
 * the data types metainfo reports. Dates are reported as "date", which AFAS does not document (only string and int
 * are), so the gateway's "undocumented type is logged, not fatal" rule is exercised on every read.
 */
export type SimField = { readonly id: string; readonly dataType: "string" | "int" | "date" };

const strings = (...ids: string[]): SimField[] => ids.map((id) => ({ id, dataType: "string" }));
const dates = (...ids: string[]): SimField[] => ids.map((id) => ({ id, dataType: "date" }));

export const SIM_GET_CONNECTORS: Readonly<Record<string, { description: string; fields: readonly SimField[] }>> = {
  HRGateway_Employees: {
    description: "HR Gateway: medewerkers",
    fields: [
      ...strings("Medewerker", "Persoonsnummer", "Roepnaam", "Voornaam", "Voorletters", "Voorvoegsel", "Achternaam"),
      ...strings("Voorvoegsel_geboortenaam", "Geboortenaam", "Voorvoegsel_partner", "Geboortenaam_partner"),
      ...strings("Naamgebruik_code", "Email_werk", "Email_prive", "Mobiel_werk", "Mobiel_prive"),
      ...dates("Geboortedatum"),
    ],
  },
  HRGateway_Employments: {
    description: "HR Gateway: contracten en functieregels",
    fields: [
      ...strings("Medewerker", "Werkgever", "Werkgever_naam"),
      { id: "Volgnummer_contract", dataType: "int" },
      ...dates("Begindatum_contract", "Einddatum_contract"),
      ...strings("Type_medewerker"),
      ...dates("Begindatum_functie", "Einddatum_functie"),
      ...strings("Organisatorische_eenheid", "Functie_code", "Functie_omschrijving"),
      ...strings("Kostenplaats", "Kostenplaats_omschrijving", "Leidinggevende"),
    ],
  },
  HRGateway_OrgUnits: {
    description: "HR Gateway: organisatorische eenheden",
    fields: strings("Organisatorische_eenheid", "OE_naam", "OE_bovenliggend", "OE_leidinggevende"),
  },
};
