import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { drizzleOf, type Sqlite } from "../db/open.js";
import { auditLog } from "../db/schema.js";
import { knownSecrets } from "../secrets/known-secrets.js";

/** What an admin did, as recorded in the append-only `audit_log` table. */
export type AuditAction =
  | "setup"
  | "login"
  | "login_failed"
  | "login_throttled"
  | "login_unlock"
  | "logout"
  | "connector_create"
  | "connector_update"
  | "connector_delete"
  | "connection_test"
  | "scim_secret_rotate"
  | "sync_now"
  | "run_approve"
  | "run_reject"
  | "hold_approve"
  | "hold_reject"
  | "config_credentials"
  | "key_rotate"
  | "backup"
  | "person_export"
  | "nmbrs_connect"
  | "nmbrs_disconnect"
  | "loket_connect"
  | "loket_disconnect"
  | "migration_dry_run"
  | "connector_switch"
  | "sync_preview"
  | "mapping_change"
  | "person_exclude"
  | "person_include"
  | "login_approve";

export interface AuditEntry {
  readonly action: AuditAction;
  /** Admin username (the typed name for a failed login). */
  readonly actor: string | null;
  readonly address: string | null;
  readonly connectorId?: string | null;
  /** One line for the audit page; never a secret. */
  readonly detail?: string | null;
}

export interface AuditRecord extends Required<AuditEntry> {
  readonly id: number;
  readonly at: string;
}

/** The one writer of `audit_log` (append-only: its triggers refuse updates and deletes). */
export function recordAudit(sqlite: Sqlite, entry: AuditEntry, at: Date): void {
  drizzleOf(sqlite)
    .insert(auditLog)
    .values({
      at: at.toISOString(),
      actor: entry.actor,
      address: entry.address,
      action: entry.action,
      connectorId: entry.connectorId ?? null,
      detail: knownSecrets.redactMaybe(entry.detail ?? null),
    })
    .run();
}

export interface AuditQuery {
  readonly connectorId?: string;
  readonly action?: string;
  readonly beforeId?: number;
  readonly limit: number;
}

/** Newest first; walks the primary key (or audit_log_by_connector) backwards. */
export function listAudit(sqlite: Sqlite, query: AuditQuery): AuditRecord[] {
  const where: SQL[] = [];
  if (query.connectorId) where.push(eq(auditLog.connectorId, query.connectorId));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.beforeId !== undefined) where.push(lt(auditLog.id, query.beforeId));
  return drizzleOf(sqlite)
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(query.limit)
    .all() as AuditRecord[];
}
