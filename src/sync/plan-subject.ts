import type { UserNameChoice } from "../lifecycle/identity.js";
import type { Lifecycle, PersonState } from "../lifecycle/lifecycle-state.js";
import { personLabel } from "../lifecycle/person-names.js";
import type { ManagerLink, UserResource } from "../lifecycle/user-resource.js";
import type { MappedPerson } from "../mapping/connector-mapping.js";
import type { HrPerson } from "../sources/types.js";
import type { KnownPerson, PersonHold, Problem, ProblemKind } from "./plan-types.js";

/** One person during planning: what the source and the last run say, and what this run decides. */
export interface Subject {
  readonly sourceKey: string;
  /** Null when the source no longer lists the person. */
  readonly person: HrPerson | null;
  readonly known: KnownPerson | undefined;
  readonly scimId: string;
  readonly seq: number;
  readonly life: Lifecycle;
  /** The userName; a generated one is set after every subject is read (generated-login-plan.ts). */
  choice: UserNameChoice | null;
  /** storedPersonHash of today's record; null when not listed, and for a new person (personRow hashes it). */
  readonly personHash: string | null;
  /** "fresh": served from today's source data; "kept": served exactly as Okta saw it last; "none": not served. */
  serving: "fresh" | "kept" | "none";
  kept: UserResource | null;
  state: PersonState;
  reason: string;
  manager: ManagerLink | null;
  /**
   * Held: "brake" and "excluded" (an admin's exclusion) leave the person and their row exactly as they were; "data"
   * keeps what Okta saw.
   */
  held: "brake" | "excluded" | "data" | null;
  /** The last source record of a frozen person who is no longer listed: their groups stay as they were. */
  groupSource: HrPerson | null;
  /** What the admin's expressions gave for a person served fresh (mapping/connector-mapping.ts). */
  mapped: MappedPerson | null;
  /** Why the scope or the login format could not decide about this person: they are held (kind mapping). */
  mappingError: string | null;
}

/** What decideServing reports besides its decisions. */
export interface Findings {
  readonly problems: Problem[];
  readonly holds: PersonHold[];
}

export function report(problems: Problem[], subject: Subject, kind: ProblemKind, detail: string): void {
  problems.push({
    kind,
    sourceKey: subject.sourceKey,
    scimId: subject.scimId,
    detail: `${labelOf(subject)}: ${detail}`,
  });
}

export function labelOf(subject: Subject): string {
  if (subject.person) return personLabel(subject.person);
  const known = subject.known!;
  return `${known.employeeNumber} (company ${known.companyNumber}, no longer listed)`;
}
