import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Versioned } from "../../../../../src/sources/youforce/records.js";
import { VersionChoice, versionOn } from "../../../../../src/sources/youforce/rules/versions.js";

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
    const choice = new VersionChoice<Versioned>(TODAY);
    choice.offer("A", v("1", "2020-01-01", "2025-12-31"));
    choice.offer("A", v("2", "2026-01-01", null));
    choice.offer("A", v("1", "2019-01-01", "2019-12-31"));
    choice.offer(null, v("3", "2020-01-01", null));
    expect([...choice.chosen.entries()].map(([key, record]) => [key, record.id])).toEqual([["A", "2"]]);
    expect(choice.undecided()).toEqual([]);
  });

  it("a version read again (changed during the read) replaces the one held", () => {
    const choice = new VersionChoice<Versioned & { nickname: string }>(TODAY);
    choice.offer("A", { ...v("1", "2020-01-01", null), nickname: "old" });
    choice.offer("A", { ...v("1", "2020-01-01", null), nickname: "new" });
    expect(choice.chosen.get("A")?.nickname).toBe("new");
    expect(choice.undecided()).toEqual([]);
  });

  it("a version read again ranking lower is in doubt: the versions it beat are gone", () => {
    const choice = new VersionChoice<Versioned>(TODAY);
    choice.offer("A", v("old", "2025-01-01", "2025-12-31"));
    choice.offer("A", v("now", "2026-01-01", null));
    // The valid version came again, ended before today: the ended 2025 one it had beaten might now count.
    choice.offer("A", v("now", "2026-01-01", "2026-01-05"));
    expect(choice.undecided()).toEqual(["now"]);
  });

  it("the doubt is settled by a later version ranking as high (a new version added, the old one ended)", () => {
    const choice = new VersionChoice<Versioned>(TODAY);
    choice.offer("A", v("old", "2025-01-01", "2025-12-31"));
    choice.offer("A", v("now", "2026-01-01", null));
    choice.offer("A", v("now", "2026-01-01", "2026-01-09"));
    choice.offer("A", v("new", TODAY, null));
    expect(choice.undecided()).toEqual([]);
    expect(choice.chosen.get("A")?.id).toBe("new");
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
        const choice = new VersionChoice<(typeof versions)[number]>(TODAY);
        for (const record of versions) choice.offer(record.key, record);
        for (const key of ["A", "B", "C"]) {
          const group = versions.filter((record) => record.key === key);
          expect(choice.chosen.get(key) ?? null).toBe(versionOn(group, TODAY));
        }
        expect(choice.chosen.size).toBe(new Set(versions.map((record) => record.key).filter(Boolean)).size);
        expect(choice.undecided()).toEqual([]);
      }),
    );
  });

  it("with versions read again, gives the whole group's choice (the later copy in place of the earlier) or says it cannot", () => {
    let decided = 0;
    fc.assert(
      fc.property(fc.array(version, { maxLength: 30 }), (read) => {
        // One key, so a repeat cannot move between groups; the batch keeps the later copy, at the later place.
        const choice = new VersionChoice<(typeof read)[number]>(TODAY);
        for (const record of read) choice.offer("A", record);
        if (choice.undecided().length > 0) return;
        decided++;
        const batch = new Map<string, (typeof read)[number]>();
        for (const record of read) {
          const identity = `${record.id}|${record.validFrom}`;
          batch.delete(identity);
          batch.set(identity, record);
        }
        expect(choice.chosen.get("A") ?? null).toBe(versionOn([...batch.values()], TODAY));
      }),
    );
    // Most reads decide: doubt is the rare case, not the way out of the comparison.
    expect(decided).toBeGreaterThan(50);
  });
});
