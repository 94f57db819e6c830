import { createHmac } from "node:crypto";
import type { IsoDate } from "../sources/types.js";

/** Keyed hash of a birth date, or null without one. Same key and date, same hash; the date cannot be read back. */
export type BirthDateHasher = (birthDate: IsoDate | null) => string | null;

/**
 * HMAC-SHA-256 under the connector's own key (connectors/birth-date-key.ts), cut to 128 bits: enough to tell two
 * people apart, and kept in `people.birth_date_hash` only to confirm a person is the same one when the connector
 * switches between Nmbrs APIs (the birth date itself is never stored).
 */
export function birthDateHasher(key: Buffer): BirthDateHasher {
  return (birthDate) =>
    birthDate ? createHmac("sha256", key).update(birthDate).digest("base64url").slice(0, 22) : null;
}

export const NO_BIRTH_DATE_HASH: BirthDateHasher = () => null;
