import { afterEach, describe, expect, it } from "vitest";
import { OKTA_HEADERS } from "../../testkit/okta-sim/okta-scim-client.js";
import { commit, users } from "../support/scim-fixtures.js";
import { startScimServer, type ScimTestServer, type ScimTestServerOptions } from "../support/scim-server.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Issue #20, finding 3: one filter that reads every row's JSON used to keep the serving thread busy for seconds,
 * and /healthz, Okta's import pages and its lookups waited behind it. Now such a page is read on the reader thread
 * (src/reader/), under a time limit; the heavier variant with concurrent attackers is test/resilience/expensive-reads.test.ts.
 */
const tempDir = useTempDir();
let server: ScimTestServer;
afterEach(async () => server?.close());

const USERS = 20_000;

async function seeded(options: Partial<ScimTestServerOptions> = {}, count = USERS): Promise<ScimTestServer> {
  const started = await startScimServer({ dir: tempDir(), ...options });
  commit(started.db, "acme", users(count), started.clock());
  return started;
}

/** The worst filter the parser allows: as many comparisons as it takes, each reading every user's JSON. */
function worstFilter(last = 'name.familyName co "zz-last"'): string {
  return [...Array.from({ length: 15 }, (_, index) => `name.familyName co "zz${index}"`), last].join(" or ");
}

function get(path: string): Promise<Response> {
  return fetch(`${server.base()}${path}`, { headers: { ...OKTA_HEADERS, Authorization: server.bearer } });
}

function filtered(filter: string): Promise<Response> {
  return get(`/Users?filter=${encodeURIComponent(filter)}`);
}

async function totalOf(response: Response): Promise<{ total: number; ids: string[] }> {
  const body = (await response.json()) as { totalResults: number; Resources: { id: string }[] };
  return { total: body.totalResults, ids: body.Resources.map((resource) => resource.id) };
}

describe("no SCIM request can stall the others", () => {
  it("/healthz, Okta's import pages and userName lookups answer while the worst allowed filter is read, which then answers correctly", async () => {
    server = await seeded();
    let finished = false;
    const expensive = filtered(worstFilter('name.givenName eq "Jan777"')).finally(() => {
      finished = true;
    });
    // Round after round while the expensive request is in flight; on the serving thread, the first round waited for it.
    let rounds = 0;
    while (!finished && rounds < 20) {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const page = await get(`/Users?startIndex=${1 + 100 * rounds}&count=100`);
      expect((await totalOf(page)).total).toBe(USERS);
      const lookup = await filtered(`userName eq "Jan${rounds + 1}.de.Vries@acme.nl"`);
      expect((await totalOf(lookup)).ids).toEqual([`u-${String(rounds + 1).padStart(6, "0")}`]);
      rounds += 1;
    }
    expect(rounds).toBeGreaterThanOrEqual(5);
    const response = await expensive;
    expect(response.status).toBe(200);
    expect(await totalOf(response)).toEqual({ total: 1, ids: ["u-000777"] });
  });

  it("refuses the attack's 64-comparison filter at once with 400 invalidFilter", async () => {
    server = await seeded({}, 10);
    const attack = Array.from({ length: 64 }, (_, index) => `emails.value co "zz${index}"`).join(" or ");
    const response = await filtered(attack);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { scimType: string; detail: string };
    expect(body.scimType).toBe("invalidFilter");
    expect(body.detail).toContain("more than 16 comparisons");
  });

  it("answers a read past its time limit with 503 and Retry-After, refuses reads that cannot wait, and then reads again", async () => {
    server = await seeded({ services: { readerLimits: { timeLimitMs: 300, maxWaiting: 1, background: true } } });
    // The first runs until its time is up, the second waits as long and the third finds no room to wait.
    const responses = await Promise.all([filtered(worstFilter()), filtered(worstFilter()), filtered(worstFilter())]);
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(((await response.json()) as { detail: string }).detail).toMatch(/too busy/);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // The stopped thread ends first; then a cheap read that no index answers is served again.
    const cheap = async () => {
      const response = await filtered('externalId sw "10000"');
      return response.status === 200 ? totalOf(response) : null;
    };
    let answer = await cheap();
    for (let attempt = 0; answer === null && attempt < 50; attempt++) answer = await cheap();
    expect(answer?.total).toBe(9);
  });
});
