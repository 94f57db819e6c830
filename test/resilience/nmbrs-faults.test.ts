import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SimFault } from "../../testkit/nmbrs-sim/soap/fault-controller.js";
import { readRun } from "../../src/sync/run-store.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { connectorConfig } from "../support/hr-data.js";
import { SIM_CREDENTIALS, startSimulatedNmbrs, type SimulatedNmbrs } from "../support/nmbrs-sim.js";
import { scimSnapshot } from "../support/scim-snapshot.js";
import { rssWithChildrenBytes } from "../support/process-memory.js";
import { useFileTempDir } from "../support/temp-dir.js";

/**
 * Every way Nmbrs (or what sits in front of it) can fail, injected at the wire by the simulator while the real
 * gateway syncs: each gives a failed run with a precise message, in bounded time and memory, and Okta keeps
 * reading exactly what it read before.
 */
const tempDir = useFileTempDir("hrgw-faults-");
const TOKEN = "faults-scim-bearer-token-4b2d";
const TIMEOUT_SECONDS = 2;
const PERSONAL_INFO = "EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany";
const MB = 1024 * 1024;

let nmbrs: SimulatedNmbrs;
let gateway: TestGateway;
let servedBefore: string[];

beforeAll(async () => {
  nmbrs = await startSimulatedNmbrs(
    { companies: 2, employeesPerCompany: 60, today: new Date().toISOString().slice(0, 10) },
    { today: new Date().toISOString().slice(0, 10) },
  );
  const connector = connectorConfig({ max_deactivation_percent: 100, groups: { kinds: ["department", "company"] } });
  gateway = await startTestGateway({
    dir: tempDir(),
    // The connector's own source (createSourceFor), as in production: its timeout, retries and size cap.
    connectors: [
      {
        ...connector,
        nmbrs: { ...connector.nmbrs!, ...SIM_CREDENTIALS, endpoint: nmbrs.sim.url, timeoutSeconds: TIMEOUT_SECONDS },
        scim: { username: null, password: null, bearerToken: TOKEN },
      },
    ],
  });
  expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
  servedBefore = await served();
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await nmbrs?.sim.close();
});

afterEach(() => {
  nmbrs.sim.faults.clear();
  nmbrs.sim.settings.latencyMs = 0;
});

const served = () => scimSnapshot(`${gateway.url}/scim/v2/acme`, `Bearer ${TOKEN}`);

/**
 * Runs a sync while sampling memory: the peak growth of the RSS of this process (gateway and simulator both live
 * here) and the gateway's sync process together, and of this process's heap.
 */
async function failedRun(arm: () => void) {
  arm();
  global.gc?.();
  const baseline = { rss: rssWithChildrenBytes(), heapUsed: process.memoryUsage().heapUsed };
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssWithChildrenBytes());
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const started = Date.now();
  const outcome = await gateway.sync.runNow("acme", "manual");
  clearInterval(sampler);
  return {
    outcome,
    seconds: (Date.now() - started) / 1000,
    rssGrowthMb: (peakRss - baseline.rss) / MB,
    heapGrowthMb: (peakHeap - baseline.heapUsed) / MB,
  };
}

const onPersonalInfo = (fault: SimFault) => () => nmbrs.sim.faults.add({ operation: PERSONAL_INFO, fault });
const onEveryCall = (fault: SimFault) => () => nmbrs.sim.faults.add({ fault });

