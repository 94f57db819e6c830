import { randomBytes } from "node:crypto";
import type { ScimCredentialConfig } from "../../config/types.js";
import { and, asc, eq, isNull } from "drizzle-orm";
import { drizzleOf, type Sqlite } from "../../db/open.js";
import { scimCredentials } from "../../db/schema.js";
import { prepared } from "../../db/statements.js";
import { hashSecret, verifySecret } from "../../secrets/password-hash.js";

export type CredentialScheme = "basic" | "bearer";

export interface StoredCredential {
  readonly id: number;
  readonly scheme: CredentialScheme;
  readonly username: string | null;
  readonly secretHash: string;
  readonly origin: "file" | "console";
}

/** A credential as the console lists it: never its hash. */
export interface CredentialShown {
  readonly scheme: CredentialScheme;
  readonly username: string | null;
  readonly origin: "file" | "console";
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

const COLUMNS = "id, scheme, username, secret_hash AS secretHash, origin";

// activeCredentials, isActiveCredential and touchCredential run on SCIM requests (CredentialVerifier): prepared
// statements, like the other SCIM hot paths (BENCHMARKS.md, "drizzle's builder on hot paths").

/** The credentials Okta may use for a connector now (revoked ones excluded). */
export function activeCredentials(sqlite: Sqlite, connectorId: string): StoredCredential[] {
  return prepared(
    sqlite,
    `SELECT ${COLUMNS} FROM scim_credentials WHERE connector_id = ? AND revoked_at IS NULL ORDER BY id`,
  ).all(connectorId) as StoredCredential[];
}

export function isActiveCredential(sqlite: Sqlite, connectorId: string, credentialId: number): boolean {
  return (
    prepared(sqlite, "SELECT 1 FROM scim_credentials WHERE id = ? AND connector_id = ? AND revoked_at IS NULL").get(
      credentialId,
      connectorId,
    ) !== undefined
  );
}

export function touchCredential(sqlite: Sqlite, credentialId: number, now: Date): void {
  prepared(sqlite, "UPDATE scim_credentials SET last_used_at = ? WHERE id = ?").run(now.toISOString(), credentialId);
}

/** The credentials Okta may use now, oldest first, for the console (scim_credentials_by_connector). */
export function credentialsShown(sqlite: Sqlite, connectorId: string): CredentialShown[] {
  const { scheme, username, origin, createdAt, lastUsedAt } = scimCredentials;
  return drizzleOf(sqlite)
    .select({ scheme, username, origin, createdAt, lastUsedAt })
    .from(scimCredentials)
    .where(and(eq(scimCredentials.connectorId, connectorId), isNull(scimCredentials.revokedAt)))
    .orderBy(asc(scimCredentials.id))
    .all();
}

export type NewCredential = { readonly scheme: "bearer" } | { readonly scheme: "basic"; readonly username: string };

/**
 * Generates a credential in the console: a random password or bearer token, stored as a scrypt hash. The secret is
 * returned once, to show the admin; it cannot be read back.
 */
export async function issueCredential(
  sqlite: Sqlite,
  connectorId: string,
  request: NewCredential,
  now: Date,
): Promise<{ readonly id: number; readonly secret: string }> {
  const secret = randomBytes(32).toString("base64url");
  const id = insertCredential(sqlite, connectorId, request, await hashSecret(secret), "console", now);
  return { id, secret };
}

/** Revokes a credential; requests presenting it fail from now on (see CredentialVerifier.forget for the cache). */
export function revokeCredential(sqlite: Sqlite, credentialId: number, now: Date): void {
  drizzleOf(sqlite)
    .update(scimCredentials)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(scimCredentials.id, credentialId), isNull(scimCredentials.revokedAt)))
    .run();
}

/**
 * Revokes the connector's console-made credentials other than `keep` (a rotation), in one write transaction taken
 * at once, so no request sees two console credentials or none.
 */
export function revokeOtherConsoleCredentials(sqlite: Sqlite, connectorId: string, keep: number, now: Date): void {
  sqlite
    .transaction(() => {
      for (const credential of activeCredentials(sqlite, connectorId)) {
        if (credential.origin === "console" && credential.id !== keep) revokeCredential(sqlite, credential.id, now);
      }
    })
    .immediate();
}

/**
 * Makes the credentials declared in config.toml the active file credentials of a connector, at start-up: an
 * unchanged one is kept (same id, so its last-used time survives), a changed or removed one is revoked, a new one is
 * added. Credentials made in the console are left alone. Returns what changed, for the start-up log.
 */
export async function syncConfiguredCredentials(
  sqlite: Sqlite,
  connectorId: string,
  config: ScimCredentialConfig,
  now: Date,
): Promise<{ readonly added: number; readonly revoked: number }> {
  const wanted: (NewCredential & { secret: string })[] = [];
  if (config.username && config.password)
    wanted.push({ scheme: "basic", username: config.username, secret: config.password });
  if (config.bearerToken) wanted.push({ scheme: "bearer", secret: config.bearerToken });

  const existing = activeCredentials(sqlite, connectorId).filter((credential) => credential.origin === "file");
  const kept = new Set<number>();
  let added = 0;
  for (const credential of wanted) {
    const match = await findMatching(existing, credential);
    if (match) {
      kept.add(match.id);
      continue;
    }
    insertCredential(sqlite, connectorId, credential, await hashSecret(credential.secret), "file", now);
    added += 1;
  }
  const stale = existing.filter((credential) => !kept.has(credential.id));
  for (const credential of stale) revokeCredential(sqlite, credential.id, now);
  return { added, revoked: stale.length };
}

async function findMatching(
  existing: readonly StoredCredential[],
  wanted: NewCredential & { secret: string },
): Promise<StoredCredential | undefined> {
  for (const credential of existing) {
    if (credential.scheme !== wanted.scheme) continue;
    if (wanted.scheme === "basic" && credential.username !== wanted.username) continue;
    if (await verifySecret(wanted.secret, credential.secretHash)) return credential;
  }
  return undefined;
}

function insertCredential(
  sqlite: Sqlite,
  connectorId: string,
  credential: NewCredential,
  secretHash: string,
  origin: "file" | "console",
  now: Date,
): number {
  const row = drizzleOf(sqlite)
    .insert(scimCredentials)
    .values({
      connectorId,
      scheme: credential.scheme,
      username: credential.scheme === "basic" ? credential.username : null,
      secretHash,
      origin,
      createdAt: now.toISOString(),
    })
    .returning({ id: scimCredentials.id })
    .get();
  return row.id;
}
