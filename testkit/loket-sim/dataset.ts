/**
 * A Loket.nl environment as its REST API returns it: every record is the wire object (`id` GUIDs, `employeeNumber`
 * integers, `{key, value}` metadata, dates "YYYY-MM-DD"), so serving a page is slicing an array. Tests and the demo
 * change it between requests with the mutations in mutations.ts.
 */
export type WireRecord = Record<string, unknown> & { id: string };

export interface SimEmployer {
  /** `{id, employerNumber, companyName, chamberOfCommerceNumber}` */
  readonly record: WireRecord;
  readonly employees: WireRecord[];
  readonly employments: WireRecord[];
  readonly departments: WireRecord[];
  readonly functions: WireRecord[];
}

export interface LoketDataset {
  readonly employers: SimEmployer[];
  /** Per employment id, its organizational entity lines. */
  readonly orgEntities: Map<string, WireRecord[]>;
}

export function employerById(dataset: LoketDataset, id: string): SimEmployer | undefined {
  return dataset.employers.find((employer) => employer.record.id === id);
}

/** Every employee of every employer, with the employer it belongs to. */
export function* allEmployees(dataset: LoketDataset): Generator<{ employer: SimEmployer; employee: WireRecord }> {
  for (const employer of dataset.employers) for (const employee of employer.employees) yield { employer, employee };
}

/** The employments of one employee (at its employer). */
export function employmentsOf(employer: SimEmployer, employeeId: string): WireRecord[] {
  return employer.employments.filter((employment) => (employment.employee as { id: string }).id === employeeId);
}
