import { describe, expect, it, vi } from "vitest";
import type { Logger } from "../../../src/logging/logger.js";

// A system where koffi has no build, or no libc.so.6 exists (Alpine's musl): loading malloc_trim fails.
vi.mock("koffi", () => ({
  default: {
    load: () => {
      throw new Error("libc.so.6: cannot open shared object file");
    },
  },
}));

const { returnFreeMemory } = await import("../../../src/sync/thread/return-free-memory.js");

function debugLines() {
  const lines: { fields: object; msg: string }[] = [];
  const logger = { debug: (fields: object, msg: string) => lines.push({ fields, msg }) } as unknown as Logger;
  return { logger, lines };
}

describe("returning the memory sync threads freed, where malloc_trim cannot be loaded", () => {
  it.runIf(process.platform === "linux")("goes on without it, and says why once, not after every sync", async () => {
    const { logger, lines } = debugLines();

    await returnFreeMemory(logger);
    await returnFreeMemory(logger);

    expect(lines).toEqual([
      {
        fields: { reason: "malloc_trim could not be loaded: libc.so.6: cannot open shared object file" },
        msg: "memory freed by sync threads stays with the allocator",
      },
    ]);
  });
});
