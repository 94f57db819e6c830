import { loginSuggestedDetail } from "./approve-login.js";
import type { ConnectorSettings } from "../config/types.js";
import type { DesiredResource } from "../directory/resource.js";
import { checkGroupBudget, groupBytes, memberEntryBytes, type GroupSize } from "../lifecycle/group-budget.js";
import { groupMemberships, groupResource, type GroupMember, type GroupMembership } from "../lifecycle/groups.js";
import { chooseUserName, findUserNameConflicts } from "../lifecycle/identity.js";
import { isServed, lifecycleOf, type Lifecycle } from "../lifecycle/lifecycle-state.js";
import { ManagerIndex } from "../lifecycle/managers.js";
import { personLabel } from "../lifecycle/person-names.js";
import {
  servedDisplayName,
  signsInWithPrivateAddress,
  userResource,
  type UserResource,
} from "../lifecycle/user-resource.js";
import { BUILT_IN_MAPPING, type CompiledMapping, compileMapping } from "../mapping/connector-mapping.js";
import { mappingInput } from "../mapping/mapping-input.js";
import type { HrPerson } from "../sources/types.js";
import { desiredResource } from "./desired-resource.js";
import { assignGeneratedLogins, loginsOf } from "./generated-login-plan.js";
import { exclude } from "./exclusions/exclusion-rule.js";
import { dataHold, freeze, holdData, mappingHold } from "./holds/person-hold-rules.js";
import { labelOf, report, Subject, type Findings } from "./plan-subject.js";
import { LifecyclePool } from "./shared-lifecycles.js";
import { storedPersonHash, storedPersonJson } from "./stored-person.js";
import { affectedOf, personRowMaker, personWrites, renamesOf, transitionsOf } from "./plan-records.js";
import type { DirectoryPlan, KnownPerson, NewGroup, PersonHold, PlanInput, Problem } from "./plan-types.js";

/**
 * The pure heart of a sync: from the source's people, the last run's decisions and today's date, everything the run
 * would serve and record. Each rule lives in lifecycle/; this function only puts them in order:
 * lifecycle per person → identity (userName, conflicts) → managers → user resources → groups → rows to write.
 */
export function planDirectory(input: PlanInput): DirectoryPlan {
  const sequences = { ...input.sequences };
  const problems: Problem[] = [];
  const holds: PersonHold[] = [];
  // Compiled once per run; config load and the console refused expressions that do not compile.
  const mapping = compileMapping(input.settings.mapping ?? BUILT_IN_MAPPING);
  const subjects = readSubjects(input, mapping, sequences, problems);
  const logins = assignGeneratedLogins(subjects, input);
  decideServing(subjects, input, mapping, { problems, holds });
  if (input.settings.managers) linkManagers(subjects, problems);

  const served = subjects.filter((subject) => subject.serving !== "none").sort((a, b) => a.seq - b.seq);
  const { groups, newGroups } = planGroups(served, input, mapping, sequences, problems);
  const loginPlan = loginsOf(logins);
  // Listed for the admin like a problem (console, run summary): the person keeps the login Okta has.
  for (const login of loginPlan.suggested)
    problems.push({
      kind: "login_suggested",
      sourceKey: login.sourceKey,
      scimId: login.scimId,
      detail: loginSuggestedDetail(login.label, login.userName, login.suggested),
    });
  const active = served.filter((subject) => subject.state === "active").length;
  let servedBefore = 0;
  let activeBefore = 0;
  for (const person of input.known.values()) {
    if (isServed(person.state)) servedBefore++;
    if (person.state === "active") activeBefore++;
  }
  // The plan's functions run during the apply: they keep what they read, not the input (the people read, the known
  // rows' map), which the subjects hold as far as they are still needed.
  const { settings } = input;
  const writing = { now: input.now, today: input.today, birthDateHash: input.birthDateHash };
  let handedOver = false;
  const notHandedOver = () => {
    if (handedOver) throw new Error("the plan's people were handed to the apply: desired() and people() are gone");
  };
  return {
    desired: function* () {
      notHandedOver();
      for (const subject of served)
        yield desiredResource("User", subject.seq, servedResource(subject, settings, mapping));
      for (const group of groups) yield group.resource();
    },
    people: () => {
      notHandedOver();
      return personWrites(subjects, writing);
    },
    handOver: function* (people) {
      notHandedOver();
      handedOver = true;
      const rowOf = personRowMaker(writing);
      const letGo = (subject: Subject) => {
        const row = rowOf(subject);
        if (row) people.write(row);
        // A manager's reference and the groups' member entries are made after this person's resource.
        if (subject.serving === "fresh") subject.displayName = displayNameOf(subject);
        subject.person = null;
      };
      for (const subject of served) {
        yield desiredResource("User", subject.seq, servedResource(subject, settings, mapping));
        letGo(subject);
      }
      for (const subject of subjects) if (subject.serving === "none") letGo(subject);
      for (const group of groups) yield group.resource();
    },
    newGroups,
    sequences,
    transitions: () => transitionsOf(subjects),
    problems,
    holds,
    affected: affectedOf(subjects),
    renamed: renamesOf(subjects),
    groupBudget: checkGroupBudget(
      groups.map((group) => group.size),
      input.settings.groups.budget,
    ),
    logins: loginPlan,
    counts: {
      listed: subjects.filter((subject) => subject.person !== null).length,
      servedBefore,
      activeBefore,
      served: served.length,
      active,
      inactive: served.length - active,
      groups: groups.length,
      problems: problems.length,
      privateLogins: served.filter(signsInPrivately).length,
    },
  };
}

