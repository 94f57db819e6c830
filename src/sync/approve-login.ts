import { recordAudit } from "../audit/audit-store.js";
import type { Sqlite } from "../db/open.js";
import type { Requester } from "./exclusions/exclude-person.js";
import { approveGeneratedLogin, generatedLoginOf } from "./generated-login-store.js";
import type { Problem } from "./plan-types.js";
import { problemDetails } from "./problems.js";
import { SyncError } from "./sync-error.js";

const KEEPS = ": keeps the generated login ";
const SUGGESTS = "; the name in HR now gives ";

/** The login a person keeps and the one their new name gives, as a login_suggested problem lists them. */
export interface LoginSuggestion {
  readonly kept: string;
  readonly suggested: string;
  /** True once an admin approved it: the next run serves it (and the problem then goes away). */
  readonly approved?: boolean;
}

/**
 * The detail of a login_suggested problem. The problems table keeps only this line, so {@link suggestionIn} reads
 * the logins back from it (logins hold no spaces; the label may hold anything, so it is read from the end).
 */
export function loginSuggestedDetail(label: string, kept: string, suggested: string): string {
  return `${label}${KEEPS}${kept}${SUGGESTS}${suggested}`;
}

export function suggestionIn(problem: Pick<Problem, "kind" | "detail">): LoginSuggestion | null {
  if (problem.kind !== "login_suggested") return null;
  const suggests = problem.detail.lastIndexOf(SUGGESTS);
  const keeps = problem.detail.lastIndexOf(KEEPS, suggests);
  if (suggests < 0 || keeps < 0) return null;
  return {
    kept: problem.detail.slice(keeps + KEEPS.length, suggests),
    suggested: problem.detail.slice(suggests + SUGGESTS.length),
  };
}

/** The new login the last complete read suggests for a person, and whether it is approved; null when none. */
export function suggestionFor(sqlite: Sqlite, connectorId: string, scimId: string): LoginSuggestion | null {
  for (const detail of problemDetails(sqlite, connectorId, scimId, "login_suggested")) {
    const suggestion = suggestionIn({ kind: "login_suggested", detail });
    if (suggestion !== null)
      return { ...suggestion, approved: generatedLoginOf(sqlite, connectorId, scimId) === suggestion.suggested };
  }
  return null;
}

/**
 * Approves the generated login the last run suggested for a person (docs/mapping.md): stored as theirs, so the next
 * run serves it and Okta renames the account at its next import (the rename brake still counts it). Only the
 * suggestion itself can be approved, and only while nobody of the connector ever had it; the audit row is written in
 * the same transaction. Throws a SyncError for the admin otherwise.
 */
export function approveSuggestedLogin(
  sqlite: Sqlite,
  request: { readonly connectorId: string; readonly scimId: string },
  by: Requester,
): string {
  const { connectorId, scimId } = request;
  return sqlite.transaction(() => {
    const suggestion = suggestionFor(sqlite, connectorId, scimId);
    const login = suggestion && !suggestion.approved ? suggestion.suggested : null;
    if (login === null)
      throw new SyncError(`no new login is suggested for ${scimId} of ${connectorId}`, { connectorId });
    if (!approveGeneratedLogin(sqlite, connectorId, { scimId, userName: login }, by.at.toISOString()))
      throw new SyncError(`${login} was generated before for someone of ${connectorId}; it is never given again`, {
        connectorId,
      });
    recordAudit(
      sqlite,
      { action: "login_approve", actor: by.actor, address: by.address, connectorId, detail: `${scimId}: ${login}` },
      by.at,
    );
    return login;
  })();
}
