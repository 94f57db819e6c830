import { and, desc, eq } from "drizzle-orm";
import type { Clock } from "../../clock.js";
import { drizzleOf, type Sqlite } from "../../db/open.js";
import { scimImports } from "../../db/schema.js";
import type { Logger } from "../../logging/logger.js";
import type { Scan } from "../list/scan-registry.js";
import { scimClientKind } from "./client-kind.js";
import type { DeferredWrites } from "./deferred-writes.js";

/** The last full user import Okta made from a connector, as the SCIM side observed it. */
export interface OktaImportSeen {
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly pages: number;
  readonly usersServed: number;
}

/** Okta's latest user import (scim_imports_by_connector, newest first); flush the deferred writes first. */
export function lastUserImport(sqlite: Sqlite, connectorId: string): OktaImportSeen | null {
  return (
    drizzleOf(sqlite)
      .select({
        startedAt: scimImports.startedAt,
        finishedAt: scimImports.completedAt,
        pages: scimImports.pages,
        usersServed: scimImports.resourcesServed,
      })
      .from(scimImports)
      .where(
        and(
          eq(scimImports.connectorId, connectorId),
          eq(scimImports.resourceType, "User"),
          eq(scimImports.kind, "import"),
        ),
      )
      .orderBy(desc(scimImports.startedAt))
      .limit(1)
      .get() ?? null
  );
}

// Written on the SCIM request path, batched by DeferredWrites: hand-written statements, like the other hot paths.
const UPSERT = `INSERT INTO scim_imports (id, connector_id, resource_type, kind, credential_id, user_agent, client_address,
    generation, page_size, total_results, pages, resources_served, started_at, last_page_at, completed_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(id) DO UPDATE SET total_results = excluded.total_results, pages = excluded.pages,
    resources_served = excluded.resources_served, last_page_at = excluded.last_page_at, completed_at = excluded.completed_at`;
const KEEP = 50;
const PRUNE = `DELETE FROM scim_imports WHERE connector_id = ? AND resource_type = ? AND id NOT IN
  (SELECT id FROM scim_imports WHERE connector_id = ? AND resource_type = ? ORDER BY started_at DESC LIMIT ${KEEP})`;

/**
 * "Last Okta import seen" for the console's dashboard: one row per scan by Okta's client (client-kind.ts) that
 * started at startIndex=1, updated with every page. Okta's "Test Connector Configuration" reads one page of 2 and is
 * recorded as a connection test. Scans by any other client are served alike but never recorded here: the forecast
 * takes its baseline from these rows, and an admin's script must not move it.
 *
 * It also logs an import's start and end, one line each: what an operator reads to know Okta came by, and one line
 * when another client starts a scan, saying it does not count. Every page is in the request log (and in the pino
 * log at level debug).
 */
export class ImportLog {
  constructor(
    private readonly writes: DeferredWrites,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  pageServed(scan: Scan, totalResults: number, complete: boolean): void {
    if (scimClientKind(scan.origin.userAgent) !== "okta") {
      this.logOtherClient(scan, totalResults);
      return;
    }
    const now = this.clock().toISOString();
    this.logBoundary(scan, totalResults, complete, now);
    this.writes.add(UPSERT, [
      scan.id,
      scan.connectorId,
      scan.type,
      scan.pageSize <= 2 ? "connection-test" : "import",
      scan.origin.credentialId,
      scan.origin.userAgent,
      scan.origin.clientAddress,
      scan.gen,
      scan.pageSize,
      totalResults,
      scan.pages,
      scan.served,
      scan.startedAt.toISOString(),
      now,
      complete ? now : null,
    ]);
    if (scan.pages === 1) this.writes.add(PRUNE, [scan.connectorId, scan.type, scan.connectorId, scan.type]);
  }

  private logOtherClient(scan: Scan, totalResults: number): void {
    if (scan.pages !== 1) return;
    const fields = {
      connector: scan.connectorId,
      resourceType: scan.type,
      totalResults,
      userAgent: scan.origin.userAgent,
      clientAddress: scan.origin.clientAddress,
    };
    setImmediate(() =>
      this.logger.info(fields, "SCIM list scan by a client that is not Okta: served, not counted as Okta's import"),
    );
  }

  private logBoundary(scan: Scan, totalResults: number, complete: boolean, now: string): void {
    if (scan.pageSize <= 2) return; // Okta's "Test API Credentials": recorded, not worth a line
    const fields = {
      connector: scan.connectorId,
      resourceType: scan.type,
      generation: scan.gen,
      userAgent: scan.origin.userAgent,
    };
    const started = scan.pages === 1 ? { ...fields, totalResults } : null;
    const completed = complete
      ? {
          ...fields,
          pages: scan.pages,
          served: scan.served,
          seconds: (Date.parse(now) - scan.startedAt.getTime()) / 1000,
        }
      : null;
    if (!started && !completed) return;
    // After the page is on its way. Written inside the request, the line made the last page of an import measurably
    // slower than the others (BENCHMARKS.md); the pino call itself is cheap, so the cost is in what it sets off
    // (stdout, the console's log store), which was not pinned down further.
    setImmediate(() => {
      if (started) this.logger.info(started, "Okta import started");
      if (completed) this.logger.info(completed, "Okta import completed");
    });
  }
}