function signsInPrivately(subject: Subject): boolean {
  return subject.serving === "kept" ? signsInWithPrivateAddress(subject.kept!) : subject.loginFrom === "private";
}

/** The known copy of an equal string: a run holds 100,000 subjects and their known rows until it commits. */
function knownOr(known: string | null | undefined, computed: string): string {
  return computed === known ? known : computed;
}

function readSubjects(
  input: PlanInput,
  mapping: CompiledMapping,
  sequences: { user: number },
  problems: Problem[],
): Subject[] {
  const { settings, today } = input;
  const rules = {
    daysBefore: settings.daysBefore,
    daysAfter: settings.daysAfter,
    retentionDays: settings.retentionDays,
  };
  const subjects: Subject[] = [];
  const listed = new Set<string>();
  const lifecycles = new LifecyclePool();
  const subject = (person: HrPerson | null, known: KnownPerson | undefined, computed: Lifecycle): Subject =>
    new Subject(
      person,
      known,
      known ?? { scimId: input.newId(), seq: ++sequences.user },
      lifecycles.shared(computed),
      person && chooseUserName(person, settings.identity),
      // Only a known person's hash is compared; a new person's record is hashed where the apply serialises it anyway.
      person && known ? knownOr(known.personHash, storedPersonHash(storedPersonJson(person))) : null,
    );
  const seen = new Set<string>();
  for (const person of input.persons) {
    if (seen.has(person.sourceKey)) {
      const detail = `${personLabel(person)}: listed twice by the source (key ${person.sourceKey}); the first record is used`;
      problems.push({
        kind: "duplicate",
        sourceKey: person.sourceKey,
        scimId: input.known.get(person.sourceKey)?.scimId ?? null,
        detail,
      });
      continue;
    }
    seen.add(person.sourceKey);
    const known = input.known.get(person.sourceKey);
    const life = lifecycleOf({ periods: person.periods, today, rules, previous: known ?? null, missingSince: null });
    // Out of scope is as if HR did not list the person: someone served before leaves through the leaver path below.
    const scope = mapping.hasScope ? mapping.includes(mappingInput(person, life.period, today)) : { value: true };
    if ("value" in scope && !scope.value) continue;
    listed.add(person.sourceKey);
    const listedSubject = subject(person, known, life);
    if ("error" in scope) listedSubject.mappingError = `scope.include: ${scope.error}`;
    subjects.push(listedSubject);
  }
  for (const known of input.known.values()) {
    // Someone no longer listed and no longer served has nothing left to decide.
    if (listed.has(known.sourceKey) || (known.missingSince !== null && !isServed(known.state))) continue;
    const life = lifecycleOf({ periods: [], today, rules, previous: known, missingSince: known.missingSince ?? today });
    subjects.push(subject(null, known, life));
  }
  return subjects;
}

