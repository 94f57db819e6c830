// Apart from audit-log.ts, which reads the console's request context: the sign-in audit, which the console's deps
// hold, names these types without importing the console back.

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
  | "migration_dry_run"
  | "connector_switch"
  | "sync_preview";

export interface AuditEntry {
  readonly action: AuditAction;
  /** Admin username (the typed name for a failed login). */
  readonly actor: string | null;
  readonly address: string | null;
  readonly connectorId?: string | null;
  /** One line for the audit page; never a secret. */
  readonly detail?: string | null;
}
