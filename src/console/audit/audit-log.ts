import type { Context } from "hono";
import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import { knownSecrets } from "../../secrets/known-secrets.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import type { AuditAction, AuditEntry } from "./audit-entry.js";

export type { AuditAction, AuditEntry };

export interface AuditRecord extends Required<AuditEntry> {
  readonly id: number;
  readonly at: string;
}

export function recordAudit(sqlite: Sqlite, entry: AuditEntry, at: Date): void {
  prepared(
    sqlite,
    "INSERT INTO audit_log (at, actor, address, action, connector_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(
    at.toISOString(),
    entry.actor,
    entry.address,
    entry.action,
    entry.connectorId ?? null,
    knownSecrets.redactMaybe(entry.detail ?? null),
  );
}

/** Records what the signed-in admin of this request did. */
export function auditAdminAction(
  c: Context<ConsoleEnv>,
  deps: Pick<ConsoleDeps, "db" | "clock" | "origin">,
  action: AuditAction,
  about: { connectorId?: string | null; detail?: string | null } = {},
): void {
  recordAudit(
    deps.db.sqlite,
    { action, actor: c.get("admin")?.username ?? null, address: deps.origin.clientAddress(c), ...about },
    deps.clock(),
  );
}

export interface AuditQuery {
  readonly connectorId?: string;
  readonly action?: string;
  readonly beforeId?: number;
  readonly limit: number;
}

/** Newest first; walks the primary key (or audit_log_by_connector) backwards. */
export function listAudit(sqlite: Sqlite, query: AuditQuery): AuditRecord[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (query.connectorId) add("connector_id = ?", query.connectorId);
  if (query.action) add("action = ?", query.action);
  if (query.beforeId !== undefined) add("id < ?", query.beforeId);
  return prepared(
    sqlite,
    `SELECT id, at, actor, address, action, connector_id AS connectorId, detail FROM audit_log
     ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`,
  ).all(...params, query.limit) as AuditRecord[];
}
