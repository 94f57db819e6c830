/**
 * Name material for generated employees. It is chosen to exercise what breaks real integrations: tussenvoegsels,
 * diacritics, apostrophes (including the typographic ’ of "’t Hart"), an ampersand in a company name, and
 * nicknames (roepnamen) that differ from the official first name.
 */

export interface FirstName {
  readonly official: string;
  /** The roepnaam people use; often not derivable from the official name. */
  readonly nickname: string;
  readonly gender: "male" | "female";
}

export const FIRST_NAMES: readonly FirstName[] = [
  { official: "Johannes", nickname: "Jan", gender: "male" },
  { official: "Pieter", nickname: "Piet", gender: "male" },
  { official: "Cornelis", nickname: "Kees", gender: "male" },
  { official: "Hendrik", nickname: "Henk", gender: "male" },
  { official: "Willem", nickname: "Wim", gender: "male" },
  { official: "Gerardus", nickname: "Gerard", gender: "male" },
  { official: "Jacobus", nickname: "Koos", gender: "male" },
  { official: "Daan", nickname: "Daan", gender: "male" },
  { official: "Sem", nickname: "Sem", gender: "male" },
  { official: "José", nickname: "José", gender: "male" },
  { official: "Björn", nickname: "Björn", gender: "male" },
  { official: "Ömer", nickname: "Ömer", gender: "male" },
  { official: "Maria", nickname: "Mieke", gender: "female" },
  { official: "Johanna", nickname: "Anneke", gender: "female" },
  { official: "Wilhelmina", nickname: "Mien", gender: "female" },
  { official: "Elisabeth", nickname: "Lies", gender: "female" },
  { official: "Zoë", nickname: "Zoë", gender: "female" },
  { official: "Hélène", nickname: "Hélène", gender: "female" },
  { official: "Renée", nickname: "Renée", gender: "female" },
  { official: "Anaïs", nickname: "Anaïs", gender: "female" },
  { official: "Fenna", nickname: "Fenna", gender: "female" },
  { official: "Sanne", nickname: "Sanne", gender: "female" },
];

export interface LastName {
  readonly prefix: string | null;
  readonly name: string;
}

export const LAST_NAMES: readonly LastName[] = [
  { prefix: "de", name: "Vries" },
  { prefix: "van der", name: "Meer" },
  { prefix: "van den", name: "Berg" },
  { prefix: "van", name: "Dijk" },
  { prefix: "ter", name: "Brink" },
  { prefix: "’t", name: "Hart" },
  { prefix: "de", name: "Boer" },
  { prefix: "van der", name: "Linden" },
  { prefix: null, name: "Jansen" },
  { prefix: null, name: "Bakker" },
  { prefix: null, name: "Visser" },
  { prefix: null, name: "Smit" },
  { prefix: null, name: "Mulder" },
  { prefix: null, name: "Ölçer" },
  { prefix: null, name: "D'Souza" },
  { prefix: null, name: "Müller" },
  { prefix: null, name: "Öztürk" },
  { prefix: null, name: "El Amrani" },
];

export const COMPANY_NAMES: readonly string[] = [
  "Bakker & Zonen B.V.",
  "Noordzee Logistiek B.V.",
  "Café ’t Hoekje V.O.F.",
  "Groen Techniek B.V.",
  "Zuid-Holland Zorg B.V.",
  "De Vries Installatie B.V.",
  "Amstel Software B.V.",
  "Brabant Bouw B.V.",
  "Friesland Food B.V.",
  "Utrechtse Uitgeverij B.V.",
];

export const DEPARTMENTS: readonly string[] = [
  "Verkoop",
  "Inkoop",
  "Financiën",
  "HR & Organisatie",
  "ICT",
  "Logistiek",
  "Klantenservice",
  "Productie",
];

export const FUNCTIONS: readonly string[] = [
  "Accountmanager",
  "Medewerker <Finance>",
  "Teamleider",
  "Software-ontwikkelaar",
  "Magazijnmedewerker",
  "Directeur",
  "Stagiair(e)",
  "Chauffeur",
];

export const COST_CENTERS: readonly string[] = ["Algemeen", "Project Noord", "Project Zuid", "Overhead"];

/**
 * Nmbrs' employee types: REST's codes (brynq's schema) with the Dutch descriptions SOAP's EmployeeType_GetList is
 * taken to give (INFERRED, docs/nmbrs-rest-api.md §3). Ids follow the order here.
 */
export const EMPLOYEE_TYPES: readonly { readonly code: string; readonly description: string }[] = [
  { code: "payroll", description: "Loondienst" },
  { code: "newHire", description: "Nieuwe medewerker" },
  { code: "external", description: "Extern" },
  { code: "formerPayroll", description: "Oud-medewerker loondienst" },
  { code: "formerExternal", description: "Oud-medewerker extern" },
  { code: "applicant", description: "Sollicitant" },
  { code: "rejectedApplicant", description: "Afgewezen sollicitant" },
];

/** An e-mail local part: lower case, no diacritics or apostrophes, words joined by dots ("jan.de.vries"). */
export function mailLocalPart(...words: readonly (string | null)[]): string {
  return words
    .filter((word): word is string => !!word)
    .join(" ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
}

/** `bakker-zonen.nl` for "Bakker & Zonen B.V.". */
export function companyDomain(companyName: string): string {
  const words = mailLocalPart(companyName.replace(/\b(B\.V\.|V\.O\.F\.)/g, ""))
    .split(".")
    .filter((word) => word.length > 1);
  return `${words.join("-")}.nl`;
}
