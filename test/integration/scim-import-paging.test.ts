import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { pruneSuperseded } from "../../src/directory/prune.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { OKTA_HEADERS } from "../../testkit/okta-sim/okta-scim-client.js";
import { SCIM_MOUNT_PATH } from "../../src/scim/scim-env.js";
import { startRelay } from "../support/between-requests.js";
import { commit, user, users } from "../support/scim-fixtures.js";
import { startScimServer, type ScimTestServer } from "../support/scim-server.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
let server: ScimTestServer;
afterEach(async () => server?.close());

async function page(
  startIndex: number,
  count = 100,
  authorization = server.bearer,
): Promise<{ totalResults: number; itemsPerPage: number; ids: string[]; titles: string[] }> {
  const response = await fetch(`${server.base()}/Users?startIndex=${startIndex}&count=${count}`, {
    headers: { ...OKTA_HEADERS, Authorization: authorization },
  });
  const body = (await response.json()) as {
    totalResults: number;
    itemsPerPage: number;
    Resources: { id: string; title: string }[];
  };
  return {
    totalResults: body.totalResults,
    itemsPerPage: body.itemsPerPage,
    ids: body.Resources.map((resource: { id: string }) => resource.id),
    titles: body.Resources.map((resource: { title: string }) => resource.title),
  };
}

/** Generation 2 removes users 1–50 (positions shift by 50), retitles everyone and adds 301–330. */
function nextGeneration() {
  return [...Array.from({ length: 250 }, (_, index) => user(index + 51, { title: "Lead" })), ...users(30, 301)];
}

describe("import-consistent paging", () => {
  it("a scan keeps reading the generation it started on, while a new scan sees the new data", async () => {
    server = await startScimServer({ dir: tempDir() });
    commit(server.db, "acme", users(300), server.clock());
    const first = await page(1);
    expect(server.services.scans.oldestPinnedGeneration("acme")).toBe(1);

    expect(commit(server.db, "acme", nextGeneration(), server.clock())).toBe(2);
    pruneSuperseded(server.db.sqlite, "acme", server.services.scans.oldestPinnedGeneration("acme") ?? 2);

    const second = await page(101);
    const third = await page(201);
    const scanned = [...first.ids, ...second.ids, ...third.ids];
    expect(scanned).toEqual(users(300).map((resource) => resource.scimId));
    expect(new Set([...first.titles, ...second.titles, ...third.titles])).toEqual(new Set(["Developer"]));
    expect([first.totalResults, second.totalResults, third.totalResults]).toEqual([300, 300, 300]);
    // The last page released the pin, so the sync may now prune generation 1.
    expect(server.services.scans.oldestPinnedGeneration("acme")).toBeUndefined();

    const fresh = await page(1, 1000);
    expect(fresh.totalResults).toBe(280);
    expect(fresh.ids[0]).toBe("u-000051");
    expect(new Set(fresh.titles)).toEqual(new Set(["Lead", "Developer"]));
  });

  it("an idle scan loses its pin after 15 minutes and continues on the current generation", async () => {
    server = await startScimServer({ dir: tempDir() });
    commit(server.db, "acme", users(300), server.clock());
    await page(1);
    commit(server.db, "acme", nextGeneration(), server.clock());
    server.clock.advance(14 * 60_000);
    expect(server.services.scans.oldestPinnedGeneration("acme")).toBe(1);
    expect((await page(101)).titles[0]).toBe("Developer");
    server.clock.advance(15 * 60_000 + 1);
    expect(server.services.scans.oldestPinnedGeneration("acme")).toBeUndefined();
    const late = await page(201);
    expect(late.totalResults).toBe(280);
    expect(late.ids[0]).toBe("u-000251");
    expect(late.titles[0]).toBe("Lead");
  });

  it("pins per credential: another credential's scan starts on the newer generation", async () => {
    server = await startScimServer({ dir: tempDir() });
    commit(server.db, "acme", users(300), server.clock());
    await page(1, 100, server.bearer);
    commit(server.db, "acme", nextGeneration(), server.clock());
    expect((await page(1, 100, server.basic)).totalResults).toBe(280);
    expect((await page(101, 100, server.bearer)).totalResults).toBe(300);
    expect(server.services.scans.oldestPinnedGeneration("acme")).toBe(1);
  });

  it("a jump inside a pinned scan finds its place through the position index", async () => {
    server = await startScimServer({ dir: tempDir() });
    commit(server.db, "acme", users(300), server.clock());
    await page(1);
    commit(server.db, "acme", nextGeneration(), server.clock());
    expect((await page(7, 3)).ids).toEqual(["u-000007", "u-000008", "u-000009"]);
    expect((await page(251, 100)).ids).toEqual(users(50, 251).map((resource) => resource.scimId));
  });

  it("records the scan for the console: pages, users served, completion, and a credential test apart", async () => {
    server = await startScimServer({ dir: tempDir() });
    commit(server.db, "acme", users(250), server.clock());
    await page(1, 2);
    for (const startIndex of [1, 101, 201]) await page(startIndex);
    server.services.flush();
    const rows = server.db.sqlite
      .prepare(
        "SELECT kind, resource_type, pages, resources_served, total_results, page_size, completed_at IS NOT NULL AS completed, user_agent FROM scim_imports ORDER BY rowid",
      )
      .all();
    expect(rows).toEqual([
      {
        kind: "connection-test",
        resource_type: "User",
        pages: 1,
        resources_served: 2,
        total_results: 250,
        page_size: 2,
        completed: 0,
        user_agent: "Okta SCIM Client 1.0.0",
      },
      {
        kind: "import",
        resource_type: "User",
        pages: 3,
        resources_served: 250,
        total_results: 250,
        page_size: 100,
        completed: 1,
        user_agent: "Okta SCIM Client 1.0.0",
      },
    ]);
  });

  it("logs an import's start and end, and a page only when it failed or stdout logs at debug", async () => {
    for (const debug of [false, true]) {
      const lines: Record<string, unknown>[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      });
      server = await startScimServer({
        dir: tempDir(),
        logger: pino({ level: "debug" }, sink),
        logSuccessfulRequests: debug,
      });
      commit(server.db, "acme", users(150), server.clock());
      await page(1, 2); // Okta's "Test API Credentials": no import lines
      for (const startIndex of [1, 101]) await page(startIndex);
      const refused = await fetch(`${server.base()}/Users?startIndex=1&count=100`, {
        headers: { ...OKTA_HEADERS, Authorization: "Bearer wrong" },
      });
      expect(refused.status).toBe(401);
      const messages = lines.map((line) => line.msg);
      expect(messages.filter((msg) => msg === "Okta import started" || msg === "Okta import completed")).toEqual([
        "Okta import started",
        "Okta import completed",
      ]);
      expect(lines.find((line) => line.msg === "Okta import completed")).toMatchObject({
        connector: "acme",
        resourceType: "User",
        pages: 2,
        served: 150,
      });
      const requests = lines.filter((line) => line.msg === "scim request");
      expect(requests.map((line) => line.status)).toEqual(debug ? [200, 200, 200, 401] : [401]);
      await server.close();
    }
  });
});

