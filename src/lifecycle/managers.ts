import { foldCase } from "../directory/fold-case.js";
import type { HrManagerRef, HrPerson } from "../sources/types.js";
import { MultiMap } from "./multi-map.js";

/** A person who can be referenced as a manager: served to Okta, so their SCIM id means something there. */
export interface ManagerCandidate {
  readonly person: HrPerson;
  readonly active: boolean;
}

export type ManagerMatch<T extends ManagerCandidate> = { readonly manager: T } | { readonly problem: string };

/**
 * Finds managers among the connector's served people. Nmbrs returns a manager as contact data, not as an employee
 * id, so the link is made the way HR would: by e-mail (work or private, case-insensitive), then by employee number
 * within the subordinate's own company (numbers repeat across companies). An active person is preferred over an
 * inactive one with the same address (a rehire's old record); anything still ambiguous or not found is reported,
 * never guessed.
 */
export class ManagerIndex<T extends ManagerCandidate> {
  private readonly byEmail = new MultiMap<string, T>();
  private readonly byNumber = new MultiMap<string, T>();

  constructor(candidates: Iterable<T>) {
    for (const candidate of candidates) {
      const { person } = candidate;
      const addresses = new Set(
        [person.workEmail, person.privateEmail].filter(Boolean).map((email) => foldCase(email!.trim())),
      );
      for (const address of addresses) this.byEmail.add(address, candidate);
      this.byNumber.add(numberKey(person.company.number, person.employeeNumber), candidate);
    }
  }

  match(ref: HrManagerRef, subordinate: HrPerson): ManagerMatch<T> {
    const email = ref.email?.trim();
    const byEmail = email ? this.byEmail.get(foldCase(email)) : undefined;
    const byNumber = ref.employeeNumber
      ? this.byNumber.get(numberKey(subordinate.company.number, ref.employeeNumber))
      : undefined;
    const found = best(byEmail ?? []) ?? best(byNumber ?? []);
    const label = describeRef(ref);
    if (found === undefined) return { problem: `manager ${label} is not an employee served by this connector` };
    if (found.length > 1) {
      const who = found.map((candidate) => candidate.person.employeeNumber).join(", ");
      return {
        problem: `manager ${label} matches ${found.length} people (employee numbers ${who}); HR must make it unique`,
      };
    }
    const manager = found[0]!;
    if (manager.person.sourceKey === subordinate.sourceKey)
      return { problem: `is listed as their own manager (${label})` };
    return { manager };
  }
}

/** The active matches if there are any, else the inactive ones; undefined when there is nothing. */
function best<T extends ManagerCandidate>(candidates: readonly T[]): T[] | undefined {
  if (candidates.length === 0) return undefined;
  const active = candidates.filter((candidate) => candidate.active);
  return active.length > 0 ? active : [...candidates];
}

function numberKey(companyNumber: string, employeeNumber: string): string {
  return `${companyNumber}\u0000${employeeNumber}`;
}

function describeRef(ref: HrManagerRef): string {
  const parts = [ref.name, ref.email, ref.employeeNumber && `employee number ${ref.employeeNumber}`].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "(no name, e-mail or number)";
}