/**
 * Who is served, and how. Bad data holds only its own person (data-holds.ts): a person with no usable e-mail, no
 * name, a userName someone else also claims, an address moved to another domain or a watched attribute that
 * suddenly became empty is never served with that change: if Okta already knows them, they keep exactly what Okta
 * saw (so nobody is deactivated, merged or renamed by a data-entry error) until HR fixes it or an admin approves;
 * if not, they are not served until HR fixes it. Everyone else proceeds.
 */
function decideServing(subjects: Subject[], input: PlanInput, mapping: CompiledMapping, findings: Findings): void {
  const frozen = input.frozen ?? new Set<string>();
  const excluded = input.excluded ?? new Set<string>();
  for (const subject of subjects) {
    if (excluded.has(subject.scimId) && exclude(subject, input)) continue;
    if (frozen.has(subject.scimId) && freeze(subject, input, findings)) continue;
    if (!isServed(subject.life.state)) continue;
    if (subject.person === null) {
      // No longer listed: the last resource stays served, inactive, until the grace period ends.
      const last = input.servedUser(subject.scimId);
      if (!last) {
        subject.state = "removed";
        continue;
      }
      subject.serving = "kept";
      subject.kept = last.active === false ? last : { ...last, active: false };
      continue;
    }
    const held = dataHold(subject, input) ?? mappingHold(subject, input, mapping);
    if (held) holdData(subject, held.kind, held.detail, held.fingerprint, input, findings);
    else subject.serving = "fresh";
  }
  // Everyone served claims a userName: the one Okta has for a person kept as it saw them, else the one chosen.
  for (const group of findUserNameConflicts(servedOf(subjects), claimedUserName).values()) {
    for (const subject of group) {
      const others = group
        .filter((other) => other !== subject)
        .map(labelOf)
        .join("; ");
      const detail = `userName ${claimedUserName(subject)} is also claimed by ${others}`;
      if (subject.serving === "fresh") holdData(subject, "conflict", detail, "", input, findings);
      else report(findings.problems, subject, "conflict", detail);
    }
  }
}

function* servedOf(subjects: readonly Subject[]): Generator<Subject> {
  for (const subject of subjects) if (subject.serving !== "none") yield subject;
}

function claimedUserName(subject: Subject): string {
  return String(subject.kept?.userName ?? subject.userName);
}

function linkManagers(subjects: Subject[], problems: Problem[]): void {
  const candidates = subjects
    .filter((subject) => subject.person !== null && subject.serving !== "none")
    .map((subject) => ({ person: subject.person!, active: subject.state === "active", subject }));
  const index = new ManagerIndex(candidates);
  for (const subject of subjects) {
    const ref = subject.person?.manager;
    if (subject.serving !== "fresh" || !ref) continue;
    const match = index.match(ref, subject.person!);
    if ("problem" in match) report(problems, subject, "manager", match.problem);
    else subject.manager = match.manager.subject;
  }
}

function groupMember(subject: Subject): GroupMember {
  return { scimId: subject.scimId, displayName: displayNameOf(subject) };
}

function displayNameOf(subject: Subject): string {
  if (subject.serving === "kept") return String(subject.kept!.displayName ?? subject.kept!.userName);
  return subject.displayName ?? servedDisplayName(subject.person!, subject.userName!);
}

