import { afterEach, describe, expect, it } from "vitest";
import { OKTA_HEADERS } from "../../testkit/okta-sim/okta-scim-client.js";
import { issueCredential, revokeCredential, syncConfiguredCredentials } from "../../src/scim/auth/credential-store.js";
import { commit, group, user, users } from "../support/scim-fixtures.js";
import { startScimServer, type ScimTestServer, type ScimTestServerOptions } from "../support/scim-server.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
let server: ScimTestServer;
afterEach(async () => server?.close());

async function seeded(options: Partial<ScimTestServerOptions> = {}): Promise<ScimTestServer> {
  server = await startScimServer({ dir: tempDir(), ...options });
  const people = [
    user(1, { givenName: "Jan", familyName: "de Vries" }),
    user(2, { givenName: "Piet", familyName: "Jansen" }),
    ...users(3, 3),
  ];
  commit(server.db, "acme", [...people, group(1, "Sales", people.slice(0, 2))], server.clock());
  return server;
}

/** A fetch Response whose JSON the test reads freely. */
type JsonResponse = Omit<Response, "json"> & { json(): Promise<any> };

function call(path: string, init: RequestInit & { authorization?: string | null } = {}): Promise<JsonResponse> {
  const headers = new Headers(init.headers);
  if (init.authorization !== null) headers.set("Authorization", init.authorization ?? server.bearer);
  return fetch(path.startsWith("http") ? path : `${server.base()}${path}`, { ...init, headers });
}

const servedState = () =>
  server.db.sqlite.prepare("SELECT count(*) AS rows, max(gen_from) AS gen FROM scim_resources").get();

