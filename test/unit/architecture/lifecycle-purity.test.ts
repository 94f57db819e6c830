import { describe, expect, it } from "vitest";
import { importSpecifiers, localImports, sourceFiles } from "../../support/source-imports.js";

/**
 * What lifecycle/ may never import: configuration, the database, the modules that do I/O, and the top-level start-up
 * files. Of sources/ only the boundary types, of directory/ only its pure schema names and case folding.
 */
const FORBIDDEN =
  /^src\/((config|db|sync|scim|console|connectors|notify|logging|reader|runtime|server|admins|audit|cli|ops|metrics|secrets)\/|sources\/(?!types\.ts$)|directory\/(?!(schema-urns|fold-case)\.ts$)|[^/]+\.tsx?$)/;
const NODE_IO = /^(node:)?(fs|net|http|https|child_process|worker_threads|dgram|dns)(\/|$)/;

describe("lifecycle/ is pure rules: a function of (HR data, settings, today)", () => {
  it.each(sourceFiles("src/lifecycle"))("%s imports nothing from config/, db/ or a module with I/O", (file) => {
    expect(localImports(file).filter((target) => FORBIDDEN.test(target))).toEqual([]);
    expect(importSpecifiers(file).filter((name) => NODE_IO.test(name) || name === "better-sqlite3")).toEqual([]);
  });

  it.each([
    ["src/sources/types.ts", false],
    ["src/directory/fold-case.ts", false],
    ["src/lifecycle/calendar.ts", false],
    ["src/sources/loket/records.ts", true],
    ["src/directory/commit-generation.ts", true],
    ["src/audit/audit-store.ts", true],
    ["src/clock.ts", true],
  ])("the rule allows or forbids %s (forbidden: %s)", (target, forbidden) => {
    expect(FORBIDDEN.test(target)).toBe(forbidden);
  });
});
