import { createHash, createHmac, type Hash } from "node:crypto";
import type { HrCompany, HrPerson, IsoDate } from "../../sources/types.js";
import type { ConnectorSettings } from "../../config/types.js";

/**
 * The planner's version. Bump it with any change to what a run plans from the same source records, settings and
 * decisions (a lifecycle rule, a served attribute, a hold rule): digests stored by the older planner then no
 * longer match, and the first run after the upgrade plans in full.
 */
export const PLAN_VERSION = 1;

/** Everything besides the source's records that the plan of a run is made from (run-sync.ts planRun). */
export interface PlanBasis {
  readonly settings: ConnectorSettings;
  /** Today in the connector's time zone: the lifecycle and the admin's expressions are evaluated against it. */
  readonly today: IsoDate;
  /** The kind whose keys the stored people carry (a switch between APIs re-keys them). */
  readonly keyKind: string | null;
  /** The admins' decisions the planner reads: hold verdicts, exclusions, generated logins (sorted lists). */
  readonly decisions: Readonly<Record<string, readonly string[]>>;
}

/**
 * One string for the plan's basis. Settings that do not shape the plan (name, schedule, notifications) are left out,
 * so editing them keeps the shortcut; every other setting, present or added later, is in.
 */
export function planFingerprint(basis: PlanBasis): string {
  const { name: _name, schedule: _schedule, reevaluateAt: _reevaluateAt, notify: _notify, ...shaping } = basis.settings;
  return sha256()
    .update(JSON.stringify([PLAN_VERSION, shaping, basis.today, basis.keyKind, basis.decisions]))
    .digest("base64url");
}

/**
 * The hash of what the source returned for one company: the company and its people's records in source order (the
 * order decides who is first of two claiming one userName, and the order of new SCIM sequence numbers).
 *
 * Birth dates are in it only under the connector's birth-date key (an HMAC under a key derived from it), as the plan
 * keeps them only as keyed hashes: a stored digest must not be a way to test guesses of a date, and a rotated key
 * changes it as it changes every people.birth_date_hash at the next full plan. Without a key the plan keeps no
 * birth date, and the hash leaves them out.
 */
export function companyRecordsHash(company: HrCompany, persons: readonly HrPerson[], key: Buffer | null): string {
  const hash = key ? createHmac("sha256", createHmac("sha256", key).update(KEY_PURPOSE).digest()) : sha256();
  hash.update(JSON.stringify(company));
  // The same bytes as one update per person, in fewer calls: each call into the hash costs more than its JSON.
  for (let from = 0; from < persons.length; from += PERSONS_PER_UPDATE) {
    const lines = persons
      .slice(from, from + PERSONS_PER_UPDATE)
      .map((person) => JSON.stringify(key ? person : { ...person, birthDate: undefined }));
    hash.update(`\n${lines.join("\n")}`);
  }
  return hash.digest("base64url");
}

const PERSONS_PER_UPDATE = 256;

/** What the digest key is derived for: never the birth-date hashes' own key. */
const KEY_PURPOSE = "hr-gateway read digest";

/**
 * The key a source hashes its raw answers under (sources/types.ts RawAnswersHook), derived from the connector's
 * birth-date key for this purpose alone: the answers hold birth dates in clear, so their digest is keyed like the
 * records'. Every gateway has that key (made on first use, connectors/birth-date-key.ts); without one no raw digest is
 * taken and a run is compared by its records only.
 */
export function rawAnswersKey(key: Buffer): Buffer {
  return createHmac("sha256", key).update(RAW_KEY_PURPOSE).digest();
}

const RAW_KEY_PURPOSE = "hr-gateway raw answers digest";

/** A company's digest as stored: its records and the plan's basis together, so either changing misses it. */
export function companyDigest(fingerprint: string, recordsHash: string): string {
  return sha256().update(fingerprint).update("\n").update(recordsHash).digest("base64url");
}

function sha256(): Hash {
  return createHash("sha256");
}
