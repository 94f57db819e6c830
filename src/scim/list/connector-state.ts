import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";

// Read on every SCIM request. Hot path: prepared statements, not drizzle's builder (BENCHMARKS.md, "drizzle's builder on hot paths").
/** What a request needs to know about its connector, read once per request. */
export interface ConnectorState {
  readonly id: string;
  /** The generation Okta sees now. */
  readonly gen: number;
  /**
   * Tells a connector apart from an earlier one with the same id (deleted and made again): generations restart at
   * 0, so caches keyed by generation also carry this.
   */
  readonly incarnation: string;
}

export function connectorState(sqlite: Sqlite, connectorId: string): ConnectorState | undefined {
  return prepared(sqlite, "SELECT id, current_gen AS gen, created_at AS incarnation FROM connectors WHERE id = ?").get(
    connectorId,
  ) as ConnectorState | undefined;
}
