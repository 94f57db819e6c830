import { describe, expect, it } from "vitest";
import { importSpecifiers, localImports, sourceFiles } from "../../support/source-imports.js";

/** What lifecycle/ may never import: configuration, the database, and the modules that do I/O. */
const FORBIDDEN =
  /^src\/(config|db|sync|scim|console|connectors|sources\/nmbrs|notify|logging|reader|runtime|server)\//;
const NODE_IO = /^(node:)?(fs|net|http|https|child_process|worker_threads|dgram|dns)(\/|$)/;

describe("lifecycle/ is pure rules: a function of (HR data, settings, today)", () => {
  it.each(sourceFiles("src/lifecycle"))("%s imports nothing from config/, db/ or a module with I/O", (file) => {
    expect(localImports(file).filter((target) => FORBIDDEN.test(target))).toEqual([]);
    expect(importSpecifiers(file).filter((name) => NODE_IO.test(name) || name === "better-sqlite3")).toEqual([]);
  });
});
