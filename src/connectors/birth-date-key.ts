import { randomBytes } from "node:crypto";
import type { ConnectorRegistry } from "./registry.js";

/** The key in the connector's sealed secrets. */
const KEY = "birthDateKey";

/**
 * The connector's key for `people.birth_date_hash`: 32 random bytes made on first use and sealed with the
 * connector's other secrets, so a copy of the database alone cannot test birth dates against the hashes (there are
 * only some 36,500 plausible ones), and `npm run rotate-key` re-seals it with everything else.
 */
export function birthDateKeyOf(registry: ConnectorRegistry, connectorId: string): Buffer {
  const stored = registry.secretsOf(connectorId)[KEY];
  if (typeof stored === "string") return Buffer.from(stored, "base64");
  // Made inside the transaction that stores it: two processes starting at once end up with one key.
  const secrets = registry.changeSecrets(connectorId, (current) =>
    typeof current[KEY] === "string" ? current : { ...current, [KEY]: randomBytes(32).toString("base64") },
  );
  return Buffer.from(secrets[KEY] as string, "base64");
}
