import { describe, expect, it } from "vitest";
import { SourceError } from "../../../../src/sources/types.js";
import { MAX_READS, readAllRows } from "../../../../src/sources/afas/paging.js";
import type { Row } from "../../../../src/sources/afas/rows.js";

type Change = (rows: Row[]) => void;

/**
 * A GetConnector over `rows` (sorted on Medewerker) whose data changes after the given page requests: `changes[n]`
 * runs after the n-th request (0-based) was answered. Returns the rows read and the skips asked for.
 */
async function read(count: number, pageSize: number, changes: Record<number, Change> = {}) {
  const rows: Row[] = Array.from({ length: count }, (_, i) => ({ Medewerker: String(1000 + i) }));
  const skips: number[] = [];
  const result = await readAllRows({
    connector: "HRGateway_Employees",
    sortFields: ["Medewerker"],
    pageSize,
    page: async (skip, take) => {
      const page = rows.slice(skip, skip + take);
      changes[skips.length]?.(rows);
      skips.push(skip);
      return page;
    },
  }).then(
    (read) => read.map((row) => row.Medewerker),
    (error: unknown) => error,
  );
  return { result, skips };
}

const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(1000 + from + i));
const deleteAt =
  (index: number): Change =>
  (rows) => {
    rows.splice(index, 1);
  };
const insertAt =
  (index: number, medewerker: string): Change =>
  (rows) => {
    rows.splice(index, 0, { Medewerker: medewerker });
  };

describe("GetConnector pages overlap by one row", () => {
  it.each([
    ["fewer rows than a page: one request", 3, 5, [0]],
    ["exactly one page: a second request returns the overlap row only", 5, 5, [0, 4]],
    ["several pages, each starting at the previous page's last row", 12, 5, [0, 4, 8]],
    ["the smallest page size, 2, still advances", 4, 2, [0, 1, 2, 3]],
    ["no rows at all", 0, 5, [0]],
  ])("%s", async (_case, count, pageSize, expectedSkips) => {
    const { result, skips } = await read(count, pageSize);
    expect(result).toEqual(numbers(0, count - 1));
    expect(skips).toEqual(expectedSkips);
  });

  it("a deletion before the read position while paging restarts the read, and nobody else is lost", async () => {
    // Plain skip/take would lose 1005: the deletion of 1001 shifts it into the part already skipped.
    const { result, skips } = await read(12, 5, { 0: deleteAt(1) });
    expect(result).toEqual(numbers(0, 11).filter((number) => number !== "1001"));
    expect(skips).toEqual([0, 4, 0, 4, 8]);
  });

  it("an insertion before the read position restarts the read, and the new row is read once", async () => {
    const { result } = await read(12, 5, { 0: insertAt(0, "0999") });
    expect(result).toEqual(["0999", ...numbers(0, 11)]);
  });

  it("a change after the read position needs no restart", async () => {
    const { result, skips } = await read(12, 5, { 0: deleteAt(10) });
    expect(result).toEqual(numbers(0, 11).filter((number) => number !== "1010"));
    expect(skips).toEqual([0, 4, 8]);
  });

  it(`data that keeps changing fails after ${MAX_READS} reads, transient`, async () => {
    const everyRead = Object.fromEntries(Array.from({ length: MAX_READS * 2 }, (_, n) => [n, deleteAt(0)]));
    const { result } = await read(20, 5, everyRead);
    expect(result).toBeInstanceOf(SourceError);
    expect((result as SourceError).details).toMatchObject({ code: "afas_unstable", transient: true });
  });

  it("a row repeating the previous sort key is kept once", async () => {
    const rows = [{ Medewerker: "1" }, { Medewerker: "2", Roepnaam: "first" }, { Medewerker: "2", Roepnaam: "second" }];
    const repeats: string[] = [];
    const result = await readAllRows({
      connector: "HRGateway_Employees",
      sortFields: ["Medewerker"],
      pageSize: 10,
      page: async (skip, take) => rows.slice(skip, skip + take),
      onRepeat: (key) => repeats.push(key),
    });
    expect(result).toEqual([rows[0], rows[1]]);
    expect(repeats).toHaveLength(1);
  });
});
