import { foldCase } from "../../directory/fold-case.js";
import { isServed } from "../../lifecycle/lifecycle-state.js";
import type { HrPerson } from "../../sources/types.js";
import type { BirthDateHasher } from "../birth-date-hash.js";
import type { KnownPerson, Rekey } from "../plan-types.js";

/**
 * Who is who after a connector switched APIs (Nmbrs SOAP ↔ REST). Source keys differ between the APIs (integers vs
 * GUIDs), so people are matched on what both APIs agree on: the same company and employee number, confirmed by the
 * same birth date (its keyed hash) or the same e-mail address; failing that, the same e-mail address alone when it
 * is unique on both sides within the company. A match keeps the person's SCIM id, so Okta sees the same user.
 * Pure: (people known under the old keys, people read under the new ones) → matches.
 */

export type MatchedBy = "birth date" | "e-mail" | "e-mail only";

export interface MatchedPerson extends Rekey {
  readonly scimId: string;
  readonly by: MatchedBy;
}

export interface ApiSwitchMatch {
  readonly matched: readonly MatchedPerson[];
  /** Known people no one read now matches. Served ones would be deactivated by the switch. */
  readonly unmatchedKnown: readonly KnownPerson[];
  /** People read now who match no one known. Served ones would reach Okta as new users. */
  readonly unmatchedNew: readonly HrPerson[];
  /** Known people without a birth-date hash (synced before hashes were kept): they can match by e-mail only. */
  readonly withoutBirthDateHash: number;
}

export interface MatchRules {
  readonly birthDateHash: BirthDateHasher;
  /** The userName the person would get (known.emailFold holds the folded userName, domain rewrites applied). */
  readonly userName: (person: HrPerson) => string | null;
}

export function matchPeople(
  known: ReadonlyMap<string, KnownPerson>,
  persons: readonly HrPerson[],
  rules: MatchRules,
): ApiSwitchMatch {
  const { birthDateHash } = rules;
  const emailsOf = (person: HrPerson): string[] => {
    const userName = rules.userName(person);
    const raw = [person.workEmail, person.privateEmail]
      .filter((email): email is string => !!email && email.trim() !== "")
      .map((email) => foldCase(email.trim()));
    return userName ? [foldCase(userName), ...raw.filter((email) => email !== foldCase(userName))] : raw;
  };
  // Someone listed under a key the gateway already knows needs no matching (a second switch, back and forth).
  const read = new Set(persons.map((person) => person.sourceKey));
  const open = new Map([...known].filter(([key]) => !read.has(key)));
  const waiting = persons.filter((person) => !known.has(person.sourceKey));
  const matched: MatchedPerson[] = [];
  const take = (person: HrPerson, candidate: KnownPerson, by: MatchedBy): void => {
    matched.push({ from: candidate.sourceKey, to: person.sourceKey, scimId: candidate.scimId, by });
    open.delete(candidate.sourceKey);
  };

  const byNumber = new Map<string, KnownPerson[]>();
  for (const candidate of open.values())
    push(byNumber, numberKey(candidate.companyNumber, candidate.employeeNumber), candidate);
  const left: HrPerson[] = [];
  for (const person of waiting) {
    const candidates = (byNumber.get(numberKey(person.company.number, person.employeeNumber)) ?? []).filter(
      (candidate) => open.has(candidate.sourceKey),
    );
    const hash = birthDateHash(person.birthDate);
    const byBirth = hash ? candidates.find((candidate) => candidate.birthDateHash === hash) : undefined;
    const byMail = byBirth
      ? undefined
      : candidates.find((candidate) => candidate.emailFold !== null && emailsOf(person).includes(candidate.emailFold));
    if (byBirth) take(person, byBirth, "birth date");
    else if (byMail) take(person, byMail, "e-mail");
    else left.push(person);
  }

  const unmatchedNew = matchByUniqueEmail(left, open, take, emailsOf);
  return {
    matched,
    unmatchedKnown: [...open.values()],
    unmatchedNew,
    withoutBirthDateHash: [...known.values()].filter(
      (person) => isServed(person.state) && person.birthDateHash === null,
    ).length,
  };
}

/** The last resort: one known person and one person read, in one company, with the same e-mail and no one else. */
function matchByUniqueEmail(
  left: readonly HrPerson[],
  open: ReadonlyMap<string, KnownPerson>,
  take: (person: HrPerson, candidate: KnownPerson, by: MatchedBy) => void,
  emailsOf: (person: HrPerson) => string[],
): HrPerson[] {
  const knownByMail = new Map<string, KnownPerson[]>();
  for (const candidate of open.values())
    if (candidate.emailFold) push(knownByMail, `${candidate.companyNumber}\u0000${candidate.emailFold}`, candidate);
  const readByMail = new Map<string, HrPerson[]>();
  for (const person of left)
    for (const email of emailsOf(person)) push(readByMail, `${person.company.number}\u0000${email}`, person);
  const unmatched: HrPerson[] = [];
  for (const person of left) {
    const key = emailsOf(person)
      .map((email) => `${person.company.number}\u0000${email}`)
      .find(
        (candidateKey) => knownByMail.get(candidateKey)?.length === 1 && readByMail.get(candidateKey)?.length === 1,
      );
    const candidate = key ? knownByMail.get(key)![0]! : undefined;
    if (candidate && open.has(candidate.sourceKey)) take(person, candidate, "e-mail only");
    else unmatched.push(person);
  }
  return unmatched;
}

/** The known people re-keyed by `match`, as the plan should see them: the same people under the keys read now. */
export function rekeyedKnown(known: ReadonlyMap<string, KnownPerson>, match: ApiSwitchMatch): Map<string, KnownPerson> {
  const moved = new Map(match.matched.map((entry) => [entry.from, entry.to]));
  const result = new Map<string, KnownPerson>();
  for (const [key, person] of known) {
    const to = moved.get(key);
    result.set(to ?? key, to ? { ...person, sourceKey: to } : person);
  }
  return result;
}

function numberKey(companyNumber: string, employeeNumber: string): string {
  return `${companyNumber.trim()}\u0000${employeeNumber.trim()}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
