import { addDays } from "../nmbrs-sim/dates.js";
import { OPEN, type SimRecord, type YouforceDataset } from "./dataset.js";

/** Changes an HR admin makes in Youforce between (or during) reads; each edits the dataset in place. */

/** Marks a record changed now: it moves behind every bookmark handed out before. */
export function touch(dataset: YouforceDataset, record: SimRecord): void {
  dataset.changed.set(record, ++dataset.sequence);
}

/** A new version of the person from `from` on with `changes` applied; the current version ends the day before. */
export function newPersonVersion(
  dataset: YouforceDataset,
  personCode: string,
  from: string,
  changes: Record<string, unknown>,
): SimRecord {
  const current = dataset.records.persons.find(
    (record) => record.personCode === personCode && (record.validUntil ?? OPEN) === OPEN,
  );
  if (!current) throw new Error(`no open version of person ${personCode}`);
  current.validUntil = addDays(from, -1);
  touch(dataset, current);
  const next: SimRecord = { ...current, ...changes, validFrom: from, validUntil: OPEN };
  dataset.records.persons.push(next);
  touch(dataset, next);
  return next;
}

/** A field of the person's open version changed in place (same id and validFrom): the record moves behind bookmarks. */
export function changePerson(dataset: YouforceDataset, personCode: string, changes: Record<string, unknown>): void {
  const current = dataset.records.persons.find(
    (record) => record.personCode === personCode && (record.validUntil ?? OPEN) === OPEN,
  );
  if (!current) throw new Error(`no open version of person ${personCode}`);
  Object.assign(current, changes);
  touch(dataset, current);
}

/**
 * A move to another company: the person's open employments end the day before `firstDay`, and a new employment at
 * `company` starts on it with the same unit and job profile.
 */
export function moveToCompany(dataset: YouforceDataset, personCode: string, company: string, firstDay: string): void {
  const open = dataset.records.employments.filter(
    (record) => record.personCode === personCode && openEnded(record.dischargeDate),
  );
  const last = open.at(-1);
  if (!last) throw new Error(`person ${personCode} has no open employment`);
  for (const employment of open) {
    employment.dischargeDate = addDays(firstDay, -1);
    touch(dataset, employment);
  }
  const moved: SimRecord = {
    ...last,
    id: `${last.id}-M`,
    employmentCode: String(open.length + 1),
    company,
    hireDate: firstDay,
    validFrom: firstDay,
    validUntil: OPEN,
  };
  delete moved.dischargeDate;
  dataset.records.employments.push(moved);
  touch(dataset, moved);
}

function openEnded(date: unknown): boolean {
  return date === undefined || (typeof date === "string" && date >= "9999-01-01");
}
