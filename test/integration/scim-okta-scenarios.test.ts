import { afterEach, describe, expect, it } from "vitest";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { OKTA_HEADERS } from "../../testkit/okta-sim/okta-scim-client.js";
import { commit, group, user, users } from "../support/scim-fixtures.js";
import { startScimServer, type ScimTestServer } from "../support/scim-server.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
let server: ScimTestServer;
afterEach(async () => server?.close());

async function oktaGet(
  path: string,
  authorization = server.bearer,
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${server.base()}${path}`, {
    headers: { ...OKTA_HEADERS, Authorization: authorization },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** 250 active users and 3 inactive ones (S4), in 3 departments, plus the groups the sync would make. */
async function seededServer() {
  server = await startScimServer({ dir: tempDir() });
  const people = [...users(250), ...[251, 252, 253].map((n) => user(n, { active: false }))];
  const departments = ["Sales", "Support", "Finance"].map((name, index) =>
    group(
      index + 1,
      name,
      people.filter((_, position) => position % 3 === index),
    ),
  );
  commit(server.db, "acme", [...people, ...departments], server.clock());
  return people;
}

describe("Okta traffic scenarios (Okta's SCIM documentation)", () => {
  it("S1: Test API Credentials gets the first page of at most 2 full users and the true total", async () => {
    await seededServer();
    const { status, body, headers } = await oktaGet("/Users?startIndex=1&count=2");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
    expect(body).toMatchObject({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 253,
      startIndex: 1,
      itemsPerPage: 2,
    });
    expect(body.Resources[0]).toMatchObject({
      id: "u-000001",
      userName: "Jan1.de.Vries@acme.nl",
      active: true,
      name: { givenName: "Jan1" },
    });
    const simulator = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.basic });
    await expect(simulator.testApiCredentials()).resolves.toEqual({ totalResults: 253 });
    simulator.close();
  });

  it("S2: a wrong secret, or Okta's SPEC 'non-token', gets 401 with a SCIM Error body", async () => {
    await seededServer();
    for (const authorization of ["Bearer wrong", "non-token", "Basic b2t0YTp3cm9uZw=="]) {
      const { status, body, headers } = await oktaGet("/Users?startIndex=1&count=2", authorization);
      expect(status).toBe(401);
      expect(headers.get("www-authenticate")).toBe('Basic realm="hr-gateway", Bearer');
      expect(body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
      expect(body.detail).toMatch(/Authentication failed/);
    }
  });

  it("S3: saving the provisioning settings reads 2 users and the first 100 groups", async () => {
    await seededServer();
    expect((await oktaGet("/Users?startIndex=1&count=2")).status).toBe(200);
    const groups = await oktaGet("/Groups?startIndex=1&count=100");
    expect(groups.body).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 3 });
  });

  it("S4: a full import of 253 users reads 3 pages with no duplicate and no gap, inactive users served as such", async () => {
    const people = await seededServer();
    const pages = [];
    for (const startIndex of [1, 101, 201])
      pages.push((await oktaGet(`/Users?startIndex=${startIndex}&count=100`)).body);
    expect(pages.map((page) => [page.totalResults, page.startIndex, page.itemsPerPage])).toEqual([
      [253, 1, 100],
      [253, 101, 100],
      [253, 201, 53],
    ]);
    const served = pages.flatMap((page) => page.Resources);
    expect(served.map((resource: { id: string }) => resource.id)).toEqual(people.map((person) => person.scimId));
    expect(served.filter((resource: { active: boolean }) => !resource.active)).toHaveLength(3);
    for (const resource of served) expect(resource).not.toHaveProperty("password");

    const simulator = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.bearer });
    const summary = await simulator.importUsers();
    expect(summary).toMatchObject({ scanned: 253, new: 250, skippedInactive: 3, removed: 0, paused: false, pages: 3 });
    expect(simulator.directory.users.get("Jan17.de.Vries@acme.nl")).toMatchObject({
      status: "ACTIVE",
      appUserId: "u-000017",
    });
    simulator.close();
  });

  it("S5: an empty directory answers 200 with totalResults 0, not an error", async () => {
    server = await startScimServer({ dir: tempDir() });
    const { status, body } = await oktaGet("/Users?startIndex=1&count=100");
    expect(status).toBe(200);
    expect(body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it("S6: a group import of 120 groups pages like users, with members that are served users", async () => {
    server = await startScimServer({ dir: tempDir() });
    const people = users(30);
    const groups = Array.from({ length: 120 }, (_, index) =>
      group(index + 1, `Team ${index + 1}`, people.slice(index % 30, (index % 30) + 2)),
    );
    commit(server.db, "acme", [...people, ...groups], server.clock());
    const first = (await oktaGet("/Groups?startIndex=1&count=100")).body;
    const second = (await oktaGet("/Groups?startIndex=101&count=100")).body;
    expect([first.itemsPerPage, second.itemsPerPage, second.totalResults]).toEqual([100, 20, 120]);
    // Okta resolves a membership by value; its own member objects carry no $ref or type (docs/groups.md).
    expect(first.Resources[0].members[0]).toEqual({ value: "u-000001", display: "Jan1 de Vries" });
    const simulator = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.bearer });
    await simulator.importUsers();
    expect(await simulator.importGroups()).toMatchObject({ scanned: 120, new: 120, unresolvedMembers: 0, pages: 2 });
    expect([...simulator.directory.groups.get("g-0001")!.members]).toEqual([
      "Jan1.de.Vries@acme.nl",
      "Jan2.de.Vries@acme.nl",
    ]);
    simulator.close();
  });

  it("S7: the userName lookup finds the user whatever the encoding and the case", async () => {
    await seededServer();
    for (const query of [
      "filter=userName%20eq%20%22Jan5.de.Vries%40acme.nl%22&startIndex=1&count=100",
      "filter=userName+eq+%22Jan5.de.Vries%40acme.nl%22&startIndex=1&count=100",
      "filter=userName%20eq%20%22JAN5.DE.VRIES%40ACME.NL%22&startIndex=1&count=100",
    ]) {
      const { body } = await oktaGet(`/Users?${query}`);
      expect(body).toMatchObject({
        totalResults: 1,
        itemsPerPage: 1,
        Resources: [{ id: "u-000005", userName: "Jan5.de.Vries@acme.nl" }],
      });
    }
    const missing = await oktaGet("/Users?filter=userName%20eq%20%22nobody%40example.com%22&startIndex=1&count=100");
    expect(missing.body).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });
    const simulator = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.bearer });
    expect((await simulator.findUserByUserName("jan7.de.vries@acme.nl"))?.id).toBe("u-000007");
    simulator.close();
  });

  it("S8: the group lookup by displayName returns 0 or 1 group", async () => {
    await seededServer();
    expect(
      (await oktaGet("/Groups?filter=displayName%20eq%20%22support%22&startIndex=1&count=100")).body,
    ).toMatchObject({
      totalResults: 1,
      Resources: [{ id: "g-0002", displayName: "Support" }],
    });
    expect(
      (await oktaGet("/Groups?filter=displayName%20eq%20%22Test%20SCIMv2%22&startIndex=1&count=100")).body.totalResults,
    ).toBe(0);
  });

  it("S9: single reads return the full resource with its location, and 404 SCIM errors for unknown ids", async () => {
    await seededServer();
    const found = await oktaGet("/Users/u-000042");
    expect(found.status).toBe(200);
    expect(found.body.meta).toMatchObject({ resourceType: "User", location: `${server.base()}/Users/u-000042` });
    expect(found.headers.get("etag")).toBe(found.body.meta.version);
    expect((await oktaGet("/Groups/g-0003")).body).toMatchObject({ id: "g-0003", displayName: "Finance" });
    for (const id of ["010101001010101011001010101011", "00919288221112222", "U-000042"]) {
      const missing = await oktaGet(`/Users/${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "404" });
      expect(missing.body.detail).toContain(id);
    }
  });

  it("S17: lowercase paths, default paging, count=0, startIndex past the end and a non-integer count", async () => {
    await seededServer();
    expect((await oktaGet("/users")).body).toMatchObject({ totalResults: 253, startIndex: 1, itemsPerPage: 100 });
    expect((await oktaGet("/USERS/u-000001")).body.id).toBe("u-000001");
    expect((await oktaGet("/Users?count=0")).body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 253,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
    expect((await oktaGet("/Users?startIndex=999&count=100")).body).toMatchObject({
      totalResults: 253,
      startIndex: 999,
      itemsPerPage: 0,
      Resources: [],
    });
    expect((await oktaGet("/Users?startIndex=0&count=1")).body).toMatchObject({ startIndex: 1, itemsPerPage: 1 });
    expect((await oktaGet("/Users?startIndex=-5&count=-1")).body).toMatchObject({ startIndex: 1, itemsPerPage: 0 });
    expect((await oktaGet("/Users?count=5000")).body.itemsPerPage).toBe(253);
    for (const query of ["count=ten", "count=1.5", "startIndex=abc"]) {
      const invalid = await oktaGet(`/Users?${query}`);
      expect(invalid.status).toBe(400);
      expect(invalid.body).toMatchObject({ scimType: "invalidValue", status: "400" });
    }
  });
});
