import { describe, expect, it } from "vitest";
import { flatString, StringPool } from "../../../src/sync/shared-strings.js";

describe("shared strings", () => {
  it("copies text built from pieces unchanged, non-Latin-1 characters included", () => {
    const built = `active: ${"employment"} ${"2020-01-01"}–${"open"}; ${"Ölçer"} ’t ${"😀"}`;
    expect(flatString(built)).toBe("active: employment 2020-01-01–open; Ölçer ’t 😀");
    expect(flatString("")).toBe("");
  });

  it("hands out one copy per distinct text", () => {
    const pool = new StringPool();
    const reasons = [1, 2, 1, 3, 1].map((n) => pool.shared(`active: employment 20${n}0-01-01–open`));
    expect(reasons).toEqual([
      "active: employment 2010-01-01–open",
      "active: employment 2020-01-01–open",
      "active: employment 2010-01-01–open",
      "active: employment 2030-01-01–open",
      "active: employment 2010-01-01–open",
    ]);
  });
});
