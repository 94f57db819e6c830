import ts from "typescript";
import { describe, expect, it } from "vitest";
import { sourceFiles, sourceText } from "../../support/source-imports.js";

/** The one module that may read the wall clock; everything else is handed a `Clock` (or calls `systemClock`). */
const CLOCK_MODULE = "src/clock.ts";

/** `Date.now` (called or passed on) and `new Date()` without arguments, with their lines: reads of the clock. */
function clockReads(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const isDateNow =
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "Date" &&
      node.name.text === "now";
    const isNewDate =
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "Date" &&
      (node.arguments?.length ?? 0) === 0;
    if (isDateNow || isNewDate) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1}: ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("time is a parameter (as kanidm's linter enforces)", () => {
  it("no file in src reads the clock except src/clock.ts: Date.now and new Date() go through an injected Clock", () => {
    const reads = sourceFiles("src")
      .filter((file) => file !== CLOCK_MODULE)
      .flatMap((file) => clockReads(file, sourceText(file)));
    expect(reads).toEqual([]);
  });

  it("the check sees both forms, called or passed on, and lets a Date made from a value pass", () => {
    const text = [
      "const a = Date.now();",
      "const b = new Date();",
      "const c = new Date(0);",
      "const d = fn ?? Date.now;",
      "// Date.now() in a comment",
    ].join("\n");
    expect(clockReads("x.ts", text)).toEqual(["x.ts:1: Date.now", "x.ts:2: new Date()", "x.ts:4: Date.now"]);
  });
});
