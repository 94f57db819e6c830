import type { GeneratedLogins } from "./generated-login-store.js";
import type { ConnectorSettings } from "../config/types.js";
import type { DesiredResource } from "../directory/resource.js";
import type { GroupBudgetReport } from "../lifecycle/group-budget.js";
import type { PersonState } from "../lifecycle/lifecycle-state.js";
import type { UserResource } from "../lifecycle/user-resource.js";
import type { HrPerson, IsoDate } from "../sources/types.js";
import type { BirthDateHasher } from "./birth-date-hash.js";

/** A `people` row as the sync reads it: everything needed to decide, nothing bulky (no last_person). */
export interface KnownPerson {
  readonly sourceKey: string;
  readonly scimId: string;
  readonly seq: number;
  readonly companyNumber: string;
  readonly employeeNumber: string;
  readonly emailFold: string | null;
  readonly state: PersonState;
  readonly stateReason: string;
  /** ISO instant of the run that set the state. */
  readonly stateSince: string;
  readonly graceSince: IsoDate | null;
  /** Date of the first run that no longer found the person in the source. */
  readonly missingSince: IsoDate | null;
  /** Hash of last_person, to write it only when the source data changed. */
  readonly personHash: string | null;
  /** Keyed hash of the birth date (sync/birth-date-hash.ts): confirms identity when the connector switches APIs. */
  readonly birthDateHash: string | null;
}

export interface KnownGroup {
  readonly scimId: string;
  readonly seq: number;
}

/** A `people` row to insert or update, as the plan decides it. */
export interface PersonWrite extends KnownPerson {
  /**
   * The source record to keep as last_person; null = keep the stored one (the person was not listed). Serialised
   * only when written, so a first run of 100,000 people does not hold 100,000 JSON copies at once; a new person's
   * personHash is null until then (personRow hashes the JSON it makes).
   */
  readonly person: HrPerson | null;
}

/** A `people` row as written (and as a held plan stores it). */
export interface PersonRow extends KnownPerson {
  /** JSON of the source record (without birth date); null = keep the stored one. */
  readonly lastPerson: string | null;
}

/** A person's key in the source changes, their SCIM id does not (a connector switched from SOAP to REST ids). */
export interface Rekey {
  readonly from: string;
  readonly to: string;
}

/** Whose keys a plan's people rows carry: the connector kind read, and the people moved to its keys first. */
export interface PeopleKeys {
  readonly kind: string;
  readonly rekeys: readonly Rekey[];
}

export interface NewGroup extends KnownGroup {
  readonly key: string;
}

/** A lifecycle transition, kept in the history with its reason. */
export interface StateTransition {
  readonly scimId: string;
  readonly from: PersonState | null;
  readonly to: PersonState;
  readonly reason: string;
}

export type ProblemKind =
  | "no_email"
  | "no_name"
  | "conflict"
  | "email_domain"
  | "emptied"
  | "manager"
  | "group_name"
  | "duplicate"
  | "mapping"
  | "login_suggested";

/**
 * Why one person's change waits for an admin: "brake" (a deactivation or removal held by the mass-change brake) or
 * bad data (the person keeps what Okta saw).
 */
export const HOLD_KINDS = ["brake", "email_domain", "emptied", "no_email", "no_name", "conflict", "mapping"] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/** A person held by a run: everyone else's changes apply. */
export interface PersonHold {
  readonly scimId: string;
  readonly sourceKey: string;
  readonly companyNumber: string;
  readonly label: string;
  readonly kind: HoldKind;
  /** What was held (the new address, the emptied attributes); a different value is a new hold. */
  readonly fingerprint: string;
  readonly detail: string;
}

export interface Problem {
  readonly kind: ProblemKind;
  readonly sourceKey: string | null;
  readonly scimId: string | null;
  readonly detail: string;
}

/** A served user the run would deactivate or stop serving: what an admin reviews before approving a held run. */
export interface AffectedPerson {
  readonly scimId: string;
  readonly sourceKey: string;
  readonly companyNumber: string;
  readonly label: string;
  readonly from: PersonState;
  readonly to: PersonState;
  readonly reason: string;
}

export interface RenamedPerson {
  readonly scimId: string;
  readonly companyNumber: string;
  /** Case-folded, as stored. */
  readonly from: string;
  readonly to: string;
}

/** A generated login a run gives a person (docs/mapping.md, "Generated logins"): stored when the run applies. */
export interface GivenLogin {
  readonly scimId: string;
  readonly userName: string;
}

