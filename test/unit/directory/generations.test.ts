import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../../src/db/open.js";
import { commitGeneration } from "../../../src/directory/commit-generation.js";
import { pruneSuperseded } from "../../../src/directory/prune.js";
import {
  countInGeneration,
  currentById,
  currentGeneration,
  pageAfter,
  seqsInGeneration,
  servedById,
  servedPageAfter,
} from "../../../src/directory/read-generation.js";
import type { DesiredResource } from "../../../src/directory/resource.js";
import { servedUrls } from "../../../src/directory/served-body.js";

function freshDb(): Db {
  const db = openDatabase(":memory:");
  db.sqlite
    .prepare(
      "INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at) VALUES ('acme', 'nmbrs-soap', 'file', '{}', '', '')",
    )
    .run();
  return db;
}

const user = (n: number, extra: Record<string, unknown> = {}): DesiredResource => ({
  type: "User",
  scimId: `u${n}`,
  seq: n,
  userName: `User${n}@Acme.nl`,
  active: true,
  resource: {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    id: `u${n}`,
    userName: `User${n}@Acme.nl`,
    ...extra,
  },
});

/** Wraps a served page as `{"n": <items>, "r": [<resources>]}`. */
const WRAPPING = { before: '{"n":', between: ',"r":[', after: "]}" };
const unwrapped = <T>(page: { body: Buffer }) => JSON.parse(page.body.toString()) as { n: number; r: T[] };

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));

describe("directory generations", () => {
  it("serves nothing before the first commit", () => {
    const db = freshDb();
    expect(currentGeneration(db.sqlite, "acme")).toBe(0);
    expect(pageAfter(db.sqlite, "acme", "User", 0, 0, 100)).toEqual([]);
  });

  it("stores finished JSON with meta last, and serves it with meta.location spliced in", () => {
    const db = freshDb();
    const { gen, created } = commitGeneration(db.sqlite, "acme", [user(1)], day(1));
    expect(gen).toBe(1);
    expect(created).toHaveLength(1);
    const stored = currentById(db.sqlite, "acme", "User", "u1");
    expect(Object.keys(JSON.parse(stored!.body)).at(-1)).toBe("meta");
    const served = servedById(db.sqlite, servedUrls("https://gw/scim/v2/acme", "User"), "acme", "User", "u1");
    expect(served!.version).toBe(stored!.version);
    expect(JSON.parse(served!.body.toString()).meta).toEqual({
      resourceType: "User",
      created: day(1).toISOString(),
      lastModified: day(1).toISOString(),
      version: stored!.version,
      location: "https://gw/scim/v2/acme/Users/u1",
    });
  });

  it("serves a page as one comma-separated run of bodies, odd URLs JSON-escaped, a group's members only when asked", () => {
    const db = freshDb();
    const members = [{ value: "u1", display: 'Élodie "Ell" Ölçer' }];
    const team: DesiredResource = {
      type: "Group",
      scimId: "g1",
      seq: 1,
      resource: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], id: "g1", displayName: "Team", members },
    };
    commitGeneration(db.sqlite, "acme", [user(1, { displayName: "Élodie" }), user(2), user(3), team], day(1));
    const base = 'https://gw.example.nl/scim/v2/a"b';
    const page = servedPageAfter(
      db.sqlite,
      servedUrls(base, "User"),
      { connectorId: "acme", type: "User", gen: 1, afterSeq: 1, limit: 5, members: true },
      WRAPPING,
    );
    expect(page.items).toBe(2);
    expect(page.lastSeq).toBe(3);
    const users = unwrapped<{ id: string; meta: { location: string } }>(page).r;
    expect(unwrapped(page).n).toBe(2);
    expect(users.map((served) => [served.id, served.meta.location])).toEqual([
      ["u2", `${base}/Users/u2`],
      ["u3", `${base}/Users/u3`],
    ]);
    const groups = servedPageAfter(
      db.sqlite,
      servedUrls(base, "Group"),
      { connectorId: "acme", type: "Group", gen: 1, afterSeq: 0, limit: 100, members: true },
      WRAPPING,
    );
    const [served] = unwrapped<{ members: unknown[]; meta: { location: string } }>(groups).r;
    expect(served!.members).toEqual([{ value: "u1", display: 'Élodie "Ell" Ölçer' }]);
    expect(served!.meta.location).toBe(`${base}/Groups/g1`);
    const lean = servedPageAfter(
      db.sqlite,
      servedUrls(base, "Group"),
      { connectorId: "acme", type: "Group", gen: 1, afterSeq: 0, limit: 100, members: false },
      WRAPPING,
    );
    const [leanGroup] = unwrapped<Record<string, unknown>>(lean).r;
    expect(leanGroup).not.toHaveProperty("members");
    expect(leanGroup).toMatchObject({ id: "g1", displayName: "Team", meta: served!.meta });
    const empty = servedPageAfter(
      db.sqlite,
      servedUrls(base, "User"),
      { connectorId: "acme", type: "User", gen: 1, afterSeq: 3, limit: 100, members: true },
      WRAPPING,
    );
    expect(empty).toMatchObject({ items: 0, lastSeq: null });
    expect(unwrapped(empty)).toEqual({ n: 0, r: [] });
  });

  it("versions a group by its JSON with the members after it, as every release has (an upgrade re-versions nothing)", () => {
    const db = freshDb();
    const members = [
      { value: "u1", display: "Özge van ’t Hof" },
      { value: "u2", display: "Kees de Vries" },
    ];
    const rest = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], id: "g1", displayName: "Verkoop" };
    const group: DesiredResource = {
      type: "Group",
      scimId: "g1",
      seq: 1,
      displayName: "Verkoop",
      resource: { ...rest, members },
    };
    commitGeneration(db.sqlite, "acme", [group], day(1));
    const joined = `${JSON.stringify(rest)}${JSON.stringify(members)}`;
    const digest = createHash("sha256").update(joined).digest("base64url").slice(0, 22);
    expect(currentById(db.sqlite, "acme", "Group", "g1")!.version).toBe(`W/"${digest}"`);
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
    commitGeneration(
      db.sqlite,
      "acme",
      [5, 1, 3, 2, 4].map((n) => user(n)),
      day(1),
    );
    expect(pageAfter(db.sqlite, "acme", "User", 1, 2, 2).map((r) => r.seq)).toEqual([3, 4]);
  });

  it("joins a served page in seq order, also when newer rows were written in another order", () => {
    const db = freshDb();
    commitGeneration(
      db.sqlite,
      "acme",
      [5, 1, 3, 2, 4].map((n) => user(n)),
      day(1),
    );
    // Rewritten rows get later rowids than their unchanged neighbours.
    commitGeneration(
      db.sqlite,
      "acme",
      [user(4, { title: "b" }), user(1, { title: "a" }), user(2), user(3), user(5)],
      day(2),
    );
    const urls = servedUrls("https://gw/scim/v2/acme", "User");
    const page = servedPageAfter(
      db.sqlite,
      urls,
      { connectorId: "acme", type: "User", gen: 2, afterSeq: 0, limit: 10, members: true },
      WRAPPING,
    );
    const ids = unwrapped<{ id: string }>(page).r.map((served) => served.id);
    expect(ids).toEqual(["u1", "u2", "u3", "u4", "u5"]);
    expect(page).toMatchObject({ items: 5, lastSeq: 5 });
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
