import type { Clock } from "../../clock.js";
import type { Sqlite } from "../../db/open.js";
import { writeIfFree } from "../../db/write-if-free.js";
import { knownSecrets } from "../../secrets/known-secrets.js";
import { hashSecret, verifySecret } from "../../secrets/password-hash.js";
import { activeCredentials, isActiveCredential, touchCredential, type StoredCredential } from "./credential-store.js";
import { presentedCredential, type PresentedCredential } from "./presented-credential.js";
import { VerifiedCache } from "./verified-cache.js";

// last_used_at is for the console ("used 3 minutes ago"); once a minute is precise enough and keeps writes off the
// paging path.
const TOUCH_EVERY_MS = 60_000;

/**
 * Checks an Authorization header against a connector's credentials. One per process: the console calls
 * `forget(connectorId)` after it issues, rotates or revokes a credential.
 */
export class CredentialVerifier {
  private readonly cache = new VerifiedCache();
  private readonly touched = new Map<number, number>();
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly clock: Clock,
  ) {}

  /** The id of the credential the header proves, or undefined. */
  async verify(connectorId: string, header: string | undefined): Promise<number | undefined> {
    if (!header) return undefined;
    const known = this.alreadyVerified(connectorId, header);
    if (known !== undefined) return known;

    const presented = presentedCredential(header);
    if (!presented) return undefined;
    const credentialId = await this.check(connectorId, presented);
    if (credentialId === undefined) return undefined;
    // Only hashes are stored, so a valid credential is known in clear only as Okta presents it: from now on no text
    // may show it (a wrong one is a guess, not a secret, and is not kept).
    knownSecrets.register(presented.scheme === "basic" ? presented.password : presented.token);
    knownSecrets.register(header.replace(/^\s*(basic|bearer)\s+/i, ""));
    this.cache.set(connectorId, header, credentialId);
    return this.used(credentialId);
  }

  /**
   * The id of the credential when this exact header already passed scrypt and is still active, else undefined: one
   * HMAC and one indexed read, no hashing. The throttle lets these through (see authenticate.ts).
   */
  alreadyVerified(connectorId: string, header: string | undefined): number | undefined {
    if (!header) return undefined;
    const cached = this.cache.get(connectorId, header);
    if (cached === undefined) return undefined;
    // A revocation made elsewhere (the CLI, another process) is seen at once: the cache only skips the scrypt.
    if (isActiveCredential(this.sqlite, connectorId, cached)) return this.used(cached);
    this.cache.delete(connectorId, header);
    return undefined;
  }

  /** Drops what was verified for a connector (after a credential was issued, rotated or revoked). */
  forget(connectorId: string): void {
    this.cache.forgetConnector(connectorId);
  }

  private async check(connectorId: string, presented: PresentedCredential): Promise<number | undefined> {
    const secret = presented.scheme === "basic" ? presented.password : presented.token;
    const candidates = activeCredentials(this.sqlite, connectorId).filter((credential) =>
      matches(credential, presented),
    );
    if (candidates.length === 0) {
      // Hash anyway, so that an unknown connector or username takes as long to refuse as a wrong password.
      await verifySecret(secret, await this.decoyHash());
      return undefined;
    }
    for (const credential of candidates) {
      if (await verifySecret(secret, credential.secretHash)) return credential.id;
    }
    return undefined;
  }

  private used(credentialId: number): number {
    const now = this.clock();
    if (now.getTime() - (this.touched.get(credentialId) ?? 0) >= TOUCH_EVERY_MS) {
      this.touched.set(credentialId, now.getTime());
      // Not while a sync commits: the request would wait for it. The next minute's touch will do.
      writeIfFree(this.sqlite, () => touchCredential(this.sqlite, credentialId, now));
    }
    return credentialId;
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= hashSecret("decoy: no credential matches");
    return this.decoy;
  }
}

function matches(credential: StoredCredential, presented: PresentedCredential): boolean {
  if (credential.scheme !== presented.scheme) return false;
  return presented.scheme === "bearer" || credential.username === presented.username;
}
