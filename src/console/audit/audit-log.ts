import type { Context } from "hono";
import { type AuditAction, recordAudit } from "../../audit/audit-store.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";

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
