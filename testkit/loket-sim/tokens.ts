import { randomBytes } from "node:crypto";

/**
 * The access tokens the simulated API accepts. The OAuth pages (testkit/loket-sim/oauth/, the consent branch) issue
 * through the same registry; tests and the demo call {@link LoketSimTokens.issue} directly, so they need not click
 * through a consent page. Revoking or expiring a token makes the API answer 401, as Loket does.
 */
export class LoketSimTokens {
  private readonly valid = new Set<string>();

  /** A new bearer token the API accepts until it is revoked or expired. */
  issue(): string {
    const token = `loket-sim-${randomBytes(24).toString("base64url")}`;
    this.valid.add(token);
    return token;
  }

  isValid(token: string): boolean {
    return this.valid.has(token);
  }

  /** The token stops working (expired early or withdrawn by the Loket user): the API answers 401 to it. */
  revoke(token: string): void {
    this.valid.delete(token);
  }

  /** Every token issued so far stops working (the app was withdrawn in Loket). */
  revokeAll(): void {
    this.valid.clear();
  }
}
