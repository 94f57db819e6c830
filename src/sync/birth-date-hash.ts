import { createHmac, createSecretKey } from "node:crypto";
import type { IsoDate } from "../sources/types.js";

/** Keyed hash of a birth date, or null without one. Same key and date, same hash; the date cannot be read back. */
export type BirthDateHasher = (birthDate: IsoDate | null) => string | null;

/**
 * HMAC-SHA-256 under the connector's own key (connectors/birth-date-key.ts), cut to 128 bits: enough to tell two
 * people apart, and kept in `people.birth_date_hash` only to confirm a person is the same one when the connector
 * switches between Nmbrs APIs (the birth date itself is never stored).
 *
 * A hasher serves one run: a workforce has far fewer distinct birth dates than people, so each date is hashed once
 * and everyone born that day shares the one string (docs/decisions.md, "A first sync's memory and CPU").
 */
export function birthDateHasher(key: Buffer): BirthDateHasher {
  const secret = createSecretKey(key);
  const hashes = new Map<IsoDate, string>();
  return (birthDate) => {
    if (!birthDate) return null;
    let hash = hashes.get(birthDate);
    if (hash === undefined) {
      hash = createHmac("sha256", secret).update(birthDate).digest("base64url").slice(0, 22);
      hashes.set(birthDate, hash);
    }
    return hash;
  };
}

export const NO_BIRTH_DATE_HASH: BirthDateHasher = () => null;
