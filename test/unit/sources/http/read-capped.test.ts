import { describe, expect, it } from "vitest";
import { readCapped } from "../../../../src/sources/http/read-capped.js";

/** A body that hands out `chunks` one read at a time and remembers whether the reader cancelled it. */
function bodyOf(chunks: string[]): {
  body: ReadableStream<Uint8Array>;
  cancelled: () => boolean;
  pulled: () => number;
} {
  let next = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(chunk));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled, pulled: () => next };
}

class TooLarge extends Error {}

describe("readCapped", () => {
  it("hands every chunk on in order and counts the bytes", async () => {
    const { body, cancelled } = bodyOf(["ab", "cde", "f"]);
    const taken: string[] = [];
    const bytes = await readCapped(
      body,
      6,
      () => new TooLarge(),
      (chunk) => taken.push(Buffer.from(chunk).toString()),
    );
    expect(taken).toEqual(["ab", "cde", "f"]);
    expect(bytes).toBe(6);
    expect(cancelled()).toBe(false);
  });

  it("an answer past the cap is cancelled at the chunk that passes it, and the caller's error thrown", async () => {
    const { body, cancelled, pulled } = bodyOf(["abc", "def", "ghi", "jkl"]);
    const taken: Uint8Array[] = [];
    await expect(
      readCapped(
        body,
        5,
        () => new TooLarge("too large"),
        (chunk) => taken.push(chunk),
      ),
    ).rejects.toThrow(TooLarge);
    expect(taken).toHaveLength(1);
    expect(cancelled()).toBe(true);
    expect(pulled()).toBeLessThan(4);
  });

  it("no body is zero bytes", async () => {
    const taken: Uint8Array[] = [];
    expect(
      await readCapped(
        null,
        10,
        () => new TooLarge(),
        (chunk) => taken.push(chunk),
      ),
    ).toBe(0);
    expect(taken).toEqual([]);
  });
});
