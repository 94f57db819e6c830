/**
 * A SOAP answer as the readers see it: its bytes, and the same bytes as a Latin-1 string, one character per byte, in
 * which the markup is scanned. Markup is ASCII, so offsets in the string are offsets in the bytes, and a value is
 * taken from the bytes: copied as it is when ASCII, decoded as UTF-8 only when it holds a byte of 0x80 or more.
 *
 * Decoded whole as UTF-8, one "’t Hart" made the whole answer a two-byte string (twice the bytes for every scan),
 * and every value read from it two-byte as well, for as long as the person is kept (BENCHMARKS.md, "The Nmbrs read,
 * scanned as Latin-1").
 */
export interface AnswerText {
  readonly bytes: Buffer;
  /** `bytes` as Latin-1: scan it for markup, never take text from it (a byte of 0x80 or more is not its character). */
  readonly latin1: string;
}

/** An answer's text; a string (a test's, an envelope built in code) is encoded as UTF-8 first. */
export function answerText(answer: Uint8Array | string): AnswerText {
  const bytes =
    typeof answer === "string"
      ? Buffer.from(answer, "utf8")
      : Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength);
  return { bytes, latin1: bytes.toString("latin1") };
}

/** The bytes `[from, to)` decoded as UTF-8 (a flat string of their own, not a view of the answer). */
export function utf8(answer: AnswerText, from = 0, to = answer.bytes.length): string {
  return answer.bytes.toString("utf8", from, to);
}
