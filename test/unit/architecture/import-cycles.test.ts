import { describe, expect, it } from "vitest";
import { importCycles, sourceFiles } from "../../support/source-imports.js";

describe("the import graph", () => {
  it("src has no import cycle: data flows one way, and each module can be read without its importers", () => {
    expect(importCycles(sourceFiles("src"))).toEqual([]);
  });

  it("the cycle finder finds a loop (so an empty answer above means something)", () => {
    // The two halves of a loop this test kit keeps on purpose: nothing else imports them.
    expect(importCycles(["test/support/import-loop/a.ts", "test/support/import-loop/b.ts"])).toEqual([
      ["test/support/import-loop/a.ts", "test/support/import-loop/b.ts"],
    ]);
  });
});
