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
 * The HR list's row of a person: the one definition of it, used by every writer of hr_list (the sync's apply, the
 * retention purge). Without a record (purged) the person is listed by employee number.
 */
export function hrListEntry(
  person: { readonly scimId: string; readonly state: string; readonly employeeNumber: string },
  record: ListedRecord | null,
): HrListEntry {
  const { scimId, state, employeeNumber } = person;
  const displayName = (record && listedName(record)) ?? employeeNumber;
  const email = record ? (record.workEmail ?? record.privateEmail) : null;
  const sortName = foldForSearch(displayName);
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
