/**
 * An AFAS Profit environment as its GetConnectors return it: rows keyed by field id, exactly what goes over the
 * wire (dates as "YYYY-MM-DDT00:00:00Z", empty values null). Tests and the demo change it between requests with
 * the mutations in mutations.ts.
 */
export type SimRow = Record<string, string | number | null>;

export interface AfasDataset {
  /** The environment number in the base URL's host (informational: the simulator listens on 127.0.0.1). */
  readonly environment: string;
  readonly employees: SimRow[];
  readonly employments: SimRow[];
  readonly orgUnits: SimRow[];
}

/** The rows of one GetConnector. */
export function rowsOf(dataset: AfasDataset, connector: string): SimRow[] | null {
  if (connector === "HRGateway_Employees") return dataset.employees;
  if (connector === "HRGateway_Employments") return dataset.employments;
  if (connector === "HRGateway_OrgUnits") return dataset.orgUnits;
  return null;
}

/** Profit's date format; the "Z" means nothing (OAS-GC). */
export function afasDate(date: string | null): string | null {
  return date === null ? null : `${date}T00:00:00Z`;
}
