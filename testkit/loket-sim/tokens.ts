import { randomBytes } from "node:crypto";

/**
 * Access tokens the simulated API accepts without a consent: tests, the benchmark and the demo call
 * {@link LoketSimTokens.issue} so they need not click through the consent page (the API also accepts what the OAuth
 * part, testkit/loket-sim/oauth/, issued). Revoking a token makes the API answer 401, as Loket does.
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
