import { addDays } from "../nmbrs-sim/dates.js";
import { afasDate, type AfasDataset, type SimRow } from "./dataset.js";

/** Changes an HR admin makes in Profit between (or during) reads. Each one edits the dataset in place. */

/** The Medewerker deleted from Profit: its Employees row and every contract row. */
export function removeMedewerker(dataset: AfasDataset, medewerker: string): void {
  splice(dataset.employees, (row) => row.Medewerker === medewerker);
  splice(dataset.employments, (row) => row.Medewerker === medewerker);
}

/** The open contracts end on `lastDay`. */
export function endContracts(dataset: AfasDataset, medewerker: string, lastDay: string): void {
  for (const row of dataset.employments) {
    if (row.Medewerker === medewerker && row.Einddatum_contract === null) {
      row.Einddatum_contract = afasDate(lastDay);
      if (row.Einddatum_functie === null) row.Einddatum_functie = afasDate(lastDay);
    }
  }
}

/**
 * A move to a sister company: the open contracts end the day before `firstDay`, and a new contract at `employer`
 * starts on it with the same org unit and function, as a Profit admin records a transfer (new contract, same
 * Medewerker).
 */
export function moveToEmployer(
  dataset: AfasDataset,
  medewerker: string,
  employer: { readonly code: string; readonly name: string },
  firstDay: string,
): void {
  const open = dataset.employments.filter((row) => row.Medewerker === medewerker && row.Einddatum_contract === null);
  const last = open.at(-1);
  if (!last) throw new Error(`Medewerker ${medewerker} has no open contract to move`);
  const sequence = Math.max(
    ...dataset.employments
      .filter((row) => row.Medewerker === medewerker)
      .map((row) => Number(row.Volgnummer_contract ?? 0)),
  );
  endContracts(dataset, medewerker, addDays(firstDay, -1));
  dataset.employments.push({
    ...last,
    Werkgever: employer.code,
    Werkgever_naam: employer.name,
    Volgnummer_contract: sequence + 1,
    Begindatum_contract: afasDate(firstDay),
    Einddatum_contract: null,
    Begindatum_functie: afasDate(firstDay),
    Einddatum_functie: null,
  });
}

/** One field of the Medewerker's Employees row. */
export function setEmployeeField(dataset: AfasDataset, medewerker: string, field: string, value: string | null): void {
  const row = dataset.employees.find((candidate) => candidate.Medewerker === medewerker);
  if (!row) throw new Error(`no Medewerker ${medewerker}`);
  row[field] = value;
}

function splice(rows: SimRow[], remove: (row: SimRow) => boolean): void {
  for (let index = rows.length - 1; index >= 0; index--) if (remove(rows[index] as SimRow)) rows.splice(index, 1);
}
