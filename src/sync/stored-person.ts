import { hash } from "node:crypto";
import type { HrPerson } from "../sources/types.js";

/** The source record as kept in people.last_person (the console's "source fields"); never the birth date in clear. */
export function storedPersonJson(person: HrPerson): string {
  return JSON.stringify({ ...person, birthDate: undefined });
}

/**
 * Short hash of a stored record, compared run to run so an unchanged person's row is not rewritten. One-shot: a Hash
 * object per person holds native memory until the collector finalises it.
 */
export function storedPersonHash(json: string): string {
  return hash("sha1", json, "base64url");
}