describe("Nmbrs faults during a sync", () => {
  it.each<{ name: string; arm: () => void; message: RegExp; maxSeconds: number; maxRssGrowthMb?: number }>([
    {
      name: "responses slower than the timeout",
      arm: onEveryCall({ kind: "delay", ms: 60_000 }),
      message: new RegExp(
        `^listing companies: Nmbrs did not answer CompanyService\\.List_GetAll within ${TIMEOUT_SECONDS} s`,
      ),
      maxSeconds: 3 * TIMEOUT_SECONDS + 10,
    },
    {
      name: "connection resets",
      arm: onPersonalInfo({ kind: "reset" }),
      message:
        /^company \d+ \(.+\): Could not reach Nmbrs for EmployeeService\.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany/,
      maxSeconds: 15,
    },
    {
      name: "HTTP 500 without a SOAP body",
      arm: onPersonalInfo({ kind: "http", status: 500 }),
      message: /^company \d+ \(.+\): .*HTTP 500/,
      maxSeconds: 15,
    },
    {
      name: "HTTP 503 from a load balancer",
      arm: onPersonalInfo({ kind: "http", status: 503 }),
      message: /^company \d+ \(.+\): .*HTTP 503/,
      maxSeconds: 15,
    },
    {
      name: "truncated XML",
      arm: onPersonalInfo({ kind: "truncated" }),
      message: /^company \d+ \(.+\): Nmbrs returned unreadable XML for EmployeeService\.PersonalInfoWithoutBSN/,
      maxSeconds: 10,
    },
    {
      name: "malformed XML",
      arm: onPersonalInfo({ kind: "garbage" }),
      message: /^company \d+ \(.+\): Nmbrs returned unreadable XML/,
      maxSeconds: 10,
    },
    {
      name: "a DOCTYPE / entity-expansion payload",
      arm: onPersonalInfo({ kind: "entity-expansion" }),
      message: /DOCTYPE/,
      maxSeconds: 10,
    },
    {
      name: "a 200 MB response",
      arm: onPersonalInfo({ kind: "huge", bytes: 200 * MB }),
      message: /^company \d+ \(.+\): .*more than \d+ MB/,
      maxSeconds: 30,
      // The sync process itself (its start-up under tsx, ~150 MB as in every case here) plus the 100 MB the reply may
      // grow to before it is refused, and its one joined copy; a reply read whole (200 MB and its copy) is far above.
      maxRssGrowthMb: 400,
    },
  ])(
    "$name: a failed run with a precise error, bounded time and memory, served data unchanged",
    async ({ arm, message, maxSeconds, maxRssGrowthMb = 250 }) => {
      const { outcome, seconds, rssGrowthMb, heapGrowthMb } = await failedRun(arm);
      console.log(
        `${outcome.message.slice(0, 90)}… ${seconds.toFixed(1)} s, peak RSS +${rssGrowthMb.toFixed(0)} MB, heap +${heapGrowthMb.toFixed(0)} MB`,
      );
      expect(outcome.status).toBe("failed");
      expect(outcome.message).toMatch(message);
      expect(outcome.message).not.toContain(SIM_CREDENTIALS.token);
      expect(readRun(gateway.db.sqlite, outcome.runId)).toMatchObject({ status: "failed", error: outcome.message });
      expect(seconds).toBeLessThan(maxSeconds);
      expect(rssGrowthMb).toBeLessThan(maxRssGrowthMb);
      expect(heapGrowthMb).toBeLessThan(150);
      expect(await served()).toEqual(servedBefore);
    },
  );

  it("authentication revoked mid-run: the run fails naming the credentials, the connector is flagged, data unchanged", async () => {
    const revokeAfterFirstCompany = (progress: { companiesDone: number }) => {
      if (progress.companiesDone === 1) nmbrs.sim.faults.revokeAuth();
    };
    gateway.sync.on("progress", revokeAfterFirstCompany);
    try {
      const { outcome } = await failedRun(() => undefined);
      expect(outcome.status).toBe("failed");
      expect(outcome.message).toMatch(/^company \d+ \(.+\): .*1001.*check username, token and domain/);
      expect(gateway.registry.get("acme")?.attention).toBe(outcome.message);
    } finally {
      gateway.sync.off("progress", revokeAfterFirstCompany);
    }
    expect(await served()).toEqual(servedBefore);
  });

  it("after the faults are gone, the next run succeeds and clears the flag", async () => {
    expect((await gateway.sync.runNow("acme", "manual")).status).toBe("succeeded");
    expect(gateway.registry.get("acme")?.attention).toBeNull();
    expect(await served()).toEqual(servedBefore);
  });
});