/** A person who keeps their generated login while their name in HR now gives another: listed for an admin. */
export interface SuggestedLogin {
  readonly scimId: string;
  readonly sourceKey: string;
  readonly label: string;
  /** The login kept (what Okta has). */
  readonly userName: string;
  readonly suggested: string;
}

export interface PlanCounts {
  /** People the source listed. */
  readonly listed: number;
  readonly servedBefore: number;
  readonly activeBefore: number;
  readonly served: number;
  readonly active: number;
  readonly inactive: number;
  readonly groups: number;
  readonly problems: number;
  /** Served users whose Okta login is their private e-mail address (identity.user_name_from fell back to it). */
  readonly privateLogins: number;
}

/** Everything a run would change, computed without touching the database. */
export interface DirectoryPlan {
  /**
   * The complete set of users (in list order) then groups to serve. Users are built while they are consumed, so
   * that 100,000 resources never exist as objects at the same time.
   */
  readonly desired: () => Iterable<DesiredResource>;
  /** The `people` rows that change, made while they are consumed (like `desired`); each call starts over. */
  readonly people: () => Iterable<PersonWrite>;
  /**
   * The apply's one pass, once: the resources of {@link desired}, made while they are consumed, and each person's row
   * (as {@link people} makes them) given to `people` right after their user was consumed, then those of people not
   * served. Each person's source record is let go once both are written: the people read are most of a first run's
   * live heap, and they would otherwise stay alive through the whole commit. After it `desired` and `people` cannot
   * be called; `transitions` and everything listed can.
   */
  readonly handOver: (people: { write(person: PersonWrite): void }) => Iterable<DesiredResource>;
  readonly newGroups: readonly NewGroup[];
  /** Last seq handed out, per sequence name. */
  readonly sequences: { readonly user: number; readonly group: number };
  /** Lifecycle transitions, made while they are consumed (like `people`); each call starts over. */
  readonly transitions: () => Iterable<StateTransition>;
  readonly problems: readonly Problem[];
  /** People held by this plan (bad data, or frozen by the brake), approved ones included while they apply. */
  readonly holds: readonly PersonHold[];
  readonly affected: readonly AffectedPerson[];
  /** Served users whose userName the run would change (Okta renames the account): the brake counts them too. */
  readonly renamed: readonly RenamedPerson[];
  /** Generated logins this run gives, and the new ones names now suggest for people who keep theirs. */
  readonly logins: { readonly given: readonly GivenLogin[]; readonly suggested: readonly SuggestedLogin[] };
  readonly counts: PlanCounts;
  /** The groups' and /Groups pages' sizes against the connector's budget, known before anything is written. */
  readonly groupBudget: GroupBudgetReport;
}

/** What planDirectory (directory-plan.ts) decides from: the source's people, the last run's decisions, today. */
export interface PlanInput {
  readonly settings: ConnectorSettings;
  /** The run's instant (state_since of changed states). */
  readonly now: Date;
  /** Today in the connector's time zone. */
  readonly today: IsoDate;
  /** Everyone the source listed, all companies. */
  readonly persons: Iterable<HrPerson>;
  readonly known: ReadonlyMap<string, KnownPerson>;
  readonly knownGroups: ReadonlyMap<string, KnownGroup>;
  /** Last seq handed out, per sequence name. */
  readonly sequences: { readonly user: number; readonly group: number };
  /** The user served now (without meta), for people whose resource is kept as Okta saw it. */
  readonly servedUser: (scimId: string) => UserResource | undefined;
  readonly newId: () => string;
  /** Keyed hash of a birth date for people.birth_date_hash; none (null hashes) when not given. */
  readonly birthDateHash?: BirthDateHasher;
  /** Holds an admin approved, as {@link holdKey}s: the change they stopped goes through. */
  readonly approved?: ReadonlySet<string>;
  /**
   * SCIM ids the brake holds (hold-policy.ts brakeSlice): served exactly as now, their rows untouched, so the
   * deactivation or removal can be approved later. Everyone else's decisions apply.
   */
  readonly frozen?: ReadonlySet<string>;
  /**
   * SCIM ids an admin excluded (sync/exclusions/): served exactly as Okta sees them now, groups included, their rows
   * untouched, whatever HR says, until included again.
   */
  readonly excluded?: ReadonlySet<string>;
  /** The last source record of a person, for the groups of a frozen or excluded person (they keep them). */
  readonly lastPerson?: (sourceKey: string) => HrPerson | undefined;
  /** Logins generated before (generated-login-store.ts): kept by their person, never given to another. */
  readonly generatedLogins?: GeneratedLogins;
}
