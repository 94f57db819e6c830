/**
 * One flat copy per distinct string. V8 keeps a string built from pieces (a template literal, randomUUID()) as a
 * tree of those pieces, with overhead per piece on top of the pieces themselves, for as long as the string lives. For
 * the strings a run holds per person until the commit that is worth a copy, and equal ones are worth sharing.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  shared(text: string): string {
    let kept = this.strings.get(text);
    if (kept === undefined) {
      kept = flatString(text);
      this.strings.set(kept, kept);
    }
    return kept;
  }
}

/** `text` as one flat string, whatever pieces it was built from. */
export function flatString(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}
