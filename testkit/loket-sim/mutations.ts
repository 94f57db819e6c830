import { employmentsOf, type LoketDataset, type SimEmployer, type WireRecord } from "./dataset.js";

/** Changes an HR admin makes in Loket between (or during) reads. Each one edits the dataset in place. */

/** The employee deleted from Loket with its employments and their organizational entities. */
export function removeEmployee(dataset: LoketDataset, employer: SimEmployer, employeeId: string): void {
  for (const employment of employmentsOf(employer, employeeId)) dataset.orgEntities.delete(employment.id);
  splice(employer.employees, (record) => record.id === employeeId);
  splice(employer.employments, (record) => (record.employee as { id: string }).id === employeeId);
}

/** The open employments end on `lastDay`. */
export function endEmployments(employer: SimEmployer, employeeId: string, lastDay: string): void {
  for (const employment of employmentsOf(employer, employeeId))
    if (employment.endDate === null) employment.endDate = lastDay;
}

/** One field of the employee's contact information or personal details. */
export function setEmployeeField(
  employer: SimEmployer,
  employeeId: string,
  section: "personalDetails" | "contactInformation",
  field: string,
  value: unknown,
): void {
  const record = employer.employees.find((candidate) => candidate.id === employeeId);
  if (!record) throw new Error(`no employee ${employeeId}`);
  (record[section] as Record<string, unknown>)[field] = value;
}

function splice(records: WireRecord[], remove: (record: WireRecord) => boolean): void {
  for (let index = records.length - 1; index >= 0; index--)
    if (remove(records[index] as WireRecord)) records.splice(index, 1);
}
