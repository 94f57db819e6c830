import { describe, expect, it } from "vitest";
import { faultFromResponse, readProblem, retryAfterMs } from "../../../../../src/sources/nmbrs/rest/problems.js";

const site = { operation: "GET /api/companies/{companyId}/employees", company: "3" };
const NOW = Date.parse("2026-11-28T08:00:00Z");

function fault(status: number, body: unknown, headers: Record<string, string> = {}) {
  return faultFromResponse(
    status,
    new Headers(headers),
    typeof body === "string" ? body : JSON.stringify(body),
    site,
    NOW,
  );
}

describe("Nmbrs REST error answers", () => {
  it.each([
    ["delta seconds", "7", 7000],
    ["an HTTP date", "Sat, 28 Nov 2026 08:00:30 GMT", 30_000],
    ["an HTTP date already past", "Sat, 28 Nov 2026 07:00:00 GMT", 0],
    ["nothing", null, undefined],
    ["something unreadable", "soon", undefined],
  ])("reads Retry-After given as %s", (_form, header, expected) => {
    expect(retryAfterMs(header, NOW)).toBe(expected);
  });

  it("reads RFC 7807 problems and API Management's own refusals", () => {
    expect(
      readProblem(
        JSON.stringify({
          type: "https://x/err",
          title: "Bad",
          status: 400,
          detail: "pageSize too large",
          code: "InvalidPagination",
        }),
      ),
    ).toEqual({
      type: "https://x/err",
      title: "Bad",
      status: 400,
      detail: "pageSize too large",
      code: "InvalidPagination",
    });
    expect(
      readProblem(JSON.stringify({ statusCode: 401, message: "Access denied due to invalid subscription key." })),
    ).toMatchObject({ status: 401, detail: "Access denied due to invalid subscription key." });
    expect(readProblem("<html>502 Bad Gateway</html>")).toBeNull();
  });

  it.each([
    [
      429,
      { title: "Too Many Requests" },
      { "retry-after": "2" },
      { transient: true, retryAfterMs: 2000, needsAttention: false },
    ],
    [503, "", {}, { transient: true, retryAfterMs: undefined, needsAttention: false }],
    [502, "<html/>", {}, { transient: true, retryAfterMs: undefined, needsAttention: false }],
    [429, {}, { "retry-after": "900" }, { transient: false, retryAfterMs: undefined, needsAttention: false }],
    [
      403,
      { title: "Forbidden", detail: "no access", code: "Denied" },
      {},
      { transient: false, retryAfterMs: undefined, needsAttention: true },
    ],
    [404, { title: "Not Found" }, {}, { transient: false, retryAfterMs: undefined, needsAttention: true }],
    [
      400,
      { title: "Bad Request", detail: "pageSize" },
      {},
      { transient: false, retryAfterMs: undefined, needsAttention: false },
    ],
  ])("HTTP %s: retried only when it can help, flagged when the admin must act", (status, body, headers, expected) => {
    const error = fault(status, body, headers);
    expect({
      transient: !!error.details.transient,
      retryAfterMs: error.retryAfterMs,
      needsAttention: !!error.details.needsAttention,
    }).toEqual(expected);
    expect(error.message).toContain("GET /api/companies/{companyId}/employees (company 3)");
  });

  it("tells the admin what Nmbrs said, with its code and documentation link", () => {
    const error = fault(403, {
      type: "https://developer.nmbrs.com/errors/403",
      title: "Forbidden",
      detail: "The user has no access.",
      code: "CompanyAccessDenied",
    });
    expect(error.code).toBe("CompanyAccessDenied");
    expect(error.message).toContain(
      ": Forbidden: The user has no access. (code CompanyAccessDenied, see https://developer.nmbrs.com/errors/403)",
    );
  });

  it("names the subscription key, not the token, when API Management refuses the key", () => {
    const error = fault(401, {
      statusCode: 401,
      message:
        "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.",
    });
    expect(error).toMatchObject({ code: "subscription-key", details: { needsAttention: true } });
    expect(error.message).toMatch(/subscription key in the connector settings/);
  });
});
