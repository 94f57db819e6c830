import { foldCase } from "../directory/fold-case.js";
import { allocateLogins, type LoginDecision, type LoginRequest } from "../lifecycle/generated-logins.js";
import { wantsGeneratedLogin } from "../lifecycle/identity.js";
import { isServed } from "../lifecycle/lifecycle-state.js";
import { compileLoginFormat } from "../mapping/login-format.js";
import type { PlanInput } from "./plan-types.js";
import { labelOf, type Subject } from "./plan-subject.js";
import type { DirectoryPlan } from "./plan-types.js";

/** The subjects that sign in with a generated login this run, with what they got. */
export type LoginAssignments = readonly { readonly subject: Subject; readonly decision: LoginDecision }[];

/**
 * Gives a generated login to every served person without a usable address before "generated" in
 * identity.user_name_from. Needs the whole run: uniqueness is decided against every address served or claimed now
 * and every login ever generated. A person whose data the format cannot make a login of is held (kind mapping).
 */
export function assignGeneratedLogins(subjects: readonly Subject[], input: PlanInput): LoginAssignments {
  const { identity } = input.settings;
  if (!identity.generated || !identity.userNameFrom.includes("generated")) return [];
  const stored = input.generatedLogins?.byPerson ?? new Map<string, string>();
  const format = compileLoginFormat(identity.generated.format);
  const taken = new Set(input.generatedLogins?.taken);
  for (const known of input.known.values()) if (known.emailFold !== null) taken.add(known.emailFold);
  const requests: LoginRequest[] = [];
  const requesters = new Map<string, Subject>();
  for (const subject of subjects) {
    if (subject.userName) taken.add(foldCase(subject.userName));
    const person = subject.person;
    if (!person || !isServed(subject.life.state) || !wantsGeneratedLogin(person, identity)) continue;
    const bases = format.bases(person, subject.life.period, input.today);
    if ("error" in bases) {
      subject.mappingError = bases.error;
      continue;
    }
    requesters.set(subject.scimId, subject);
    requests.push({
      id: subject.scimId,
      order: [person.company.number, person.employeeNumber],
      bases: bases.value,
      stored: stored.get(subject.scimId) ?? null,
    });
  }
  const assignments: { subject: Subject; decision: LoginDecision }[] = [];
  for (const [scimId, decision] of allocateLogins(requests, taken, identity.generated.domain)) {
    const subject = requesters.get(scimId)!;
    subject.choose({ userName: decision.userName, from: "generated" });
    assignments.push({ subject, decision });
  }
  return assignments;
}

/**
 * What the plan reports once serving is decided: logins to store are those of people served fresh (a held
 * newcomer gets theirs when served), suggestions those of people served at all.
 */
export function loginsOf(assignments: LoginAssignments): DirectoryPlan["logins"] {
  const given = assignments
    .filter(({ subject, decision }) => decision.isNew && subject.serving === "fresh")
    .map(({ subject, decision }) => ({ scimId: subject.scimId, userName: decision.userName }));
  const suggested = assignments
    .filter(({ subject, decision }) => decision.suggested !== null && subject.serving !== "none")
    .map(({ subject, decision }) => ({
      scimId: subject.scimId,
      sourceKey: subject.sourceKey,
      label: labelOf(subject),
      userName: decision.userName,
      suggested: decision.suggested!,
    }));
  return { given, suggested };
}
