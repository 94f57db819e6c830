import { createHash } from "node:crypto";
import type { HrPerson } from "../sources/types.js";

/** The source record as kept in people.last_person (the console's "source fields"); never the birth date in clear. */
export function storedPersonJson(person: HrPerson): string {
  return JSON.stringify({ ...person, birthDate: undefined });
}

/** Short hash of a stored record, compared run to run so an unchanged person's row is not rewritten. */
export function storedPersonHash(json: string): string {
  return createHash("sha1").update(json).digest("base64url");
}
