import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";

/**
 * When "Test connection" last reached a connector's HR source with success, for the dashboard's setup checklist.
 * Kept in `settings` under the connector id: the console tests a new connector's form before the connector exists,
 * and the test of the form that is then saved is the one that counts. Deleting the connector forgets it.
 */
const KEY = (connectorId: string) => `setup.source_tested.${connectorId}`;

export function recordSourceTested(sqlite: Sqlite, connectorId: string, at: Date): void {
  prepared(
    sqlite,
    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(KEY(connectorId), at.toISOString());
}

export function sourceTestedAt(sqlite: Sqlite, connectorId: string): string | null {
  return (
    (prepared(sqlite, "SELECT value FROM settings WHERE key = ?").pluck().get(KEY(connectorId)) as
      | string
      | undefined) ?? null
  );
}

export function forgetSourceTested(sqlite: Sqlite, connectorId: string): void {
  prepared(sqlite, "DELETE FROM settings WHERE key = ?").run(KEY(connectorId));
}
