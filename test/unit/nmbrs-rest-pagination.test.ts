import { describe, expect, it } from "vitest";
import { firstPageUrl, nextPageUrl, PAGE_SIZE, readPage, type Page } from "../../src/sources/nmbrs/rest-pagination.js";

const API = "https://api.nmbrsapp.com";
const first = firstPageUrl(API, "/api/companies/c1/employees", { year: 2026 });

function page(overrides: Partial<Page>): Page {
  return { items: [{}], pageNumber: 1, totalPages: 3, totalRecords: 250, nextPage: null, ...overrides };
}

describe("REST paging", () => {
  it("asks for page 1 in pages of 100, keeping the other query parameters", () => {
    expect(first.href).toBe(`${API}/api/companies/c1/employees?year=2026&pageNumber=1&pageSize=${PAGE_SIZE}`);
    expect(PAGE_SIZE).toBe(100);
  });

  it.each([
    ["follows nextPage on the API's own origin", page({ nextPage: `${API}/api/companies/c1/employees?pageNumber=2&pageSize=100&year=2026` }), "pageNumber=2&pageSize=100&year=2026"],
    ["follows a relative nextPage", page({ nextPage: "/api/companies/c1/employees?pageNumber=2&pageSize=100" }), "pageNumber=2&pageSize=100"],
    ["asks for the next number itself when nextPage points elsewhere (the token must not go there)", page({ nextPage: "https://evil.example/steal?pageNumber=2" }), "year=2026&pageNumber=2&pageSize=100"],
    ["goes on by totalPages when nextPage is empty (the vendor's example) but pages remain", page({ nextPage: "" }), "year=2026&pageNumber=2&pageSize=100"],
    ["goes on by totalPages when nextPage is null (brynq's end marker) but pages remain", page({ pageNumber: 2 }), "year=2026&pageNumber=3&pageSize=100"],
  ])("%s", (_rule, current, query) => {
    expect(nextPageUrl(current, first, 1)?.search).toBe(`?${query}`);
  });

  it.each([
    ["stops on the last page", page({ pageNumber: 3 })],
    ["stops when there is no pagination at all", page({ pageNumber: null, totalPages: null })],
    ["stops on an empty page, whatever the counts say", page({ items: [], nextPage: `${API}/api/x?pageNumber=2` })],
  ])("%s", (_rule, current) => {
    expect(nextPageUrl(current, first, 1)).toBeNull();
  });

  it("gives up on a server that never says which page is the last", () => {
    expect(() => nextPageUrl(page({}), first, 100_000)).toThrow(RangeError);
  });

  it("reads the envelope tolerantly: extra fields are fine, a missing data array is not", () => {
    expect(readPage({ pagination: { pageNumber: 1, pageSize: 20, totalPages: 1, totalRecords: 2, nextPage: "", firstPage: "x" }, data: [{ a: 1 }, { a: 2 }] })).toEqual({
      items: [{ a: 1 }, { a: 2 }],
      pageNumber: 1,
      totalPages: 1,
      totalRecords: 2,
      nextPage: null,
    });
    expect(() => readPage({ pagination: {} })).toThrow(/the list envelope field "data"/);
  });
});
