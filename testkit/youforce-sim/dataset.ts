/**
 * A Youforce tenant as the IAM API returns it: JSON records exactly as they go over the wire (dated versions with
 * `validFrom`/`validUntil`, properties without a value left out). `changed` orders records as the API's bookmark
 * does (change time, validFrom, id): a mutation bumps it, so a changed record moves behind a read in progress.
 */
export type SimRecord = Record<string, unknown> & { id: string; validFrom: string };

export const ENDPOINTS = [
  "companies",
  "organizationUnits",
  "jobProfiles",
  "persons",
  "employments",
  "valueList/costCenter",
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export interface YouforceDataset {
  readonly tenantId: string;
  readonly records: Record<Endpoint, SimRecord[]>;
  /** Per record (by object), its change sequence; records never changed are 0. */
  readonly changed: WeakMap<SimRecord, number>;
  /** The last change sequence handed out. */
  sequence: number;
}

/** Youforce's open end (HID-BF maps it to no end date). */
export const OPEN = "9999-12-31";

/** The endpoint a path names, compared case-insensitively (HID calls both organizationunits and organizationUnits). */
export function endpointOf(path: string): Endpoint | null {
  const lower = path.toLowerCase();
  return ENDPOINTS.find((endpoint) => endpoint.toLowerCase() === lower) ?? null;
}
