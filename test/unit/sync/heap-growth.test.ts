import { afterEach, describe, expect, it, vi } from "vitest";

const flags = vi.hoisted(() => [] as string[]);
vi.mock("node:v8", async (original) => ({
  ...(await original<typeof import("node:v8")>()),
  setFlagsFromString: (flag: string) => flags.push(flag),
}));

const { whileSyncing } = await import("../../../src/sync/heap-growth.js");

afterEach(() => {
  flags.length = 0;
});

describe("V8's heap growth in the gateway", () => {
  it("is bounded from the first sync thread until the last one has ended, and back to the serving setting after", () => {
    const run = whileSyncing();
    const preview = whileSyncing();
    expect(flags).toEqual(["--heap-growing-percent=25"]);
    run();
    run(); // ending twice (an answer, then the thread's exit) counts once
    expect(flags).toEqual(["--heap-growing-percent=25"]);
    preview();
    expect(flags).toEqual(["--heap-growing-percent=25", "--heap-growing-percent=100"]);
    whileSyncing()();
    expect(flags.slice(2)).toEqual(["--heap-growing-percent=25", "--heap-growing-percent=100"]);
  });
});
