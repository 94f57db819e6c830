import { describe, expect, it } from "vitest";
import { MAX_READS, readAllPages, type LoketPage } from "../../../../src/sources/loket/paging.js";
import { SourceError } from "../../../../src/sources/types.js";

type Item = { id: string };
const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));

/** Pages served from a list that `change` may edit after each page, as a Loket read sees deletions between pages. */
function pager(list: Item[], pageSize: number, change?: (pageNumber: number, list: Item[]) => void) {
  const asked: number[] = [];
  return {
    asked,
    page: async (pageNumber: number): Promise<LoketPage<Item>> => {
      asked.push(pageNumber);
      const totalPages = Math.ceil(list.length / pageSize);
      const page = {
        items: list.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
        currentPage: pageNumber,
        totalPages,
        totalSize: list.length,
      };
      change?.(pageNumber, list);
      return page;
    },
  };
}

const read = (page: (n: number) => Promise<LoketPage<Item>>, onRepeat?: (id: string) => void) =>
  readAllPages<Item>({
    operation: "GET providers/employers/{employerId}/employees",
    page,
    idOf: (item) => item.id,
    ...(onRepeat ? { onRepeat } : {}),
  });

describe("Loket page-number reads (the Loket spec §1 pinned)", () => {
  it("reads until currentPage >= totalPages, whatever the page length", async () => {
    const source = pager(items("a", "b", "c", "d", "e"), 2);
    expect((await read(source.page)).map((item) => item.id)).toEqual(["a", "b", "c", "d", "e"]);
    expect(source.asked).toEqual([1, 2, 3]);
  });

  it("an empty collection is one page", async () => {
    const source = pager([], 2);
    expect(await read(source.page)).toEqual([]);
    expect(source.asked).toEqual([1]);
  });

  it("a deletion between pages (totalSize changes) reads again from page 1, and then loses nobody", async () => {
    let deleted = false;
    const source = pager(items("a", "b", "c", "d", "e"), 2, (pageNumber, list) => {
      if (pageNumber === 1 && !deleted) {
        deleted = true;
        list.splice(0, 1);
      }
    });
    expect((await read(source.page)).map((item) => item.id)).toEqual(["b", "c", "d", "e"]);
    // Page 2 already says 4: the read stops there and starts again.
    expect(source.asked).toEqual([1, 2, 1, 2]);
  });

  it("a read whose distinct ids fall short of totalSize is read again", async () => {
    let calls = 0;
    const page = async (pageNumber: number): Promise<LoketPage<Item>> => {
      calls++;
      // The first read repeats "b" on page 2 (a shift), so only 3 distinct of 4.
      const second = calls <= 2 ? items("b", "c") : items("c", "d");
      return {
        items: pageNumber === 1 ? items("a", "b") : second,
        currentPage: pageNumber,
        totalPages: 2,
        totalSize: 4,
      };
    };
    const repeats: string[] = [];
    expect((await read(page, (id) => repeats.push(id))).map((item) => item.id)).toEqual(["a", "b", "c", "d"]);
    expect(repeats).toEqual(["b"]);
    expect(calls).toBe(4);
  });

  it(`a collection that keeps changing fails after ${MAX_READS} reads with loket_unstable (transient)`, async () => {
    const source = pager(items("a", "b", "c", "d", "e", "f", "g", "h"), 2, (pageNumber, list) => {
      if (pageNumber === 2) list.pop();
    });
    const error = await read(source.page).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).details).toMatchObject({ code: "loket_unstable", transient: true });
    expect(source.asked.filter((n) => n === 1)).toHaveLength(MAX_READS);
  });

  it("a repeated id is kept once, the first wins, when the totals still add up", async () => {
    const page = async (): Promise<LoketPage<Item>> => ({
      items: [{ id: "a", v: 1 } as Item, { id: "a", v: 2 } as Item, { id: "b" }],
      currentPage: 1,
      totalPages: 1,
      totalSize: 2,
    });
    expect(await read(page)).toEqual([{ id: "a", v: 1 }, { id: "b" }]);
  });
});
