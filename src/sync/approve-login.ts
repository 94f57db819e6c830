import { recordAudit } from "../audit/audit-store.js";
import type { Sqlite } from "../db/open.js";
import type { Requester } from "./exclusions/exclude-person.js";
import { approveGeneratedLogin } from "./generated-login-store.js";
import type { Problem } from "./plan-types.js";
import { problemDetails } from "./problems.js";
import { SyncError } from "./sync-error.js";

const SUGGESTS = "; the name in HR now gives ";

/** The detail of a login_suggested problem; {@link suggestedLogin} reads the login back from it. */
export function loginSuggestedDetail(label: string, kept: string, suggested: string): string {
  return `${label}: keeps the generated login ${kept}${SUGGESTS}${suggested}`;
}

/** The login a problem suggests, or null when it is no login_suggested problem. */
export function suggestedLogin(problem: Pick<Problem, "kind" | "detail">): string | null {
  if (problem.kind !== "login_suggested") return null;
  const at = problem.detail.lastIndexOf(SUGGESTS);
  return at < 0 ? null : problem.detail.slice(at + SUGGESTS.length);
}

/** The login the last complete read suggests for a person, or null. */
export function suggestionFor(sqlite: Sqlite, connectorId: string, scimId: string): string | null {
  for (const detail of problemDetails(sqlite, connectorId, scimId, "login_suggested")) {
    const login = suggestedLogin({ kind: "login_suggested", detail });
    if (login !== null) return login;
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
    const login = suggestionFor(sqlite, connectorId, scimId);
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
