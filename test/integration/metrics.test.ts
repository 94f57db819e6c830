import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { parsePrometheusText, sampleValue } from "../support/prometheus-text.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-metrics-");
const gateways: Gateway[] = [];
const simulators: NmbrsSimulator[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
  for (const sim of simulators.splice(0)) await sim.close();
});

const METRICS_TOKEN = "metrics-token-for-prometheus-5e1d";
const SCIM_TOKEN = "metrics-test-scim-token-0c9a";

async function gateway(metrics: Record<string, string>) {
  const base = parseConfig(
    { server: { listen: "127.0.0.1:0" }, storage: { path: join(tempDir(), "gateway.db") }, metrics },
    null,
    {},
  );
  const dataset = scenarioDataset();
  hire(dataset);
  hire(dataset);
  hire(dataset, { start: "2020-01-01", end: "2020-12-31" });
  const sim = await startScenarioSimulator(dataset);
  simulators.push(sim);
  const connector = simConnector(sim, { max_deactivation_percent: 100 });
  const started = await startGateway({
    config: {
      ...base,
      connectors: [{ ...connector, scim: { username: null, password: null, bearerToken: SCIM_TOKEN } }],
    },
    stdoutLevel: "silent",
    schedule: false,
  });
  gateways.push(started);
  return started;
}

