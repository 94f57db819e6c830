import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Versioned } from "../../../../src/sources/youforce/records.js";
import { keepBetter, versionOn } from "../../../../src/sources/youforce/rules/versions.js";

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

  it("chooses per key while reading and leaves records without a key out", () => {
    const chosen = new Map<string, Versioned>();
    expect(keepBetter(chosen, "A", v("1", "2020-01-01", "2025-12-31"), TODAY)).toBe("kept");
    expect(keepBetter(chosen, "A", v("2", "2026-01-01", null), TODAY)).toBe("kept");
    expect(keepBetter(chosen, "A", v("1", "2019-01-01", "2019-12-31"), TODAY)).toBe("dropped");
    expect(keepBetter(chosen, null, v("3", "2020-01-01", null), TODAY)).toBe("dropped");
    expect([...chosen.entries()].map(([key, record]) => [key, record.id])).toEqual([["A", "2"]]);
  });

  it("a version read again (changed during the read) replaces the one held when it ranks as high", () => {
    const chosen = new Map<string, Versioned & { nickname: string }>();
    keepBetter(chosen, "A", { ...v("1", "2020-01-01", null), nickname: "old" }, TODAY);
    expect(keepBetter(chosen, "A", { ...v("1", "2020-01-01", null), nickname: "new" }, TODAY)).toBe("kept");
    expect(chosen.get("A")?.nickname).toBe("new");
  });

  it("a version read again ranking lower than before cannot be decided: the versions it beat are gone", () => {
    const chosen = new Map<string, Versioned>();
    keepBetter(chosen, "A", v("1", "2025-01-01", "2025-12-31"), TODAY);
    keepBetter(chosen, "A", v("1", "2026-01-01", null), TODAY);
    // The valid version came again, ended before today: the ended 2025 one it had beaten might now count.
    expect(keepBetter(chosen, "A", v("1", "2026-01-01", "2026-01-05"), TODAY)).toBe("demoted");
  });
});

describe("choosing while reading", () => {
  const day = fc.constantFrom(null, "2025-06-01", "2026-01-09", TODAY, "2026-01-11", "2026-03-01");
  const version = fc.record({
    key: fc.constantFrom("A", "B", "C", null),
    id: fc.constantFrom("1", "2", "3", "4"),
    validFrom: day,
    validUntil: day,
  });

  it("keeps, per key, the version the whole group would give (versions read once each)", () => {
    fc.assert(
      fc.property(fc.array(version, { maxLength: 30 }), (read) => {
        // Each (id, validFrom) once, as after the read's own repeats: a repeat is the case below.
        const seen = new Set<string>();
        const versions = read.filter((record) => {
          const identity = `${record.id}|${record.validFrom}`;
          if (seen.has(identity)) return false;
          seen.add(identity);
          return true;
        });
        const chosen = new Map<string, (typeof versions)[number]>();
        for (const record of versions) keepBetter(chosen, record.key, record, TODAY);
        for (const key of ["A", "B", "C"]) {
          const group = versions.filter((record) => record.key === key);
          expect(chosen.get(key) ?? null).toBe(versionOn(group, TODAY));
        }
        expect([...chosen.keys()]).not.toContain(null);
      }),
    );
  });

  it("a version read again gives the whole group's choice, with the later copy in place of the earlier, or says it cannot", () => {
    fc.assert(
      fc.property(fc.array(version, { maxLength: 30 }), (read) => {
        // One key, so a repeat cannot move between groups; the batch keeps the later copy, at the later place.
        const chosen = new Map<string, (typeof read)[number]>();
        let demoted = false;
        for (const record of read) if (keepBetter(chosen, "A", record, TODAY) === "demoted") demoted = true;
        if (demoted) return;
        const batch = new Map<string, (typeof read)[number]>();
        for (const record of read) {
          const identity = `${record.id}|${record.validFrom}`;
          batch.delete(identity);
          batch.set(identity, record);
        }
        expect(chosen.get("A") ?? null).toBe(versionOn([...batch.values()], TODAY));
      }),
    );
  });
});
