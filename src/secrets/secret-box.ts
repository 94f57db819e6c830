import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Seals stored secrets (Nmbrs tokens, OAuth tokens, client secrets) with AES-256-GCM. A sealed value is
 * version (1 byte) | key id (4 bytes) | IV (12) | tag (16) | ciphertext, so that a later key rotation can tell
 * which key sealed a value, and a tampered or wrongly-keyed value fails to open instead of decrypting to garbage.
 */
export class SecretBox {
  private static readonly VERSION = 1;

  constructor(
    private readonly key: Buffer,
    /** Short identifier of the key (first bytes of its hash), stored with every sealed value. */
    readonly keyId: Buffer,
  ) {
    if (key.length !== 32) throw new Error("the encryption key must be 32 bytes");
    if (keyId.length !== 4) throw new Error("the key id must be 4 bytes");
  }

  seal(plaintext: string, context: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    // The context (e.g. "connector:acme") is authenticated, so a sealed value cannot be copied to another row.
    cipher.setAAD(Buffer.from(context, "utf8"));
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return Buffer.concat([Buffer.from([SecretBox.VERSION]), this.keyId, iv, cipher.getAuthTag(), ciphertext]);
  }

  open(sealed: Buffer, context: string): string {
    if (sealed.length < 33 || sealed[0] !== SecretBox.VERSION) throw new SecretBoxError("not a sealed value");
    if (!sealed.subarray(1, 5).equals(this.keyId)) {
      throw new SecretBoxError(
        "sealed with another encryption key (was the key changed without `npm run rotate-key`?)",
      );
    }
    const decipher = createDecipheriv("aes-256-gcm", this.key, sealed.subarray(5, 17));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(sealed.subarray(17, 33));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(33)), decipher.final()]).toString("utf8");
    } catch {
      throw new SecretBoxError("cannot be decrypted (damaged, or sealed for another record)");
    }
  }

  /** True when `sealed` was sealed with this box's key. */
  owns(sealed: Buffer): boolean {
    return sealed.length >= 5 && sealed.subarray(1, 5).equals(this.keyId);
  }
}

export class SecretBoxError extends Error {
  override readonly name = "SecretBoxError";
}
