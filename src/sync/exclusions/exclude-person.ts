import { recordAudit } from "../../audit/audit-store.js";
import { connectorExists } from "../../connectors/registry.js";
import type { Sqlite } from "../../db/open.js";
import { listedPeople, peopleByReference } from "../hr-list-store.js";
import { SyncError } from "../sync-error.js";
import { addExclusion, type Exclusion, exclusionOf, removeExclusion } from "./exclusion-store.js";

/** Who asks, as the audit log records it: the console's admin and address, or the command line's user. */
export interface Requester {
  readonly actor: string;
  readonly address: string | null;
  readonly at: Date;
}

/** Longer reasons are a paste, not a reason; the audit line and the list stay readable. */
export const MAX_REASON_LENGTH = 500;

/**
 * Excludes a person (an employee number or SCIM id) of a connector from its syncs, with the reason, and records it
 * in the audit log in the same transaction. Effective from the next run. Throws a SyncError for the admin when the
 * person cannot be named unambiguously or the reason is missing.
 */
export function excludePerson(
  sqlite: Sqlite,
  request: { readonly connectorId: string; readonly ref: string; readonly reason: string },
  by: Requester,
): { exclusion: Exclusion; added: boolean } {
  const reason = request.reason.trim();
  if (reason === "")
    throw new SyncError("an exclusion needs a reason (--reason)", { connectorId: request.connectorId });
  if (reason.length > MAX_REASON_LENGTH)
    throw new SyncError(`the reason is longer than ${MAX_REASON_LENGTH} characters`, {
      connectorId: request.connectorId,
    });
  const { scimId, label } = findPerson(sqlite, request.connectorId, request.ref);
  const exclusion = {
    connectorId: request.connectorId,
    scimId,
    label,
    reason,
    excludedBy: by.actor,
    since: by.at.toISOString(),
  };
  return sqlite.transaction(() => {
    const added = addExclusion(sqlite, exclusion);
    if (!added) return { exclusion: exclusionOf(sqlite, request.connectorId, scimId)!, added };
    recordAudit(
      sqlite,
      {
        action: "person_exclude",
        actor: by.actor,
        address: by.address,
        connectorId: request.connectorId,
        detail: `${label}: ${reason}`,
      },
      by.at,
    );
    return { exclusion, added };
  })();
}

/** Ends a person's exclusion (audit-logged); the changes HR made meanwhile apply at the next run. */
export function includePerson(
  sqlite: Sqlite,
  request: { readonly connectorId: string; readonly ref: string },
  by: Requester,
): Exclusion {
  const { scimId, label } = findPerson(sqlite, request.connectorId, request.ref);
  return sqlite.transaction(() => {
    const removed = removeExclusion(sqlite, request.connectorId, scimId);
    if (!removed)
      throw new SyncError(`${label} is not excluded from ${request.connectorId}`, { connectorId: request.connectorId });
    recordAudit(
      sqlite,
      {
        action: "person_include",
        actor: by.actor,
        address: by.address,
        connectorId: request.connectorId,
        detail: label,
      },
      by.at,
    );
    return removed;
  })();
}

function findPerson(sqlite: Sqlite, connectorId: string, ref: string): { scimId: string; label: string } {
  if (!connectorExists(sqlite, connectorId)) throw new SyncError(`there is no connector "${connectorId}"`, {});
  const matches = peopleByReference(sqlite, connectorId, ref.trim());
  if (matches.length === 0)
    throw new SyncError(
      `connector ${connectorId} has no person with SCIM id or employee number "${ref}" (a person is known after their first sync)`,
      { connectorId },
    );
  if (matches.length > 1) {
    const listed = matches.map((match) => `company ${match.company}: ${match.scimId}`).join(", ");
    throw new SyncError(`employee number ${ref} exists in several companies (${listed}); give the SCIM id instead`, {
      connectorId,
    });
  }
  const { scimId, company } = matches[0]!;
  const listed = listedPeople(sqlite, [scimId]).get(scimId);
  const label = listed
    ? `${listed.name} (${listed.employeeNumber}, ${listed.companyName ?? `company ${company}`})`
    : `${ref} (company ${company})`;
  return { scimId, label };
}
