import type { AuditAction } from "../../../../audit/audit-store.js";

/**
 * English: the audit page. The actions are labels for the stored action codes; the stored rows (detail) stay as they
 * were written. nl/audit-pages.ts matches.
 */
export const auditPages = {
  title: "Audit",
  action: "Action",
  allActions: "All actions",
  connector: "Connector",
  all: "All",
  apply: "Apply filter",
  nothing: "Nothing recorded.",
  label: "Audit trail",
  columns: { when: "When", who: "Who", from: "From", what: "What", connector: "Connector", detail: "Detail" },
  older: "Older entries",
  actions: {
    setup: "First admin created",
    login: "Signed in",
    login_failed: "Failed sign-in",
    login_throttled: "Sign-in refused (too many failures)",
    login_unlock: "Sign-in unlocked (command line)",
    logout: "Signed out",
    connector_create: "Connector created",
    connector_update: "Connector changed",
    connector_delete: "Connector deleted",
    connection_test: "Connection tested",
    scim_secret_rotate: "SCIM secret generated",
    sync_now: "Sync started",
    run_approve: "Held run approved",
    run_reject: "Held run rejected",
    hold_approve: "Person holds approved",
    hold_reject: "Person holds rejected",
    config_credentials: "SCIM credentials changed in config.toml",
    key_rotate: "Encryption key rotated",
    backup: "Backup made",
    person_export: "Personal data exported",
    nmbrs_connect: "Connect to Nmbrs (OAuth consent)",
    nmbrs_disconnect: "Disconnected from Nmbrs",
    loket_connect: "Connect to Loket (OAuth consent)",
    loket_disconnect: "Disconnected from Loket",
    migration_dry_run: "API switch dry run",
    connector_switch: "Connector switched API",
    sync_preview: "Sync preview (dry run)",
    mapping_change: "Mapping changed",
    person_exclude: "Person excluded from sync",
    person_include: "Person included in sync again",
    login_approve: "Suggested login approved",
  } satisfies Record<AuditAction, string>,
};

export type AuditPageMessages = typeof auditPages;
