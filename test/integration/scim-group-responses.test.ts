import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { currentById } from "../../src/directory/read-generation.js";
import { GZIP_THRESHOLD_BYTES } from "../../src/scim/http/compressed-response.js";
import { OKTA_HEADERS } from "../../testkit/okta-sim/okta-scim-client.js";
import { commit, group, users } from "../support/scim-fixtures.js";
import { startScimServer, type ScimTestServer } from "../support/scim-server.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
let server: ScimTestServer;
afterEach(async () => server?.close());

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly bytes: Buffer;
}

// Okta's headers but the Accept-Encoding it sends (Okta's SCIM documentation): each test says what it accepts.
const { "Accept-Encoding": _okta, ...HEADERS } = OKTA_HEADERS;

/** A GET as sent, bytes as received: fetch would ask for gzip itself and hide what came over the wire. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const call = request(
      `${server.base()}${path}`,
      { headers: { ...HEADERS, Authorization: server.bearer, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }),
        );
        response.on("error", reject);
      },
    );
    call.on("error", reject);
    call.end();
  });
}

const json = (raw: Raw) => JSON.parse(raw.bytes.toString("utf8"));

/** 6,000 people; a company group of all of them (well above the gzip threshold) and two small teams. */
async function seeded() {
  server = await startScimServer({ dir: tempDir() });
  const people = users(6000);
  commit(
    server.db,
    "acme",
    [
      ...people,
      group(1, "Acme", people),
      group(2, "Sales", people.slice(0, 2)),
      group(3, "Support", people.slice(2, 4)),
    ],
    server.clock(),
  );
}

describe("/Groups responses Okta and other clients can afford", () => {
  it("excludedAttributes=members leaves the members out of a list and of one group, nothing else", async () => {
    await seeded();
    const full = json(await rawGet("/Groups?startIndex=1&count=100"));
    const lean = json(await rawGet("/Groups?startIndex=1&count=100&excludedAttributes=members"));
    expect(lean.totalResults).toBe(3);
    expect(full.Resources[0].members).toHaveLength(6000);
    const withoutMembers = full.Resources.map(({ members: _members, ...rest }: Record<string, unknown>) => rest);
    expect(lean.Resources).toEqual(withoutMembers);

    const one = await rawGet("/Groups/g-0002?excludedAttributes=members");
    const whole = await rawGet("/Groups/g-0002");
    expect(json(one)).toEqual(withoutMembers[1]);
    expect(json(whole).members).toEqual([
      { value: "u-000001", display: "Jan1 de Vries" },
      { value: "u-000002", display: "Jan2 de Vries" },
    ]);
    expect(one.headers.etag).toBe(whole.headers.etag);
  });

  it("attributes=displayName serves id, schemas and displayName; attributes=members serves the members", async () => {
    await seeded();
    const names = json(await rawGet("/Groups?attributes=displayName"));
    expect(names.Resources[1]).toEqual({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      id: "g-0002",
      displayName: "Sales",
    });
    const one = json(await rawGet("/Groups/g-0003?attributes=displayName"));
    expect(one).toEqual({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      id: "g-0003",
      displayName: "Support",
    });
    const members = json(await rawGet("/Groups/g-0003?attributes=members"));
    expect(members.members.map((member: { value: string }) => member.value)).toEqual(["u-000003", "u-000004"]);
    expect(members).not.toHaveProperty("displayName");
  });

  it("answers without members without reading them: a group whose stored members cannot be read is still served", async () => {
    await seeded();
    // Not JSON at all: any answer that touched the column would be invalid or fail.
    server.db.sqlite.prepare("UPDATE scim_resources SET members = '<unreadable' WHERE scim_id = 'g-0001'").run();
    const lean = await rawGet("/Groups?excludedAttributes=members");
    expect(lean.status).toBe(200);
    expect(json(lean).Resources.map((resource: { displayName: string }) => resource.displayName)).toEqual([
      "Acme",
      "Sales",
      "Support",
    ]);
    expect(json(await rawGet("/Groups/g-0001?attributes=displayName")).displayName).toBe("Acme");
    expect(json(await rawGet('/Groups?filter=displayName eq "Acme"&excludedAttributes=members')).totalResults).toBe(1);
  });

  it("gzips a large page for a client that accepts gzip, and only then", async () => {
    await seeded();
    const plain = await rawGet("/Groups?startIndex=1&count=100");
    expect(plain.bytes.length).toBeGreaterThan(GZIP_THRESHOLD_BYTES);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept-Encoding");

    const zipped = await rawGet("/Groups?startIndex=1&count=100", { "Accept-Encoding": "gzip, deflate" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["content-type"]).toBe("application/scim+json; charset=utf-8");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.bytes.length);
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 4);
    expect(gunzipSync(zipped.bytes).equals(plain.bytes)).toBe(true);

    const refused = await rawGet("/Groups?startIndex=1&count=100", { "Accept-Encoding": "gzip;q=0, identity" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
  });

  it("sends a page below the threshold as it is, gzip accepted or not (a page of 100 users)", async () => {
    await seeded();
    const page = await rawGet("/Users?startIndex=1&count=100", { "Accept-Encoding": "gzip" });
    expect(page.bytes.length).toBeLessThan(GZIP_THRESHOLD_BYTES);
    expect(page.headers["content-encoding"]).toBeUndefined();
    expect(json(page).itemsPerPage).toBe(100);
  });
});

describe("migration 0014: group members move to their own column", () => {
  it("splits an existing group's body, drops $ref, and serves the same members", () => {
    const path = `${tempDir()}/old.db`;
    // A database as the versions before 0014 left it: every migration up to 0013, no members column.
    const db = openDatabase(path);
    db.sqlite.prepare("DELETE FROM schema_migrations WHERE name = '0015_group_members.sql'").run();
    db.close();
    const raw = new Database(path);
    raw.exec("ALTER TABLE scim_resources DROP COLUMN members; ALTER TABLE scim_resources DROP COLUMN member_count;");
    raw
      .prepare(
        `INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at) VALUES ('acme', 'nmbrs-soap', 'file', '{}', 'x', 'x')`,
      )
      .run();
    const body =
      '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Sales","members":[{"value":"u1","display":"Jan \\"J\\" de Vries","$ref":"Users/u1"}],"meta":{"resourceType":"Group","created":"c","lastModified":"m","version":"W/\\"v\\""}}';
    raw
      .prepare(
        `INSERT INTO scim_resources (connector_id, resource_type, scim_id, seq, gen_from, version, created, last_modified, body)
         VALUES ('acme', 'Group', 'g1', 1, 1, 'W/"v"', 'c', 'm', ?)`,
      )
      .run(body);
    raw.close();

    const migrated = openDatabase(path);
    const row = migrated.sqlite
      .prepare("SELECT body, member_count AS memberCount, members FROM scim_resources WHERE scim_id = 'g1'")
      .get() as { body: string; memberCount: number; members: string };
    expect(row.memberCount).toBe(1);
    expect(JSON.parse(row.members)).toEqual([{ value: "u1", display: 'Jan "J" de Vries' }]);
    expect(Object.keys(JSON.parse(row.body))).toEqual(["schemas", "id", "displayName", "meta"]);
    expect(JSON.parse(currentById(migrated.sqlite, "acme", "Group", "g1")!.body)).toMatchObject({
      displayName: "Sales",
      members: [{ value: "u1", display: 'Jan "J" de Vries' }],
      meta: { resourceType: "Group" },
    });
    migrated.close();
  });
});
