import { describe, expect, it, vi } from "vitest";
import type { Logger } from "../../../src/logging/logger.js";

// A libc whose malloc_trim loads but fails when called (koffi throws on a bad call).
vi.mock("koffi", () => ({
  default: {
    load: () => ({
      func: () => () => {
        throw new Error("koffi could not make the call");
      },
    }),
  },
}));

const { returnFreeMemory } = await import("../../../src/sync/thread/return-free-memory.js");

describe("returning the memory sync threads freed, where the call itself fails", () => {
  it.runIf(process.platform === "linux")(
    "resolves anyway and warns, since nobody awaits it and the gateway must go on",
    async () => {
      const warnings: { fields: object; msg: string }[] = [];
      const logger = {
        debug: () => {},
        warn: (fields: object, msg: string) => warnings.push({ fields, msg }),
      } as unknown as Logger;

      await expect(returnFreeMemory(logger)).resolves.toBeUndefined();

      expect(warnings).toEqual([
        {
          fields: { err: "koffi could not make the call" },
          msg: "malloc_trim failed; memory freed by sync threads stays with the allocator",
        },
      ]);
    },
  );
});