describe("SCIM HTTP rules", () => {
  it("accepts Basic, Bearer and Okta's bare Header Auth token, and refuses a revoked credential", async () => {
    await seeded();
    const token = server.bearer.slice("Bearer ".length);
    for (const authorization of [server.basic, server.bearer, token, `bearer ${token}`]) {
      expect((await call("/Users?count=1", { authorization })).status).toBe(200);
    }
    const issued = await issueCredential(server.db.sqlite, "acme", { scheme: "bearer" }, server.clock());
    expect((await call("/Users?count=1", { authorization: issued.secret })).status).toBe(200);
    revokeCredential(server.db.sqlite, issued.id, server.clock());
    server.services.credentials.forget("acme");
    expect((await call("/Users?count=1", { authorization: issued.secret })).status).toBe(401);
    expect((await call("/Users?count=1", { authorization: null })).status).toBe(401);
  });

  it("answers an unknown connector like a wrong secret, and a detached one with 404 only when authenticated", async () => {
    await seeded({ connectors: ["acme", "beta"], isServed: (id) => id !== "beta" });
    const unknown = await call(`${server.base("nope")}/Users`);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ status: "401" });
    expect((await call(`${server.base("beta")}/Users`)).status).toBe(401);
    const credential = await issueCredential(server.db.sqlite, "beta", { scheme: "bearer" }, server.clock());
    const detached = await call(`${server.base("beta")}/Users`, { authorization: `Bearer ${credential.secret}` });
    expect(detached.status).toBe(404);
    expect((await detached.json()).detail).toMatch(/not served/);
    expect((await call(`${server.base("beta")}/Users`)).status).toBe(401);
  });

  it("throttles an address after repeated failures with 429 and an integer Retry-After", async () => {
    await seeded({ services: { throttleLimits: { maxFailures: 3, windowMs: 60_000, maxAddresses: 100 } } });
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await call("/Users", { authorization: "wrong" })).status).toBe(401);
    const throttled = await call("/Users");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("60");
    expect(await throttled.json()).toMatchObject({
      status: "429",
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
    });
    server.clock.advance(60_001);
    expect((await call("/Users")).status).toBe(200);
  });

  it("never refuses a credential already proved valid from a throttled address; other credentials wait without hashing", async () => {
    await seeded({ services: { throttleLimits: { maxFailures: 3, windowMs: 60_000, maxAddresses: 100 } } });
    // Okta's import proved its credential; then someone behind the same address guesses until it is throttled.
    expect((await call("/Users?count=1")).status).toBe(200);
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await call("/Users", { authorization: "wrong" })).status).toBe(401);
    expect((await call("/Users", { authorization: "wrong" })).status).toBe(429);
    const page = await call("/Users?startIndex=1&count=2");
    expect(page.status).toBe(200);
    expect((await page.json()).totalResults).toBe(5);
    // Not proved yet (the Basic one was never used): it waits like a guess, so a throttled address costs no scrypt.
    expect((await call("/Users", { authorization: server.basic })).status).toBe(429);
    const issued = await issueCredential(server.db.sqlite, "acme", { scheme: "bearer" }, server.clock());
    expect((await call("/Users", { authorization: `Bearer ${issued.secret}` })).status).toBe(429);
    // A proved credential revoked later is refused at once, throttled or not.
    const proved = server.bearer.slice("Bearer ".length);
    const { id } = server.db.sqlite
      .prepare("SELECT id FROM scim_credentials WHERE scheme = 'bearer' ORDER BY id LIMIT 1")
      .get() as { id: number };
    revokeCredential(server.db.sqlite, id, server.clock());
    expect((await call("/Users", { authorization: `Bearer ${proved}` })).status).toBe(429);
  });

  it("uses the lead's clientAddress function for throttling", async () => {
    let address = "203.0.113.7";
    await seeded({
      clientAddress: () => address,
      services: { throttleLimits: { maxFailures: 1, windowMs: 60_000, maxAddresses: 100 } },
    });
    await call("/Users", { authorization: "wrong" });
    expect((await call("/Users")).status).toBe(429);
    address = "203.0.113.8";
    expect((await call("/Users")).status).toBe(200);
  });

  it("refuses an oversized body with 413 and an oversized URL with 414, as SCIM errors", async () => {
    await seeded();
    const big = await call("/Users/.search", {
      method: "POST",
      headers: { "Content-Type": "application/scim+json" },
      body: JSON.stringify({ filter: "x".repeat(70_000) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ status: "413" });
    const long = await call(`/Users?filter=${"a".repeat(9000)}`);
    expect(long.status).toBe(414);
    expect(long.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
  });

  it("refuses every write with 501, explains how to turn off Push, and changes nothing", async () => {
    await seeded();
    const before = servedState();
    const body = JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "new@acme.nl" });
    for (const [method, path, contentType] of [
      ["POST", "/Users", "application/scim+json; charset=utf-8"],
      ["POST", "/users", "application/json"],
      ["PUT", "/Users/u-000001", "application/scim+json"],
      ["PATCH", "/Users/u-000001", "application/scim+json"],
      ["DELETE", "/Users/u-000001", undefined],
      ["POST", "/Groups", "application/json"],
      ["PUT", "/Groups/g-0001", "application/json"],
      ["PATCH", "/Groups/g-0001", "application/json"],
      ["DELETE", "/Groups/g-0001", undefined],
      ["POST", "/Bulk", "application/scim+json"],
    ] as const) {
      const response = await call(path, {
        method,
        ...(contentType ? { headers: { "Content-Type": contentType }, body } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(501);
      const error = await response.json();
      expect(error).toMatchObject({ status: "501", schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"] });
      expect(error.detail).toMatch(/read-only.*To App/);
    }
    expect(servedState()).toEqual(before);
    expect((await call("/Users/u-000001")).status).toBe(200);
  });

  it("serves a weak ETag and answers a matching If-None-Match with 304", async () => {
    await seeded();
    const first = await call("/Users/u-000001");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect((await call("/Users/u-000001", { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await call("/Users/u-000001", { headers: { "If-None-Match": etag.slice(2) } })).status).toBe(304);
    expect((await call("/Users/u-000001", { headers: { "If-None-Match": '"other", *' } })).status).toBe(304);
    expect((await call("/Users/u-000001", { headers: { "If-None-Match": '"other"' } })).status).toBe(200);
    commit(server.db, "acme", [user(1, { givenName: "Jan", familyName: "de Vries", title: "CTO" })], server.clock());
    expect((await call("/Users/u-000001", { headers: { "If-None-Match": etag } })).status).toBe(200);
  });

  it("takes both content types with or without charset on POST /.search", async () => {
    await seeded();
    for (const contentType of [
      "application/scim+json",
      "application/scim+json; charset=utf-8",
      "application/json",
      "application/json;charset=UTF-8",
    ]) {
      const response = await call("/Users/.search", {
        method: "POST",
        headers: { "Content-Type": contentType },
        body: JSON.stringify({
          schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
          filter: 'userName sw "piet"',
          attributes: ["userName"],
          count: 10,
        }),
      });
      expect(await response.json()).toMatchObject({
        totalResults: 1,
        Resources: [{ id: "u-000002", userName: "Piet.Jansen@acme.nl" }],
      });
    }
    expect(
      (await call("/Users/.search", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" })).status,
    ).toBe(415);
    expect(
      (await call("/Users/.search", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{nope" }))
        .status,
    ).toBe(400);
    expect(
      (
        await call("/Users/.search", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: '{"count":"ten"}',
        })
      ).status,
    ).toBe(400);
  });

  it("selects attributes: attributes keeps id and schemas, excludedAttributes=members drops members", async () => {
    await seeded();
    const only = await (
      await call(
        "/Users?attributes=userName,name.givenName,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department&count=1",
      )
    ).json();
    expect(only.Resources[0]).toEqual({
      schemas: expect.any(Array),
      id: "u-000001",
      userName: "Jan.de.Vries@acme.nl",
      name: { givenName: "Jan" },
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "Sales" },
    });
    const emails = await (await call("/Users/u-000001?attributes=emails.value,unknownThing")).json();
    expect(emails).toEqual({ schemas: expect.any(Array), id: "u-000001", emails: [{ value: "Jan.de.Vries@acme.nl" }] });
    const excluded = await (await call("/Groups?excludedAttributes=members")).json();
    expect(excluded.Resources[0]).not.toHaveProperty("members");
    expect(excluded.Resources[0]).toMatchObject({
      id: "g-0001",
      displayName: "Sales",
      meta: { location: `${server.base()}/Groups/g-0001` },
    });
    const byId = await (await call("/Groups/g-0001?excludedAttributes=members,id")).json();
    expect(Object.keys(byId)).toEqual(["schemas", "id", "displayName", "meta"]);
    const extension = await (
      await call("/Users/u-000001?excludedAttributes=urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
    ).json();
    expect(extension).not.toHaveProperty(["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]);
    expect((await call('/Users?attributes=emails[type eq "work"]')).status).toBe(400);
  });

  it("sorts by any attribute, caseExact-aware, ascending or descending, with seq as the tie-breaker", async () => {
    await seeded();
    const ids = async (query: string) =>
      (await (await call(`/Users?${query}`)).json()).Resources.map((resource: { id: string }) => resource.id);
    expect(await ids("sortBy=name.givenName")).toEqual(["u-000001", "u-000003", "u-000004", "u-000005", "u-000002"]);
    expect(await ids("sortBy=NAME.GIVENNAME&sortOrder=DESCENDING")).toEqual([
      "u-000002",
      "u-000005",
      "u-000004",
      "u-000003",
      "u-000001",
    ]);
    expect(await ids("sortBy=userName&startIndex=2&count=2")).toEqual(["u-000003", "u-000004"]);
    expect(await ids('sortBy=emails&filter=userName sw "j"')).toEqual(["u-000001", "u-000003", "u-000004", "u-000005"]);
    expect(await ids("sortBy=title")).toEqual(["u-000001", "u-000002", "u-000003", "u-000004", "u-000005"]);
    expect((await call("/Users?sortBy=nope")).status).toBe(400);
    expect((await call("/Users?sortOrder=sideways&sortBy=userName")).status).toBe(400);
  });

  it("publishes ServiceProviderConfig, Schemas and ResourceTypes as RFC 7644 §4 says", async () => {
    await seeded();
    const config = await (await call("/ServiceProviderConfig")).json();
    expect(config).toMatchObject({
      patch: { supported: false },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
    });
    expect(config.authenticationSchemes.map((scheme: { type: string }) => scheme.type)).toEqual([
      "httpbasic",
      "oauthbearertoken",
    ]);
    const schemas = await (await call("/schemas")).json();
    expect(schemas.Resources.map((schema: { id: string }) => schema.id)).toEqual([
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      "urn:ietf:params:scim:schemas:extension:hrgateway:2.0:User",
      "urn:ietf:params:scim:schemas:core:2.0:Group",
    ]);
    const hrgw = await (await call("/Schemas/urn:ietf:params:scim:schemas:extension:hrgateway:2.0:User")).json();
    expect(hrgw.attributes.find((attribute: { name: string }) => attribute.name === "startDate")).toMatchObject({
      type: "string",
      mutability: "readOnly",
      caseExact: true,
    });
    const userName = schemas.Resources[0].attributes[0];
    expect(userName).toMatchObject({
      name: "userName",
      type: "string",
      multiValued: false,
      required: true,
      caseExact: false,
      mutability: "readOnly",
      returned: "default",
      uniqueness: "server",
    });
    const types = await (await call("/ResourceTypes")).json();
    expect(types).toMatchObject({
      totalResults: 2,
      Resources: [
        { name: "User", endpoint: "/Users" },
        { name: "Group", endpoint: "/Groups" },
      ],
    });
    expect(types.Resources[0].schemaExtensions).toHaveLength(2);
    expect((await (await call("/ResourceTypes/group")).json()).schema).toBe(
      "urn:ietf:params:scim:schemas:core:2.0:Group",
    );
    expect((await call("/ResourceTypes/Device")).status).toBe(404);
    expect((await call("/Schemas?filter=id pr")).status).toBe(403);
  });

  it("answers an unexpected failure with a generic 500 and no internals", async () => {
    await seeded();
    server.db.sqlite.exec("DROP INDEX scim_resources_current_id");
    server.db.sqlite.exec("ALTER TABLE scim_resources RENAME TO scim_resources_gone");
    const response = await call("/Users/u-000001");
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toMatch(/request id [0-9a-f-]{36}/);
    expect(body).not.toMatch(/scim_resources|SELECT|at .*\.ts/);
    expect(response.headers.get("x-request-id")).toMatch(/[0-9a-f-]{36}/);
    server.db.sqlite.exec("ALTER TABLE scim_resources_gone RENAME TO scim_resources");
  });

  it("logs every request in the bounded request log, without secrets", async () => {
    await seeded({ services: { retention: { maxRows: 10_000, maxAgeDays: 14 } } });
    await call("/Users?startIndex=1&count=2&access_token=secret");
    await call("/Users", { authorization: "wrong" });
    server.services.flush();
    const rows = server.db.sqlite
      .prepare(
        "SELECT method, path, query, status, result_count, total_results, credential_id, error FROM scim_request_log ORDER BY id",
      )
      .all();
    expect(rows).toEqual([
      {
        method: "GET",
        path: "/scim/v2/acme/Users",
        query: "startIndex=1&count=2",
        status: 200,
        result_count: 2,
        total_results: 5,
        credential_id: 1,
        error: null,
      },
      {
        method: "GET",
        path: "/scim/v2/acme/Users",
        query: null,
        status: 401,
        result_count: null,
        total_results: null,
        credential_id: null,
        error: expect.stringMatching(/^401: Authentication failed/),
      },
    ]);
  });

  it("keeps a valid credential's value out of the request log, wherever in the request it is quoted", async () => {
    await seeded();
    const token = server.bearer.slice("Bearer ".length);
    expect((await call("/Users?count=1")).status).toBe(200);
    await call(`/Users?filter=${encodeURIComponent(`userName eq "${token}"`)}`);
    await call(`/Users/${token}`, { headers: { "User-Agent": `probe ${token}` } });
    server.services.flush();
    const logged = server.db.sqlite
      .prepare(
        "SELECT path || ' ' || coalesce(query, '') || ' ' || coalesce(user_agent, '') || ' ' || coalesce(error, '') FROM scim_request_log",
      )
      .pluck()
      .all() as string[];
    expect(logged).toHaveLength(3);
    expect(logged.join("\n")).toContain("[redacted]");
    expect(logged.filter((line) => line.includes(token))).toEqual([]);
  });

  it("syncs config.toml credentials at start-up: keeps unchanged ones, replaces changed ones, leaves console ones", async () => {
    await seeded();
    const sqlite = server.db.sqlite;
    const now = server.clock();
    expect(
      await syncConfiguredCredentials(sqlite, "acme", { username: "okta", password: "one", bearerToken: "tok" }, now),
    ).toEqual({ added: 2, revoked: 0 });
    expect(
      await syncConfiguredCredentials(sqlite, "acme", { username: "okta", password: "one", bearerToken: "tok" }, now),
    ).toEqual({ added: 0, revoked: 0 });
    expect(
      await syncConfiguredCredentials(sqlite, "acme", { username: "okta", password: "two", bearerToken: null }, now),
    ).toEqual({ added: 1, revoked: 2 });
    const active = sqlite
      .prepare("SELECT origin, scheme FROM scim_credentials WHERE revoked_at IS NULL ORDER BY id")
      .all();
    expect(active).toEqual([
      { origin: "console", scheme: "bearer" },
      { origin: "console", scheme: "basic" },
      { origin: "file", scheme: "basic" },
    ]);
    expect(
      (await call("/Users", { authorization: `Basic ${Buffer.from("okta:two").toString("base64")}` })).status,
    ).toBe(200);
    expect((await call("/Users", { authorization: "Bearer tok" })).status).toBe(401);
  });
});

describe("filters over HTTP", () => {
  it.each([
    ['userName eq "jan.de.vries@acme.nl"', ["u-000001"]],
    ['username EQ "JAN.DE.VRIES@ACME.NL"', ["u-000001"]],
    ['emails.value eq "PIET.JANSEN@acme.nl"', ["u-000002"]],
    ['emails[type eq "work" and primary eq true].value sw "piet"', ["u-000002"]],
    ['externalId eq "100002"', ["u-000002"]],
    ['name.familyName co "jans" or name.givenName eq "jan"', ["u-000001", "u-000002"]],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "3"', ["u-000003"]],
    ['not (userName sw "jan")', ["u-000002"]],
    [
      'meta.created ge "2026-01-01T00:00:00Z" and active eq true',
      ["u-000001", "u-000002", "u-000003", "u-000004", "u-000005"],
    ],
  ])("Users?filter=%s", async (filter, expected) => {
    await seeded();
    const response = await call(`/Users?filter=${encodeURIComponent(filter)}&count=3`);
    const body = await response.json();
    expect(body.totalResults).toBe(expected.length);
    expect(body.Resources.map((resource: { id: string }) => resource.id)).toEqual(expected.slice(0, 3));
  });

  it("answers a bad filter with 400 invalidFilter and the character position", async () => {
    await seeded();
    const response = await call(`/Users?filter=${encodeURIComponent("userName eq")}`, { headers: OKTA_HEADERS });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      scimType: "invalidFilter",
      status: "400",
      detail: expect.stringContaining("character 12"),
    });
  });
});
