import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/db/open.js";
import { createGatewayMetrics, scimRoute } from "../../../src/metrics/gateway-metrics.js";
import { finishRun, startRun } from "../../../src/sync/run-store.js";
import type { RunOutcome } from "../../../src/sync/run-sync.js";
import { parsePrometheusText, sampleValue } from "../../support/prometheus-text.js";

const at = "2026-03-02T09:00:00.000Z";

/** A gateway's metrics over a fresh database with connectors "acme" and "beta", and the events a SyncService emits. */
function metricsOver() {
  const db = openDatabase(":memory:");
  for (const id of ["acme", "beta"])
    db.sqlite
      .prepare(
        "INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at) VALUES (?, 'nmbrs', 'file', '{}', ?, ?)",
      )
      .run(id, at, at);
  const sync = new EventEmitter();
  const metrics = createGatewayMetrics({ sqlite: db.sqlite, sync });
  const scrape = async () => parsePrometheusText(await metrics.render());
  const finish = (connectorId: string, seconds: number) => {
    const runId = startRun(db.sqlite, connectorId, "manual", at);
    finishRun(db.sqlite, runId, {
      status: "succeeded",
      finishedAt: new Date(Date.parse(at) + seconds * 1000).toISOString(),
      appliedGen: runId,
    });
    sync.emit("finished", { runId, connectorId, status: "succeeded" } as RunOutcome);
  };
  return { db, sync, metrics, scrape, finish };
}

