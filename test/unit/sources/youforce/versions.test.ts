import { describe, expect, it } from "vitest";
import type { Versioned } from "../../../../src/sources/youforce/records.js";
import { chooseVersions, versionOn } from "../../../../src/sources/youforce/rules/versions.js";

const TODAY = "2026-01-10";
const v = (id: string, validFrom: string | null, validUntil: string | null): Versioned => ({
  id,
  validFrom,
  validUntil,
});

describe("of an entity's dated versions, today's counts", () => {
  it.each([
    [
      "the one valid today, over an ended and a future one",
      [v("ended", "2020-01-01", "2025-12-31"), v("today", "2026-01-01", null), v("future", "2026-02-01", null)],
      "today",
    ],
    [
      "valid today through an inclusive end date",
      [v("ends-today", "2025-01-01", TODAY), v("future", "2026-01-11", null)],
      "ends-today",
    ],
    ["valid from today", [v("ended", "2020-01-01", "2026-01-09"), v("from-today", TODAY, null)], "from-today"],
    ["an open start counts as valid since always", [v("open", null, null)], "open"],
    [
      "of two valid today, the later validFrom (the newer record)",
      [v("older", "2020-01-01", null), v("newer", "2025-06-01", null)],
      "newer",
    ],
    [
      "no valid one: the earliest future one",
      [v("later", "2026-03-01", null), v("sooner", "2026-02-01", "2026-02-28")],
      "sooner",
    ],
    [
      "no valid or future one: the one that ended last",
      [v("long-ago", "2010-01-01", "2015-01-01"), v("recent", "2015-01-02", "2025-12-31")],
      "recent",
    ],
    ["a tie keeps the one read later", [v("first", "2020-01-01", null), v("second", "2020-01-01", null)], "second"],
  ])("%s", (_case, versions, expected) => {
    expect(versionOn(versions, TODAY)?.id).toBe(expected);
  });

  it("chooses per key and leaves records without a key out", () => {
    const records = [
      { ...v("1", "2020-01-01", "2025-12-31"), code: "A" },
      { ...v("2", "2026-01-01", null), code: "A" },
      { ...v("3", "2020-01-01", null), code: null },
    ];
    const chosen = chooseVersions(records, (record) => record.code, TODAY);
    expect([...chosen.entries()].map(([key, record]) => [key, record.id])).toEqual([["A", "2"]]);
  });
});
