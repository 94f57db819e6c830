import type { UserNameChoice } from "../lifecycle/identity.js";
import type { Lifecycle, PersonState } from "../lifecycle/lifecycle-state.js";
import { personLabel } from "../lifecycle/person-names.js";
import type { UserResource } from "../lifecycle/user-resource.js";
import type { MappedPerson } from "../mapping/connector-mapping.js";
import type { HrPerson } from "../sources/types.js";
import type { KnownPerson, PersonHold, Problem, ProblemKind } from "./plan-types.js";

/**
 * What only a few subjects need: a state other than their lifecycle's, a resource kept as Okta saw it, a hold. Kept
 * in an object of its own, made at the first of these decisions, so that the 100,000 others do not carry six empty
 * fields from the plan to the end of the apply (BENCHMARKS.md, "What the plan keeps alive").
 */
interface RareDecisions {
  state: PersonState | null;
  reason: string | null;
  kept: UserResource | null;
  held: "brake" | "excluded" | "data" | null;
  groupSource: HrPerson | null;
  mappingError: string | null;
}

/**
 * One person during planning: what the source and the last run say, and what this run decides. A run holds one per
 * person until its apply has written the history, so only what cannot be derived is a field: the source key is the
 * record's (or the known row's), the state and reason are the lifecycle's unless a decision changed them.
 */
export class Subject {
  /**
   * Null when the source no longer lists the person, and once the apply has written their resource and row
   * (DirectoryPlan.handOver): from then on only {@link displayName} and the transitions are read.
   */
  person: HrPerson | null;
  readonly known: KnownPerson | undefined;
  readonly scimId: string;
  readonly seq: number;
  readonly life: Lifecycle;
  /** The userName; a generated one is set after every subject is read (generated-login-plan.ts). */
  userName: string | null;
  /** Where {@link userName} came from (the served e-mail's type). */
  loginFrom: UserNameChoice["from"] | null;
  /** storedPersonHash of today's record; null when not listed, and for a new person (personRow hashes it). */
  readonly personHash: string | null;
  /** "fresh": served from today's source data; "kept": served exactly as Okta saw it last; "none": not served. */
  serving: "fresh" | "kept" | "none" = "none";
  /** The manager's subject; the served reference is made with the resource. */
  manager: Subject | null = null;
  /** What the admin's expressions gave for a person served fresh (mapping/connector-mapping.ts). */
  mapped: MappedPerson | null = null;
  /**
   * The served display name of a person served fresh, kept when the apply lets their source record go: others'
   * manager references and the groups' member entries are made from it after their own resource was written.
   */
  displayName: string | null = null;
  private rare: RareDecisions | null = null;

  constructor(
    person: HrPerson | null,
    known: KnownPerson | undefined,
    ids: { readonly scimId: string; readonly seq: number },
    life: Lifecycle,
    choice: UserNameChoice | null,
    personHash: string | null,
  ) {
    this.person = person;
    this.known = known;
    this.scimId = ids.scimId;
    this.seq = ids.seq;
    this.life = life;
    this.userName = choice?.userName ?? null;
    this.loginFrom = choice?.from ?? null;
    this.personHash = personHash;
  }

  get sourceKey(): string {
    return this.person?.sourceKey ?? this.known!.sourceKey;
  }

  /** The userName and where it came from, as the served resource takes it. */
  choice(): UserNameChoice | null {
    return this.userName === null ? null : { userName: this.userName, from: this.loginFrom! };
  }

  choose(choice: UserNameChoice): void {
    this.userName = choice.userName;
    this.loginFrom = choice.from;
  }

  get state(): PersonState {
    return this.rare?.state ?? this.life.state;
  }

  set state(state: PersonState) {
    this.decisions().state = state;
  }

  get reason(): string {
    return this.rare?.reason ?? this.life.reason;
  }

  set reason(reason: string) {
    this.decisions().reason = reason;
  }

  get kept(): UserResource | null {
    return this.rare?.kept ?? null;
  }

  set kept(kept: UserResource | null) {
    this.decisions().kept = kept;
  }

  /**
   * Held: "brake" and "excluded" (an admin's exclusion) leave the person and their row exactly as they were; "data"
   * keeps what Okta saw.
   */
  get held(): "brake" | "excluded" | "data" | null {
    return this.rare?.held ?? null;
  }

  set held(held: "brake" | "excluded" | "data" | null) {
    this.decisions().held = held;
  }

  /** The last source record of a frozen person who is no longer listed: their groups stay as they were. */
  get groupSource(): HrPerson | null {
    return this.rare?.groupSource ?? null;
  }

  set groupSource(source: HrPerson | null) {
    this.decisions().groupSource = source;
  }

  /** Why the scope or the login format could not decide about this person: they are held (kind mapping). */
  get mappingError(): string | null {
    return this.rare?.mappingError ?? null;
  }

  set mappingError(error: string | null) {
    this.decisions().mappingError = error;
  }

  private decisions(): RareDecisions {
    // One literal with every key, as every per-person object the run keeps (docs/decisions.md "A sync's peak memory").
    this.rare ??= { state: null, reason: null, kept: null, held: null, groupSource: null, mappingError: null };
    return this.rare;
  }
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
