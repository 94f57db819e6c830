import { foldForSearch } from "../db/fold-search.js";
import { hrSearchTerms } from "../db/hr-search-terms.js";
import type { HrPerson } from "../sources/types.js";

/** One row of the console's HR list (hr_list): what it shows, sorts by and searches in, for one person. */
export interface HrListEntry {
  readonly scimId: string;
  readonly state: string;
  /** The folded display name: list order (fold-search.ts says why a fold and not a collation). */
  readonly sortName: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly employeeNumber: string;
  readonly companyName: string | null;
  /** Every name form, the e-mail addresses and the employee number, folded (hr-search-terms.ts). */
  readonly terms: string;
}

/** What the list takes from a person's stored record (people.last_person), absent once the record is purged. */
export type ListedRecord = Pick<
  HrPerson,
  "displayName" | "nickname" | "firstName" | "initials" | "prefix" | "lastName" | "workEmail" | "privateEmail"
> & { readonly company?: { readonly name?: string | null } | null };

/**
 * Where a person goes in the HR list (list order is (sortName, scimId)) and what their row is made from. A writer
 * that puts rows in list order holds these while it sorts, and makes each row as it writes it: the row's search
 * terms are most of its size.
 */
export interface ListPlace {
  readonly scimId: string;
  readonly state: string;
  readonly employeeNumber: string;
  readonly displayName: string;
  /** The folded display name: list order (fold-search.ts says why a fold and not a collation). */
  readonly sortName: string;
  readonly record: ListedRecord | null;
}

/** A person's place in the HR list; without a record (purged) the person is listed by employee number. */
export function listPlaceOf(
  person: { readonly scimId: string; readonly state: string; readonly employeeNumber: string },
  record: ListedRecord | null,
): ListPlace {
  const { scimId, state, employeeNumber } = person;
  const displayName = (record && listedName(record)) ?? employeeNumber;
  return { scimId, state, employeeNumber, displayName, sortName: foldForSearch(displayName), record };
}

/**
 * The HR list's row of a person at their place: the one definition of it, used by every writer of hr_list (the sync's
 * apply, the retention purge).
 */
export function hrListEntry(place: ListPlace): HrListEntry {
  const { scimId, state, employeeNumber, displayName, sortName, record } = place;
  const email = record ? (record.workEmail ?? record.privateEmail) : null;
  return {
    scimId,
    state,
    sortName,
    displayName,
    email,
    employeeNumber,
    companyName: record?.company?.name ?? null,
    terms: hrSearchTerms(
      {
        displayName,
        nickname: record?.nickname ?? null,
        firstName: record?.firstName ?? null,
        prefix: record?.prefix ?? null,
        lastName: record?.lastName ?? null,
        emails: [email, record?.privateEmail ?? null],
        employeeNumber,
      },
      sortName || null,
    ),
  };
}

/**
 * The fields of a stored record the list reads, apart: a record parsed back from people.last_person is every field
 * of the person, which a batch held for sorting would otherwise keep whole.
 */
export function listedRecordOf(json: string): ListedRecord {
  const { displayName, nickname, firstName, initials, prefix, lastName, workEmail, privateEmail, company } = JSON.parse(
    json,
  ) as ListedRecord;
  return {
    displayName,
    nickname,
    firstName,
    initials,
    prefix,
    lastName,
    workEmail,
    privateEmail,
    company: company && { name: company.name },
  };
}

/** HR's display name, else roepnaam (or first name, or initials) + prefix + last name; null when all are blank. */
function listedName(record: ListedRecord): string | null {
  const given = nonBlank(record.nickname) ?? nonBlank(record.firstName) ?? record.initials ?? "";
  const family = `${record.prefix == null ? "" : `${record.prefix} `}${record.lastName ?? ""}`;
  return nonBlank(record.displayName) ?? nonBlank(`${given} ${family}`);
}

function nonBlank(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