describe("snapshots belong to the scan, not the credential", () => {
  const currentGen = () =>
    server.db.sqlite.prepare("SELECT current_gen AS gen FROM connectors WHERE id = 'acme'").get() as { gen: number };
  /** What the sync service does after a commit: prune what no scan still reads. */
  function syncCommits(resources: ReturnType<typeof users>): void {
    commit(server.db, "acme", resources, server.clock());
    pruneSuperseded(server.db.sqlite, "acme", server.services.scans.oldestPinnedGeneration("acme") ?? currentGen().gen);
  }

  it("an Okta import keeps its generation while a curl and a second import with the same credential start between its pages, and syncs add and remove people", async () => {
    server = await startScimServer({ dir: tempDir() });
    commit(server.db, "acme", users(350), server.clock());
    const second = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.bearer });
    let secondSummary: Awaited<ReturnType<OktaImportSimulator["importUsers"]>> | undefined;
    let curled: { totalResults: number } | undefined;
    const curl = async () => {
      const response = await fetch(`${server.base()}/Users?startIndex=1&count=100`, {
        headers: { "User-Agent": "curl/8.5.0", Authorization: server.bearer },
      });
      return (await response.json()) as { totalResults: number };
    };
    // Between the first import's pages: a sync drops users 1–50 and adds 401–430, the README's troubleshooting curl
    // reads page 1, and later a second Okta import runs from start to end while another sync drops 51–60.
    const relay = await startRelay(server.url, async (pathAndQuery) => {
      if (pathAndQuery.includes("startIndex=101")) {
        syncCommits([...users(300, 51), ...users(30, 401)]);
        curled = await curl();
      }
      if (pathAndQuery.includes("startIndex=201")) {
        secondSummary = await second.importUsers();
        syncCommits([...users(290, 61), ...users(30, 401)]);
      }
    });
    const first = new OktaImportSimulator({
      baseUrl: `${relay.url}${SCIM_MOUNT_PATH}/acme`,
      authorization: server.bearer,
    });
    try {
      // The simulator refuses a totalResults that changes mid-import and an id served twice.
      const summary = await first.importUsers();
      expect(summary).toMatchObject({ scanned: 350, new: 350, deactivated: 0, removed: 0, pages: 4 });
      expect([...first.directory.users.keys()].sort()).toEqual(
        users(350)
          .map((resource) => resource.userName)
          .sort(),
      );
      expect(curled).toMatchObject({ totalResults: 330 });
      expect(secondSummary).toMatchObject({ scanned: 330, new: 330, deactivated: 0 });
      // A third import sees what the syncs made.
      expect(await second.importUsers()).toMatchObject({ scanned: 320, removed: 10 });
    } finally {
      first.close();
      second.close();
      await relay.close();
    }
  });
});