function servedResource(subject: Subject, settings: ConnectorSettings, mapping: CompiledMapping): UserResource {
  if (subject.serving === "kept") return subject.kept!;
  return userResource({
    person: subject.person!,
    scimId: subject.scimId,
    userName: subject.choice()!,
    active: subject.state === "active",
    period: subject.life.period,
    // Made here from the manager's subject: a link per managed person held from the plan to the commit was a second
    // copy of what the subjects hold.
    manager: subject.manager && { value: subject.manager.scimId, displayName: displayNameOf(subject.manager) },
    settings,
    mapped: subject.mapped?.attributes,
    customAttributes: mapping.customAttributes,
  });
}

/**
 * The rule groups a served person belongs to. A person kept as Okta saw them (held) keeps the groups their HR
 * record puts them in, like the HR-derived groups; a rule that fails for them is reported, not a reason to drop them.
 */
function ruleGroupsOf(
  subject: Subject,
  source: HrPerson,
  input: PlanInput,
  mapping: CompiledMapping,
  problems: Problem[],
): readonly GroupMembership[] {
  if (subject.mapped) return subject.mapped.groups;
  if (!mapping.hasGroupRules) return [];
  const result = mapping.map(mappingInput(source, subject.life.period, input.today));
  if ("value" in result) return result.value.groups;
  report(problems, subject, "mapping", result.error);
  return [];
}

/**
 * A group to serve. Its resource (three objects per member; 175,000 members in all at 100,000 people) is built when
 * the directory takes it, from the member list the plan keeps anyway.
 */
interface PlannedGroup {
  readonly seq: number;
  /** What the group will weigh in Okta's /Groups pages (lifecycle/group-budget.ts). */
  readonly size: GroupSize;
  readonly resource: () => DesiredResource;
}

/**
 * Groups of the served users who are active. Inactive users are left out: Okta does not import them, and a
 * deactivated Okta user's group memberships are moot, so listing them would only make groups look larger than
 * they are. A group without members is not served ("empty groups disappear"); its SCIM id is kept for its return.
 */
function planGroups(
  served: readonly Subject[],
  input: PlanInput,
  mapping: CompiledMapping,
  sequences: { group: number },
  problems: Problem[],
): { groups: PlannedGroup[]; newGroups: NewGroup[] } {
  // Members are kept as their subjects, and their entries made when the group's resource is: an entry per member
  // held from planning to the commit was a second copy of every served person's display name.
  const byKey = new Map<string, { displayName: string; members: Subject[]; bytes: number; conflict: boolean }>();
  for (const subject of served) {
    const source = subject.groupSource ?? subject.person;
    if (subject.state !== "active" || source === null) continue;
    const entryBytes = memberEntryBytes(subject.scimId, displayNameOf(subject));
    const memberships = [
      ...groupMemberships(source, input.settings.groups),
      ...ruleGroupsOf(subject, source, input, mapping, problems),
    ];
    for (const membership of memberships) {
      const group = byKey.get(membership.key);
      if (!group) {
        const first = { displayName: membership.displayName, members: [subject], bytes: entryBytes, conflict: false };
        byKey.set(membership.key, first);
        continue;
      }
      group.members.push(subject);
      group.bytes += entryBytes;
      if (group.displayName !== membership.displayName && !group.conflict) {
        group.conflict = true;
        const detail =
          `group ${membership.key} is named both "${group.displayName}" and "${membership.displayName}" in HR ` +
          `(the first is used); put {company} in the name template or align the codes`;
        problems.push({ kind: "group_name", sourceKey: null, scimId: null, detail });
      }
    }
  }
  const groups: PlannedGroup[] = [];
  const newGroups: NewGroup[] = [];
  for (const [key, group] of byKey) {
    let id = input.knownGroups.get(key);
    if (!id) {
      const created = { key, scimId: input.newId(), seq: ++sequences.group };
      newGroups.push(created);
      id = created;
    }
    const { scimId, seq } = id;
    groups.push({
      seq,
      size: {
        displayName: group.displayName,
        members: group.members.length,
        bytes: groupBytes(group.displayName, group.bytes),
      },
      resource: () =>
        desiredResource("Group", seq, groupResource(scimId, group.displayName, group.members.map(groupMember))),
    });
  }
  groups.sort((a, b) => a.seq - b.seq);
  return { groups, newGroups };
}
