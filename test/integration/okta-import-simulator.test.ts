import { afterEach, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { ScimProtocolViolation } from "../../testkit/okta-sim/scim-protocol-violation.js";
import { oktaSummaryLine } from "../../src/forecast/okta-model/user-import-rules.js";
import { startHttpServer, type RunningServer } from "../../src/server/http-server.js";
import { commit, user, users } from "../support/scim-fixtures.js";
import { startScimServer, type ScimTestServer } from "../support/scim-server.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
let server: ScimTestServer | undefined;
let fake: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  await fake?.close(100);
  server = undefined;
  fake = undefined;
});

describe("Okta import simulator against the gateway", () => {
  it("follows a person through hire, change, deactivation, reactivation and removal", async () => {
    server = await startScimServer({ dir: tempDir() });
    const okta = new OktaImportSimulator({
      baseUrl: server.base(),
      authorization: server.bearer,
      safeguard: { percent: 20, minAssignments: 100 },
    });
    commit(server.db, "acme", users(5), server.clock());
    expect(oktaSummaryLine(await okta.importUsers())).toBe(
      "5 users scanned! | 5 new users imported | 0 existing users updated | 0 existing users unchanged | 0 users removed",
    );

    commit(
      server.db,
      "acme",
      [user(1, { title: "CTO" }), user(2, { active: false }), ...users(3, 3), user(6)],
      server.clock(),
    );
    expect(await okta.importUsers()).toMatchObject({
      scanned: 6,
      new: 1,
      updated: 1,
      unchanged: 3,
      deactivated: 1,
      removed: 0,
      paused: false,
    });
    expect(okta.directory.users.get("Jan2.de.Vries@acme.nl")?.status).toBe("DEPROVISIONED");
    expect(okta.directory.users.get("Jan1.de.Vries@acme.nl")?.profile.title).toBe("CTO");

    commit(server.db, "acme", [user(1, { title: "CTO" }), ...users(4, 2)], server.clock());
    expect(await okta.importUsers()).toMatchObject({ reactivated: 1, removed: 1 });
    expect(okta.directory.users.get("Jan2.de.Vries@acme.nl")?.status).toBe("ACTIVE");
    expect(okta.directory.users.get("Jan6.de.Vries@acme.nl")?.status).toBe("DEPROVISIONED");
    okta.close();
  });

  it("matches an existing Okta user by login, case-sensitively", async () => {
    server = await startScimServer({ dir: tempDir() });
    commit(server.db, "acme", [user(1), user(2)], server.clock());
    const okta = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.bearer });
    const existing = { status: "ACTIVE" as const, appUserId: null };
    const profile = {
      firstName: null,
      lastName: null,
      displayName: null,
      email: null,
      title: null,
      department: null,
      employeeNumber: null,
      managerId: null,
    };
    okta.directory.put({ ...existing, profile: { ...profile, login: "Jan1.de.Vries@acme.nl" } });
    okta.directory.put({ ...existing, profile: { ...profile, login: "jan2.de.vries@acme.nl" } });
    expect(await okta.importUsers()).toMatchObject({ matched: 1, new: 1 });
    expect(okta.directory.users.size).toBe(3);
    okta.close();
  });

  it("pauses instead of deactivating more than 20% of 100+ assigned users", async () => {
    server = await startScimServer({ dir: tempDir() });
    commit(server.db, "acme", users(150), server.clock());
    const okta = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.bearer });
    await okta.importUsers();
    commit(server.db, "acme", users(110), server.clock());
    const summary = await okta.importUsers();
    expect(summary).toMatchObject({ removed: 40, paused: true });
    expect(okta.directory.users.get("Jan150.de.Vries@acme.nl")?.status).toBe("ACTIVE");
    commit(server.db, "acme", users(125), server.clock());
    expect(await okta.importUsers()).toMatchObject({ removed: 25, paused: false });
    okta.close();
  });

  it.each([
    [
      "a string totalResults",
      { totalResults: "3", startIndex: 1, itemsPerPage: 1, Resources: [{ id: "a" }] },
      /totalResults is "3"/,
    ],
    [
      "a short page before the end",
      { totalResults: 250, startIndex: 1, itemsPerPage: 1, Resources: [{ id: "a" }] },
      /1 resources on a page that should hold 100/,
    ],
    [
      "itemsPerPage that is not the page size",
      { totalResults: 1, startIndex: 1, itemsPerPage: 100, Resources: [{ id: "a" }] },
      /itemsPerPage 100 but 1/,
    ],
    [
      "a 0-based startIndex",
      { totalResults: 1, startIndex: 0, itemsPerPage: 1, Resources: [{ id: "a" }] },
      /does not echo/,
    ],
  ])("fails loudly on %s", async (_name, reply, problem) => {
    const app = new Hono().get("/scim/Users", (c) =>
      c.json({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], ...reply }),
    );
    fake = await startHttpServer(app, "127.0.0.1", 0);
    const okta = new OktaImportSimulator({ baseUrl: `${fake.url}/scim`, authorization: "Bearer x" });
    await expect(okta.importUsers()).rejects.toThrow(problem);
    await expect(okta.importUsers()).rejects.toBeInstanceOf(ScimProtocolViolation);
    okta.close();
  });

  it("fails loudly on duplicate ids across pages and on a non-200", async () => {
    let calls = 0;
    const app = new Hono().get("/scim/Users", (c) => {
      calls += 1;
      if (c.req.query("startIndex") === "1") {
        return c.json({
          schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
          totalResults: 101,
          startIndex: 1,
          itemsPerPage: 100,
          Resources: Array.from({ length: 100 }, (_, i) => ({ id: `u${i}` })),
        });
      }
      return c.json({
        schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        totalResults: 101,
        startIndex: 101,
        itemsPerPage: 1,
        Resources: [{ id: "u5" }],
      });
    });
    app.get("/broken/Users", (c) => c.json({ detail: "boom" }, 500));
    fake = await startHttpServer(app, "127.0.0.1", 0);
    const okta = new OktaImportSimulator({ baseUrl: `${fake.url}/scim`, authorization: "Bearer x" });
    await expect(okta.importUsers()).rejects.toThrow(/id u5 was already served/);
    expect(calls).toBe(2);
    const broken = new OktaImportSimulator({ baseUrl: `${fake.url}/broken`, authorization: "Bearer x" });
    await expect(broken.importUsers()).rejects.toThrow(/status 500/);
    okta.close();
    broken.close();
  });
});
