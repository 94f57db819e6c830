import { createHmac, type Hmac } from "node:crypto";

/**
 * The digest of one company's raw answers (types.ts RawAnswersHook). Each answer is hashed on its own, chunk by chunk
 * as it is received, and filed under a label naming its call and parameters; the company's digest combines them in
 * label order, so calls in flight at once may answer in any order and the digest stays the same.
 */
export class RawAnswersDigest {
  private readonly answers = new Map<string, string>();

  constructor(private readonly key: Buffer) {}

  /** The hash of one answer: feed it every chunk, then {@link add} it. */
  answerHash(): Hmac {
    return createHmac("sha256", this.key);
  }

  /** Files an answer's hash; a retried call files its last answer under the same label. */
  add(label: string, hash: Hmac): void {
    this.file(label, hash.digest("base64url"));
  }

  /**
   * Files answers the source hashed itself before the key was known (AFAS reads Employments while listing employers,
   * before any fetch brings the key); only this digest, keyed, is ever stored.
   */
  file(label: string, answersHash: string): void {
    this.answers.set(label, answersHash);
  }

  /** The company's digest: every answer filed so far, and `reading`, what else shaped what was made of them. */
  digest(reading: unknown): string {
    const hash = createHmac("sha256", this.key).update(JSON.stringify(reading));
    for (const label of [...this.answers.keys()].sort()) hash.update(`\n${label}\n${this.answers.get(label)}`);
    return hash.digest("base64url");
  }
}
