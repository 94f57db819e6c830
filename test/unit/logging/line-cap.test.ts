import { describe, expect, it } from "vitest";
import { MAX_LINE_BYTES, MAX_STRING_CHARS } from "../../../src/logging/line-cap.js";
import { createLogger } from "../../../src/logging/logger.js";

/** A logger whose lines (as the log store and stdout receive them) are kept here. */
function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger({
    level: "silent",
    also: { stream: { write: (line: string) => void lines.push(line) }, level: "debug" },
  });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, any>) };
}

describe("log line size cap", () => {
  it("leaves a line within the cap exactly as pino wrote it", () => {
    const { logger, parsed } = capturingLogger();
    logger.info({ userAgent: "Okta SCIM Client 1.0.0", query: "x".repeat(MAX_STRING_CHARS * 2) }, "scim request");
    expect(parsed()[0]).toMatchObject({
      msg: "scim request",
      userAgent: "Okta SCIM Client 1.0.0",
      query: "x".repeat(MAX_STRING_CHARS * 2),
    });
  });

  it.each([
    ["one huge field", { userAgent: "a".repeat(100_000) }],
    ["huge multi-byte text", { detail: "€".repeat(10_000) }],
    ["a huge error message", { err: new Error(`fault: ${"b".repeat(50_000)}`) }],
    ["many long fields", Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`field${i}`, "c".repeat(500)]))],
  ])("cuts %s to at most MAX_LINE_BYTES, keeping the message and saying what was cut", (_name, fields) => {
    const { logger, lines, parsed } = capturingLogger();
    logger.warn(fields, "SCIM requests refused");
    expect(Buffer.byteLength(lines[0]!)).toBeLessThanOrEqual(MAX_LINE_BYTES);
    const line = parsed()[0]!;
    expect(line).toMatchObject({ level: "warn", msg: "SCIM requests refused", service: "hr-gateway" });
    expect(lines[0]).toMatch(/truncated/);
  });

  it("keeps the start of a long field and the number of characters cut", () => {
    const { logger, parsed } = capturingLogger();
    logger.info({ userAgent: `flood/${"a".repeat(20_000)}` }, "scim request");
    expect(parsed()[0]!.userAgent).toBe(`flood/${"a".repeat(MAX_STRING_CHARS - 6)}…[truncated 18982 characters]`);
  });
});
