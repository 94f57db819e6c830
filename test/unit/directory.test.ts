import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db/open.js";
import { commitGeneration } from "../../src/directory/commit-generation.js";
import { pruneSuperseded } from "../../src/directory/prune.js";
import {
  countInGeneration,
  currentById,
  currentGeneration,
  pageAfter,
  seqsInGeneration,
} from "../../src/directory/read-generation.js";
import { withLocation, type DesiredResource } from "../../src/directory/resource.js";

function freshDb(): Db {
  const db = openDatabase(":memory:");
  db.sqlite
    .prepare("INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at) VALUES ('acme', 'nmbrs-soap', 'file', '{}', '', '')")
    .run();
  return db;
}

const user = (n: number, extra: Record<string, unknown> = {}): DesiredResource => ({
  type: "User",
  scimId: `u${n}`,
  seq: n,
  userName: `User${n}@Acme.nl`,
  active: true,
  resource: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], id: `u${n}`, userName: `User${n}@Acme.nl`, ...extra },
});

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));

describe("directory generations", () => {
  it("serves nothing before the first commit", () => {
    const db = freshDb();
    expect(currentGeneration(db.sqlite, "acme")).toBe(0);
    expect(pageAfter(db.sqlite, "acme", "User", 0, 0, 100)).toEqual([]);
  });

  it("stores finished JSON with meta last, so a location can be spliced in", () => {
    const db = freshDb();
    const { gen, created } = commitGeneration(db.sqlite, "acme", [user(1)], day(1));
    expect(gen).toBe(1);
    expect(created).toHaveLength(1);
    const stored = currentById(db.sqlite, "acme", "User", "u1");
    const served = JSON.parse(Buffer.concat(withLocation(Buffer.from(stored!.body), "https://gw/scim/v2/acme/Users/u1")).toString());
    expect(served.meta).toEqual({
      resourceType: "User",
      created: day(1).toISOString(),
      lastModified: day(1).toISOString(),
      version: stored!.version,
      location: "https://gw/scim/v2/acme/Users/u1",
    });
    expect(Object.keys(served).at(-1)).toBe("meta");
  });

  it("keeps the version and lastModified of an unchanged resource, and makes no new generation", () => {
    const db = freshDb();
    commitGeneration(db.sqlite, "acme", [user(1)], day(1));
    const before = currentById(db.sqlite, "acme", "User", "u1");
    const result = commitGeneration(db.sqlite, "acme", [user(1)], day(2));
    expect(result).toMatchObject({ gen: 1, created: [], updated: [], removed: [] });
    expect(currentById(db.sqlite, "acme", "User", "u1")).toEqual(before);
  });

  it("keeps the old rows visible to a reader pinned to the previous generation", () => {
    const db = freshDb();
    commitGeneration(db.sqlite, "acme", [user(1), user(2), user(3)], day(1));
    const changes = commitGeneration(db.sqlite, "acme", [user(1, { title: "CEO" }), user(3), user(4)], day(2));
    expect(changes.gen).toBe(2);
    expect(changes.updated.map((c) => c.scimId)).toEqual(["u1"]);
    expect(changes.created.map((c) => c.scimId)).toEqual(["u4"]);
    expect(changes.removed.map((c) => c.scimId)).toEqual(["u2"]);

    const old = pageAfter(db.sqlite, "acme", "User", 1, 0, 10);
    expect(old.map((r) => r.scimId)).toEqual(["u1", "u2", "u3"]);
    expect(JSON.parse(old[0]!.body.toString()).title).toBeUndefined();
    const now = pageAfter(db.sqlite, "acme", "User", 2, 0, 10);
    expect(now.map((r) => r.scimId)).toEqual(["u1", "u3", "u4"]);
    expect(JSON.parse(now[0]!.body.toString()).title).toBe("CEO");
    expect(JSON.parse(now[0]!.body.toString()).meta.created).toBe(day(1).toISOString());
    expect(countInGeneration(db.sqlite, "acme", "User", 1)).toBe(3);
    expect([...seqsInGeneration(db.sqlite, "acme", "User", 2)]).toEqual([1, 3, 4]);
  });

  it("pages by keyset in seq order", () => {
    const db = freshDb();
    commitGeneration(db.sqlite, "acme", [5, 1, 3, 2, 4].map((n) => user(n)), day(1));
    expect(pageAfter(db.sqlite, "acme", "User", 1, 2, 2).map((r) => r.seq)).toEqual([3, 4]);
  });

  it("prunes only rows that no pinned reader can see", () => {
    const db = freshDb();
    commitGeneration(db.sqlite, "acme", [user(1)], day(1));
    commitGeneration(db.sqlite, "acme", [user(1, { title: "a" })], day(2));
    commitGeneration(db.sqlite, "acme", [user(1, { title: "b" })], day(3));
    expect(pruneSuperseded(db.sqlite, "acme", 2)).toBe(1);
    expect(pageAfter(db.sqlite, "acme", "User", 2, 0, 10)).toHaveLength(1);
    expect(pruneSuperseded(db.sqlite, "acme", 3)).toBe(1);
    expect(db.sqlite.prepare("SELECT count(*) FROM scim_resources").pluck().get()).toBe(1);
  });

  it("rejects a generation that lists one resource twice", () => {
    const db = freshDb();
    expect(() => commitGeneration(db.sqlite, "acme", [user(1), user(1)], day(1))).toThrow(/duplicate/);
    expect(currentGeneration(db.sqlite, "acme")).toBe(0);
  });
});