describe("the gateway's metrics (prom-client)", () => {
  it("serves every metric docs/operations.md lists, with its type and buckets", async () => {
    const { metrics, scrape, db } = metricsOver();
    const families = await scrape();
    const types = Object.fromEntries([...families.values()].map((family) => [family.name, family.type]));
    expect(types).toMatchObject({
      hrgw_sync_runs_total: "counter",
      hrgw_sync_run_duration_seconds: "histogram",
      hrgw_last_successful_sync_timestamp_seconds: "gauge",
      hrgw_sync_held_runs: "gauge",
      hrgw_connector_attention: "gauge",
      hrgw_users: "gauge",
      hrgw_scim_requests_total: "counter",
      hrgw_scim_request_duration_seconds: "histogram",
      hrgw_console_logins_total: "counter",
      hrgw_groups_over_budget: "gauge",
      hrgw_groups_pages_over_budget: "gauge",
      hrgw_groups_largest_page_bytes: "gauge",
      hrgw_build_info: "gauge",
      process_cpu_user_seconds_total: "counter",
      process_cpu_system_seconds_total: "counter",
      process_cpu_seconds_total: "counter",
      process_resident_memory_bytes: "gauge",
      process_start_time_seconds: "gauge",
      process_open_fds: "gauge",
      nodejs_heap_size_used_bytes: "gauge",
      nodejs_heap_size_total_bytes: "gauge",
      process_virtual_memory_bytes: "gauge",
      process_heap_bytes: "gauge",
      process_max_fds: "gauge",
      nodejs_external_memory_bytes: "gauge",
      nodejs_heap_space_size_used_bytes: "gauge",
      nodejs_heap_space_size_total_bytes: "gauge",
      nodejs_heap_space_size_available_bytes: "gauge",
      nodejs_eventloop_lag_seconds: "gauge",
      nodejs_eventloop_lag_min_seconds: "gauge",
      nodejs_eventloop_lag_max_seconds: "gauge",
      nodejs_eventloop_lag_mean_seconds: "gauge",
      nodejs_eventloop_lag_stddev_seconds: "gauge",
      nodejs_eventloop_lag_p50_seconds: "gauge",
      nodejs_eventloop_lag_p90_seconds: "gauge",
      nodejs_eventloop_lag_p99_seconds: "gauge",
      nodejs_gc_duration_seconds: "histogram",
      nodejs_active_handles: "gauge",
      nodejs_active_handles_total: "gauge",
      nodejs_active_requests: "gauge",
      nodejs_active_requests_total: "gauge",
      nodejs_active_resources: "gauge",
      nodejs_active_resources_total: "gauge",
      nodejs_version_info: "gauge",
    });
    // And the docs' table names nothing that is not served.
    const docs = readFileSync(new URL("../../../docs/operations.md", import.meta.url), "utf8");
    const table = docs.slice(
      docs.indexOf("| Metric | Type | Labels |"),
      docs.indexOf("\n\n", docs.indexOf("| Metric |")),
    );
    const documented = table
      .split("\n")
      .slice(2)
      .flatMap((row) => [...row.split("|")[1]!.matchAll(/`([a-z][a-z0-9_]*)`/g)].map((match) => match[1]!));
    expect(documented.length).toBeGreaterThanOrEqual(43);
    expect(documented.filter((name) => !families.has(name))).toEqual([]);
    expect(sampleValue(families, "hrgw_build_info", { nodejs: process.version })).toBe(1);
    expect(sampleValue(families, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(metrics.contentType).toBe("text/plain; version=0.0.4; charset=utf-8");
    metrics.close();
    db.close();
  });

  it("counts a finished run and observes its duration in the sync buckets, until closed", async () => {
    const { metrics, scrape, finish, db } = metricsOver();
    finish("acme", 42);
    let families = await scrape();
    const labels = { connector: "acme", result: "succeeded" };
    expect(sampleValue(families, "hrgw_sync_runs_total", labels)).toBe(1);
    expect(sampleValue(families, "hrgw_sync_run_duration_seconds_sum", labels)).toBe(42);
    expect(
      families
        .get("hrgw_sync_run_duration_seconds")!
        .samples.filter((sample) => sample.name.endsWith("_bucket"))
        .map((sample) => [sample.labels.le, sample.value]),
    ).toEqual([
      ["1", 0],
      ["5", 0],
      ["15", 0],
      ["30", 0],
      ["60", 1],
      ["120", 1],
      ["300", 1],
      ["600", 1],
      ["1800", 1],
      ["3600", 1],
      ["+Inf", 1],
    ]);
    expect(sampleValue(families, "hrgw_last_successful_sync_timestamp_seconds", { connector: "acme" })).toBe(
      Date.parse(at) / 1000 + 42,
    );
    expect(sampleValue(families, "hrgw_last_successful_sync_timestamp_seconds", { connector: "beta" })).toBe(0);

    metrics.close();
    finish("acme", 7);
    families = await scrape();
    expect(sampleValue(families, "hrgw_sync_runs_total", labels)).toBe(1);
    db.close();
  });

  it("keeps each gateway's counts in its own registry, so one process can hold several gateways", async () => {
    const first = metricsOver();
    const second = metricsOver();
    first.metrics.countLogin("failed");
    first.metrics.countLogin("failed");
    second.metrics.countLogin("succeeded");
    const [one, two] = [await first.scrape(), await second.scrape()];
    expect(sampleValue(one, "hrgw_console_logins_total", { result: "failed" })).toBe(2);
    expect(sampleValue(one, "hrgw_console_logins_total", { result: "succeeded" })).toBeUndefined();
    expect(sampleValue(two, "hrgw_console_logins_total", { result: "succeeded" })).toBe(1);
    expect(sampleValue(two, "hrgw_console_logins_total", { result: "failed" })).toBeUndefined();
    // The process figures are the same process's in both.
    expect(sampleValue(one, "process_start_time_seconds")).toBe(sampleValue(two, "process_start_time_seconds"));
    for (const { metrics, db } of [first, second]) {
      metrics.close();
      db.close();
    }
  });

  it("reads the database gauges at each scrape: a connector deleted since is gone from them", async () => {
    const { metrics, scrape, db } = metricsOver();
    db.sqlite.prepare("UPDATE connectors SET attention = 'needs re-consent' WHERE id = 'beta'").run();
    let families = await scrape();
    expect(sampleValue(families, "hrgw_connector_attention", { connector: "acme" })).toBe(0);
    expect(sampleValue(families, "hrgw_connector_attention", { connector: "beta" })).toBe(1);
    db.sqlite.prepare("DELETE FROM connectors WHERE id = 'beta'").run();
    families = await scrape();
    expect(families.get("hrgw_connector_attention")!.samples).toEqual([
      { name: "hrgw_connector_attention", labels: { connector: "acme" }, value: 0 },
    ]);
    metrics.close();
    db.close();
  });
});

describe("SCIM route labels never carry ids", () => {
  it.each([
    ["/scim/v2/acme/Users", "/Users"],
    ["/scim/v2/acme/users", "/Users"],
    ["/scim/v2/acme/Users/2819c223-7f76-453a-919d-413861904646", "/Users/{id}"],
    ["/scim/v2/acme/Groups/.search", "/Groups/.search"],
    ["/scim/v2/acme/Groups/", "/Groups"],
    ["/scim/v2/acme/ServiceProviderConfig", "/ServiceProviderConfig"],
    ["/scim/v2/acme/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", "/Schemas/{id}"],
    ["/scim/v2/acme", "/"],
    ["/scim/v2/acme/Users/1/extra", "other"],
    ["/scim/v2/acme/Bogus", "other"],
    ["/scim/v2/", "other"],
  ])("%s → %s", (path, route) => {
    expect(scimRoute(path)).toBe(route);
  });
});
