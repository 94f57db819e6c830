import { SourceError } from "../types.js";
import type { NameFields } from "./rules/name-usage.js";

/**
 * GetConnector rows as the rules read them. Row keys are the GetConnector's field ids; a missing key reads as null
 * (optional fields may be left out of the GetConnector). Text is trimmed and "" counts as null; dates keep their
 * first 10 characters, because Profit's trailing "Z" means nothing (OAS-GC: times are Amsterdam time).
 */

export type Row = Readonly<Record<string, unknown>>;

export interface EmployeeRow extends NameFields {
  readonly medewerker: string;
  readonly roepnaam: string | null;
  readonly voornaam: string | null;
  readonly voorletters: string | null;
  readonly emailWerk: string | null;
  readonly emailPrive: string | null;
  readonly mobielWerk: string | null;
  readonly mobielPrive: string | null;
  readonly geboortedatum: string | null;
}

export interface EmploymentRow {
  readonly medewerker: string;
  readonly werkgever: string;
  readonly werkgeverNaam: string | null;
  readonly volgnummer: number | null;
  readonly contractStart: string | null;
  readonly contractEnd: string | null;
  readonly typeMedewerker: string | null;
  readonly lineStart: string | null;
  readonly lineEnd: string | null;
  readonly orgUnit: string | null;
  readonly functieCode: string | null;
  readonly functieOmschrijving: string | null;
  readonly kostenplaats: string | null;
  readonly kostenplaatsOmschrijving: string | null;
  readonly leidinggevende: string | null;
}

export interface OrgUnitRow {
  readonly code: string;
  readonly name: string | null;
  readonly parent: string | null;
  readonly manager: string | null;
}

/**
 * One copy per distinct value (StringPool.shared): a whole environment's rows repeat the same employer names, org-unit
 * codes, function names, dates and common names thousands of times, and the run holds them all until the last read.
 */
export type Share = (text: string) => string;

/** Where a row came from, for the message of a value that cannot be read. */
export interface RowSite {
  readonly connector: string;
  readonly index: number;
}

export function text(row: Row, field: string): string | null {
  const value = row[field];
  if (value === null || value === undefined) return null;
  // Codes arrive as strings, but an integer field id (or a code table Profit sends as a number) must read the same.
  const trimmed = (typeof value === "string" ? value : String(value)).trim();
  return trimmed === "" ? null : trimmed;
}

function common(row: Row, field: string, share: Share): string | null {
  const value = text(row, field);
  return value === null ? null : share(value);
}

function date(row: Row, field: string, site: RowSite, share: Share): string | null {
  const value = text(row, field);
  if (value === null) return null;
  const day = value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw unreadable(site, field, "is not a date");
  return share(day);
}

function key(row: Row, field: string, site: RowSite): string {
  const value = text(row, field);
  if (value === null) throw unreadable(site, field, "is empty");
  return value;
}

function integer(row: Row, field: string, site: RowSite): number | null {
  const value = row[field];
  if (value === null || value === undefined || value === "") return null;
  const number = Number(value);
  if (!Number.isInteger(number)) throw unreadable(site, field, "is not a whole number");
  return number;
}

function unreadable(site: RowSite, field: string, problem: string): SourceError {
  return new SourceError(`AFAS GetConnector ${site.connector} row ${site.index + 1}: ${field} ${problem}.`, {
    code: "bad_response",
    operation: `GET connectors/${site.connector}`,
  });
}

export function employeeRow(row: Row, site: RowSite, share: Share): EmployeeRow {
  return {
    medewerker: key(row, "Medewerker", site),
    roepnaam: common(row, "Roepnaam", share),
    voornaam: common(row, "Voornaam", share),
    voorletters: common(row, "Voorletters", share),
    voorvoegsel: common(row, "Voorvoegsel", share),
    achternaam: common(row, "Achternaam", share),
    voorvoegselGeboortenaam: common(row, "Voorvoegsel_geboortenaam", share),
    geboortenaam: common(row, "Geboortenaam", share),
    voorvoegselPartner: common(row, "Voorvoegsel_partner", share),
    geboortenaamPartner: common(row, "Geboortenaam_partner", share),
    naamgebruik: common(row, "Naamgebruik_code", share),
    emailWerk: text(row, "Email_werk"),
    emailPrive: text(row, "Email_prive"),
    mobielWerk: text(row, "Mobiel_werk"),
    mobielPrive: text(row, "Mobiel_prive"),
    geboortedatum: date(row, "Geboortedatum", site, share),
  };
}

export function employmentRow(row: Row, site: RowSite, share: Share): EmploymentRow {
  return {
    medewerker: key(row, "Medewerker", site),
    werkgever: share(key(row, "Werkgever", site)),
    werkgeverNaam: common(row, "Werkgever_naam", share),
    volgnummer: integer(row, "Volgnummer_contract", site),
    contractStart: date(row, "Begindatum_contract", site, share),
    contractEnd: date(row, "Einddatum_contract", site, share),
    typeMedewerker: common(row, "Type_medewerker", share),
    lineStart: date(row, "Begindatum_functie", site, share),
    lineEnd: date(row, "Einddatum_functie", site, share),
    orgUnit: common(row, "Organisatorische_eenheid", share),
    functieCode: common(row, "Functie_code", share),
    functieOmschrijving: common(row, "Functie_omschrijving", share),
    kostenplaats: common(row, "Kostenplaats", share),
    kostenplaatsOmschrijving: common(row, "Kostenplaats_omschrijving", share),
    leidinggevende: common(row, "Leidinggevende", share),
  };
}

export function orgUnitRow(row: Row, site: RowSite, share: Share): OrgUnitRow {
  return {
    code: share(key(row, "Organisatorische_eenheid", site)),
    name: common(row, "OE_naam", share),
    parent: common(row, "OE_bovenliggend", share),
    manager: common(row, "OE_leidinggevende", share),
  };
}