const scrape = (url: string, token?: string) =>
  fetch(`${url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe("/metrics", () => {
  it("is not served at all when neither [metrics] listen nor a token is configured", async () => {
    const gw = await gateway({});
    expect((await scrape(gw.url)).status).toBe(404);
    expect((await scrape(gw.url, "anything")).status).toBe(404);
    expect(gw.metricsUrl).toBeNull();
  });

  it("with only [metrics] token: on the main address, for that bearer token only", async () => {
    const gw = await gateway({ token: METRICS_TOKEN });
    expect((await scrape(gw.url)).status).toBe(401);
    expect((await scrape(gw.url, "wrong-token")).status).toBe(401);
    const response = await scrape(gw.url, METRICS_TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  });

  it("with [metrics] listen: only on that address (and behind the token there too, when one is set)", async () => {
    const open = await gateway({ listen: "127.0.0.1:0" });
    expect(open.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await scrape(open.url)).status).toBe(404);
    expect((await scrape(open.metricsUrl!)).status).toBe(200);

    const guarded = await gateway({ listen: "127.0.0.1:0", token: METRICS_TOKEN });
    expect((await scrape(guarded.metricsUrl!)).status).toBe(401);
    expect((await scrape(guarded.metricsUrl!, METRICS_TOKEN)).status).toBe(200);
    expect((await scrape(guarded.url, METRICS_TOKEN)).status).toBe(404);
  });

  it("counts sync runs, SCIM requests by route and status, people by state, and the last successful sync", async () => {
    const gw = await gateway({ token: METRICS_TOKEN });
    const before = Date.now() / 1000;
    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const auth = { authorization: `Bearer ${SCIM_TOKEN}` };
    const list = (await (await fetch(`${gw.url}/scim/v2/acme/Users`, { headers: auth })).json()) as {
      Resources: { id: string }[];
    };
    await fetch(`${gw.url}/scim/v2/acme/Users/${list.Resources[0]!.id}`, { headers: auth });
    await fetch(`${gw.url}/scim/v2/acme/Users/${list.Resources[1]!.id}`, { headers: auth });
    await fetch(`${gw.url}/scim/v2/acme/Users`, { headers: { authorization: "Bearer wrong" } });

    const text = await (await scrape(gw.url, METRICS_TOKEN)).text();
    const value = (series: string) =>
      Number(new RegExp(`^${series.replace(/[{}().*+?[\]\\|^$]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1]);
    expect(value('hrgw_sync_runs_total{connector="acme",result="succeeded"}')).toBe(1);
    expect(value('hrgw_sync_run_duration_seconds_count{connector="acme",result="succeeded"}')).toBe(1);
    expect(value('hrgw_scim_requests_total{route="/Users",status="200"}')).toBe(1);
    expect(value('hrgw_scim_requests_total{route="/Users/{id}",status="200"}')).toBe(2);
    expect(value('hrgw_scim_requests_total{route="/Users",status="401"}')).toBe(1);
    expect(value('hrgw_users{connector="acme",state="active"}')).toBe(2);
    expect(value('hrgw_users{connector="acme",state="removed"}')).toBe(1);
    expect(value('hrgw_sync_held_runs{connector="acme"}')).toBe(0);
    expect(value('hrgw_last_successful_sync_timestamp_seconds{connector="acme"}')).toBeGreaterThanOrEqual(
      Math.floor(before),
    );
    for (const name of [
      "process_resident_memory_bytes",
      "process_cpu_seconds_total",
      "process_start_time_seconds",
      "nodejs_heap_size_used_bytes",
    ]) {
      expect(value(name), name).toBeGreaterThan(0);
    }
  });

  it("parses whole after a sync and SCIM requests: every family typed and described, values and labels as served", async () => {
    const gw = await gateway({ token: METRICS_TOKEN });
    // The run reads, plans and applies in its sync process: its count and duration reach /metrics through the
    // SyncService's "finished" event here, its group budget through the run record it wrote.
    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const auth = { authorization: `Bearer ${SCIM_TOKEN}` };
    const list = (await (await fetch(`${gw.url}/scim/v2/acme/Users`, { headers: auth })).json()) as {
      Resources: { id: string; userName: string }[];
    };
    expect((await fetch(`${gw.url}/scim/v2/acme/Users/${list.Resources[0]!.id}`, { headers: auth })).status).toBe(200);
    const search = await fetch(`${gw.url}/scim/v2/acme/Groups/.search`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/scim+json" },
      body: JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], count: 1 }),
    });
    expect(search.status).toBe(200);

    const response = await scrape(gw.url, METRICS_TOKEN);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const families = parsePrometheusText(text);

    const run = { connector: "acme", result: "succeeded" };
    expect(sampleValue(families, "hrgw_sync_runs_total", run)).toBe(1);
    const buckets = families
      .get("hrgw_sync_run_duration_seconds")!
      .samples.filter((sample) => sample.name === "hrgw_sync_run_duration_seconds_bucket");
    expect(buckets.map((sample) => sample.labels)).toEqual(
      ["1", "5", "15", "30", "60", "120", "300", "600", "1800", "3600", "+Inf"].map((le) => ({ ...run, le })),
    );
    expect(buckets.at(-1)!.value).toBe(1);
    expect(sampleValue(families, "hrgw_sync_run_duration_seconds_count", run)).toBe(1);

    expect(sampleValue(families, "hrgw_scim_requests_total", { route: "/Users", status: "200" })).toBe(1);
    expect(sampleValue(families, "hrgw_scim_requests_total", { route: "/Users/{id}", status: "200" })).toBe(1);
    expect(sampleValue(families, "hrgw_scim_requests_total", { route: "/Groups/.search", status: "200" })).toBe(1);
    for (const route of ["/Users", "/Users/{id}", "/Groups/.search"]) {
      const count = sampleValue(families, "hrgw_scim_request_duration_seconds_count", { route });
      expect(count, route).toBe(1);
      expect(sampleValue(families, "hrgw_scim_request_duration_seconds_bucket", { route, le: "+Inf" })).toBe(count);
    }
    expect(families.get("hrgw_users")!.samples.map(({ labels, value }) => ({ ...labels, value }))).toEqual(
      expect.arrayContaining([
        { connector: "acme", state: "active", value: 2 },
        { connector: "acme", state: "removed", value: 1 },
      ]),
    );
    expect(sampleValue(families, "hrgw_sync_held_runs", { connector: "acme" })).toBe(0);
    expect(sampleValue(families, "hrgw_connector_attention", { connector: "acme" })).toBe(0);
    expect(sampleValue(families, "hrgw_groups_over_budget", { connector: "acme" })).toBe(0);
    expect(sampleValue(families, "process_open_fds")).toBeGreaterThan(0);
    expect(sampleValue(families, "nodejs_heap_size_total_bytes")).toBeGreaterThan(0);

    // Cumulative buckets, +Inf equal to _count, in every histogram served (the process's GC one too).
    for (const family of [...families.values()].filter((family) => family.type === "histogram")) {
      const series = new Map<string, number[]>();
      for (const sample of family.samples.filter((sample) => sample.name.endsWith("_bucket"))) {
        const { le: _le, ...rest } = sample.labels;
        const key = JSON.stringify(rest);
        series.set(key, [...(series.get(key) ?? []), sample.value]);
      }
      for (const [key, counts] of series) {
        expect(counts, `${family.name} ${key}`).toEqual([...counts].sort((a, b) => a - b));
        const labels = JSON.parse(key) as Record<string, string>;
        expect(counts.at(-1), `${family.name} ${key}`).toBe(sampleValue(families, `${family.name}_count`, labels));
      }
    }
    // Label values are route templates and connector ids, never a person's id or name.
    for (const user of list.Resources) {
      expect(text).not.toContain(user.id);
      expect(text).not.toContain(user.userName);
    }
  });
});
