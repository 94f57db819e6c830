import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../../src/db/open.js";
import { scimRequestLog } from "../../../../src/db/schema.js";
import { searchRequests } from "../../../../src/scim/observe/request-log.js";

function logged(
  rows: { at: string; connectorId: string; path: string; query?: string; status: number; error?: string }[],
) {
  const db = openDatabase(":memory:");
  db.orm
    .insert(scimRequestLog)
    .values(
      rows.map((row, index) => ({
        ...row,
        requestId: `r${index + 1}`,
        method: "GET",
        durationMs: 1.5,
        query: row.query ?? null,
        error: row.error ?? null,
      })),
    )
    .run();
  return db;
}

const rows = [
  {
    at: "2026-03-02T09:00:00.000Z",
    connectorId: "acme",
    path: "/scim/v2/Users",
    query: 'filter=userName eq "Anna"',
    status: 200,
  },
  { at: "2026-03-02T10:00:00.000Z", connectorId: "beta", path: "/scim/v2/Groups", status: 200 },
  {
    at: "2026-03-02T11:00:00.000Z",
    connectorId: "acme",
    path: "/scim/v2/Users/x",
    status: 404,
    error: "Resource NOT found",
  },
  { at: "2026-03-02T12:00:00.000Z", connectorId: "acme", path: "/scim/v2/Users", status: 401 },
];

describe("SCIM request log search", () => {
  it.each([
    [{}, [4, 3, 2, 1]],
    [{ connectorId: "beta" }, [2]],
    [{ text: "ANNA" }, [1]],
    [{ text: "not found" }, [3]],
    [{ text: "groups" }, [2]],
    [{ errorsOnly: true }, [4, 3]],
    [{ from: "2026-03-02T10:00:00.000Z", to: "2026-03-02T11:00:00.000Z" }, [3, 2]],
    [{ afterId: 2 }, [4, 3]],
    [{ beforeId: 3, connectorId: "acme" }, [1]],
    [{ connectorId: "acme", errorsOnly: true, text: "users" }, [4, 3]],
  ])("finds %o", (filter, ids) => {
    const db = logged(rows);
    expect(searchRequests(db.sqlite, { ...filter, limit: 10 }).map((row) => row.id)).toEqual(ids);
    db.close();
  });

  it("returns newest first up to the limit, with the columns the console shows", () => {
    const db = logged(rows);
    const [newest, ...rest] = searchRequests(db.sqlite, { limit: 2 });
    expect(rest).toHaveLength(1);
    expect(newest).toEqual({
      id: 4,
      at: "2026-03-02T12:00:00.000Z",
      connectorId: "acme",
      method: "GET",
      path: "/scim/v2/Users",
      query: null,
      status: 401,
      durationMs: 1.5,
      resultCount: null,
      totalResults: null,
      error: null,
      userAgent: null,
    });
    db.close();
  });
});
