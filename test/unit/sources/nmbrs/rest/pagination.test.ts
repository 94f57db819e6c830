import { describe, expect, it } from "vitest";
import {
  firstPageUrl,
  nextPageUrl,
  PAGE_SIZE,
  readPage,
  type Page,
} from "../../../../../src/sources/nmbrs/rest/pagination.js";

const API = "https://api.nmbrsapp.com";
const first = firstPageUrl(API, "/api/companies/c1/employees", { year: 2026 });

function page(overrides: Partial<Page>): Page {
  return { items: [{}], totalPages: 3, totalRecords: 250, nextPage: null, ...overrides };
}

/** Our own URL for page `number`, as the client asked for it. */
function asked(number: number): URL {
  const url = new URL(first);
  url.searchParams.set("pageNumber", String(number));
  return url;
}

describe("REST paging", () => {
  it("asks for page 1 in pages of 100, keeping the other query parameters", () => {
    expect(first.href).toBe(`${API}/api/companies/c1/employees?year=2026&pageNumber=1&pageSize=${PAGE_SIZE}`);
    expect(PAGE_SIZE).toBe(100);
  });

  it.each([
    [
      "keeps pageSize and the other parameters though Nmbrs' nextPage carries only the page number",
      page({ nextPage: `${API}/api/companies/c1/employees?pageNumber=2` }),
      1,
      2,
    ],
    [
      "never follows a nextPage that points elsewhere (the token must not go there)",
      page({ nextPage: "https://evil.example/steal?pageNumber=7" }),
      1,
      2,
    ],
    [
      "goes on by totalPages when nextPage is empty (the vendor's example) but pages remain",
      page({ nextPage: "" }),
      1,
      2,
    ],
    ["goes on by totalPages when nextPage is null (brynq's end marker) but pages remain", page({}), 2, 3],
    [
      "goes on while nextPage says so when Nmbrs gives no totalPages",
      page({ totalPages: null, nextPage: "?pageNumber=5" }),
      4,
      5,
    ],
  ])("%s", (_rule, current, number, next) => {
    expect(nextPageUrl(current, asked(number), number)?.search).toBe(`?year=2026&pageNumber=${next}&pageSize=100`);
  });

  it.each([
    ["stops on the last page", page({ nextPage: "" }), 3],
    ["stops when there is no pagination at all", page({ totalPages: null }), 1],
    ["stops on an empty page, whatever the counts say", page({ items: [], nextPage: `${API}/api/x?pageNumber=2` }), 1],
  ])("%s", (_rule, current, number) => {
    expect(nextPageUrl(current, asked(number), number)).toBeNull();
  });

  it("gives up on a server that never says which page is the last", () => {
    expect(() => nextPageUrl(page({}), first, 100_000)).toThrow(RangeError);
  });

  it("reads the envelope tolerantly: extra fields are fine, a missing data array is not", () => {
    expect(
      readPage({
        pagination: { pageNumber: 1, pageSize: 20, totalPages: 1, totalRecords: 2, nextPage: "", firstPage: "x" },
        data: [{ a: 1 }, { a: 2 }],
      }),
    ).toEqual({
      items: [{ a: 1 }, { a: 2 }],
      totalPages: 1,
      totalRecords: 2,
      nextPage: null,
    });
    expect(() => readPage({ pagination: {} })).toThrow(/the list envelope field "data"/);
  });
});
