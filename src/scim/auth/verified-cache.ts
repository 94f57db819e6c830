import { createHmac, randomBytes } from "node:crypto";
import { BoundedMap } from "../list/bounded-map.js";

interface Verified {
  readonly connectorId: string;
  readonly credentialId: number;
}

/**
 * Authorization headers that passed scrypt, so the next pages of an import do not each pay for a scrypt. Keys are an
 * HMAC under a key made at start-up: the process never holds presented secrets, and a heap dump does not give a
 * table to test guesses against.
 */
export class VerifiedCache {
  private readonly key = randomBytes(32);
  private readonly entries: BoundedMap<string, Verified>;

  constructor(capacity = 1000) {
    this.entries = new BoundedMap(capacity);
  }

  get(connectorId: string, header: string): number | undefined {
    return this.entries.get(this.keyOf(connectorId, header))?.credentialId;
  }

  set(connectorId: string, header: string, credentialId: number): void {
    this.entries.set(this.keyOf(connectorId, header), { connectorId, credentialId });
  }

  delete(connectorId: string, header: string): void {
    this.entries.delete(this.keyOf(connectorId, header));
  }

  forgetConnector(connectorId: string): void {
    this.entries.deleteWhere((entry) => entry.connectorId === connectorId);
  }

  private keyOf(connectorId: string, header: string): string {
    return createHmac("sha256", this.key).update(connectorId).update("\u0000").update(header).digest("base64url");
  }
}
