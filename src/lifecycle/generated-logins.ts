import { foldCase } from "../directory/fold-case.js";

/** A person who signs in with a generated login this run. */
export interface LoginRequest {
  /** The person's SCIM id: the stored login belongs to it, whatever the source calls the person. */
  readonly id: string;
  /** Company number, then employee number: new people who clash get candidates in this order, in preview and run. */
  readonly order: readonly [string, string];
  /** Local parts to try, best first (mapping/login-format.ts). */
  readonly bases: readonly string[];
  /** The login given to this person before, kept for good; null for a newcomer. */
  readonly stored: string | null;
}

export interface LoginDecision {
  readonly userName: string;
  /** True when given this run (to be stored); false when the stored login is kept. */
  readonly isNew: boolean;
  /** The login the person's current name would give, when it differs from the kept one: for an admin to approve. */
  readonly suggested: string | null;
}

/**
 * The candidates, best first: each base at the domain, then the first base numbered from 2
 * (zoe.vanderberg, zoemaria.vanderberg, zoe.vanderberg2, zoe.vanderberg3, …).
 */
export function* loginCandidates(bases: readonly string[], domain: string): Generator<string> {
  for (const base of bases) yield `${base}@${domain}`;
  for (let number = 2; ; number++) yield `${bases[0]}${number}@${domain}`;
}

const collator = new Intl.Collator("en", { numeric: true });

/**
 * Generated logins, unique within the connector: a person keeps a login once given (a name change only suggests a
 * new one), a newcomer gets the first candidate nobody has and nobody ever had (`taken`, case-folded: every login
 * ever generated for the connector and every address served or claimed now). Newcomers are served in company and
 * employee number order, so two new Zoë van der Bergs get the same logins in a preview and in the run after it.
 */
export function allocateLogins(
  requests: readonly LoginRequest[],
  taken: ReadonlySet<string>,
  domain: string,
): Map<string, LoginDecision> {
  const used = new Set(taken);
  const firstFree = (request: LoginRequest, own: string | null): string | null => {
    for (const candidate of loginCandidates(request.bases, domain)) {
      const folded = foldCase(candidate);
      if (folded === own) return null;
      if (!used.has(folded)) return candidate;
    }
    return null;
  };
  const decisions = new Map<string, LoginDecision>();
  const newcomers = requests
    .filter((request) => request.stored === null)
    .sort(
      (a, b) =>
        collator.compare(a.order[0], b.order[0]) ||
        collator.compare(a.order[1], b.order[1]) ||
        collator.compare(a.id, b.id),
    );
  for (const request of newcomers) {
    const userName = firstFree(request, null)!;
    used.add(foldCase(userName));
    decisions.set(request.id, { userName, isNew: true, suggested: null });
  }
  for (const request of requests) {
    if (request.stored === null) continue;
    const suggested = firstFree(request, foldCase(request.stored));
    decisions.set(request.id, { userName: request.stored, isNew: false, suggested });
  }
  return decisions;
}
