import type { Clock } from "../clock.js";
import { recordAudit } from "../audit/audit-store.js";
import { connectorExists } from "../connectors/registry.js";
import type { Sqlite } from "../db/open.js";
import { currentById, groupNamesWithMember } from "../directory/read-generation.js";
import { type PersonLookup, personLookups } from "../scim/observe/request-log.js";
import { type PersonChange, personHistory } from "../sync/history.js";
import { type PersonDetail, peopleByReference, personDetail } from "../sync/hr-list-store.js";
import { problemsOfPerson } from "../sync/problems.js";
import { OpsError } from "./ops-error.js";

/** Everything the gateway holds about one person, for a data-subject access request (GDPR art. 15). */
export interface PersonExport {
  readonly exportedAt: string;
  readonly connector: string;
  /** Identity and lifecycle decision: SCIM id, source key, company and employee number, state and why. */
  readonly person: Omit<PersonDetail, "lastPerson" | "displayName">;
  /** The last record read from the HR system (never the birth date or BSN: neither is stored); null once purged. */
  readonly sourceFields: Record<string, unknown> | null;
  /** The user as Okta reads it now; null when not served. */
  readonly servedToOkta: Record<string, unknown> | null;
  readonly groups: readonly string[];
  /** Changes of the served attributes and lifecycle transitions, newest first. */
  readonly history: readonly PersonChange[];
  /** Data problems the last run reported about this person. */
  readonly problems: readonly { readonly kind: string; readonly detail: string }[];
  /** Requests in which Okta asked for this person specifically (by id or by a filter on their userName). */
  readonly oktaLookups: readonly OktaLookup[];
  /** What the export leaves out, and why. */
  readonly notes: readonly string[];
}

export type OktaLookup = PersonLookup;

// Whole SCIM lists (imports) are not lookups of one person and are not listed; the log keeps 14 days anyway.
const NOTES = [
  "Okta's full imports read every served user; they are not listed per person. The SCIM request log keeps 14 days.",
  "The application log (14 days) may name the person in sync messages; it is not searched by this export.",
  "Birth dates are kept only as a keyed hash to confirm identity during an API switch; BSN is never read.",
];

/**
 * Finds a person by SCIM id or employee number and collects what the gateway holds about them. The export is
 * recorded in the audit trail (with the SCIM id only: the trail itself must not become a copy of personal data).
 */
export function exportPerson(
  sqlite: Sqlite,
  request: { readonly connectorId: string; readonly ref: string; readonly actor: string; readonly clock: Clock },
): PersonExport {
  const { connectorId } = request;
  const scimId = findPerson(sqlite, connectorId, request.ref);
  const { lastPerson, displayName: _name, ...person } = personDetail(sqlite, connectorId, scimId)!;
  const served = currentById(sqlite, connectorId, "User", scimId);
  const servedToOkta = served ? (JSON.parse(served.body) as Record<string, unknown>) : null;
  const userName = typeof servedToOkta?.userName === "string" ? servedToOkta.userName : null;
  const result: PersonExport = {
    exportedAt: request.clock().toISOString(),
    connector: connectorId,
    person,
    sourceFields: lastPerson ? (JSON.parse(lastPerson) as Record<string, unknown>) : null,
    servedToOkta,
    groups: groupNamesWithMember(sqlite, connectorId, scimId),
    history: personHistory(sqlite, connectorId, scimId, 1_000_000),
    problems: problemsOfPerson(sqlite, connectorId, { scimId, sourceKey: person.sourceKey }),
    oktaLookups: personLookups(sqlite, connectorId, scimId, userName),
    notes: NOTES,
  };
  recordAudit(
    sqlite,
    { action: "person_export", actor: request.actor, address: null, connectorId, detail: `scim id ${scimId}` },
    request.clock(),
  );
  return result;
}

function findPerson(sqlite: Sqlite, connectorId: string, ref: string): string {
  if (!connectorExists(sqlite, connectorId)) throw new OpsError(`there is no connector "${connectorId}"`);
  const matches = peopleByReference(sqlite, connectorId, ref);
  if (matches.length === 1) return matches[0]!.scimId;
  if (matches.length === 0)
    throw new OpsError(`connector ${connectorId} has no person with SCIM id or employee number "${ref}"`);
  const listed = matches.map((match) => `company ${match.company}: ${match.scimId}`).join(", ");
  throw new OpsError(`employee number ${ref} exists in several companies (${listed}); give the SCIM id instead`);
}
