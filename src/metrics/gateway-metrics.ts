import { readdirSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { MiddlewareHandler } from "hono";
import type { LoginResult } from "../console/deps.js";
import type { Sqlite } from "../db/open.js";
import { attentionPerConnector } from "../connectors/registry.js";
import { SCIM_MOUNT_PATH } from "../scim/scim-env.js";
import { peoplePerState } from "../sync/hr-list-store.js";
import type { RunOutcome } from "../sync/run-sync.js";
import type { GroupBudgetReport } from "../lifecycle/group-budget.js";
import { groupBudgetOfLastRuns, heldRunsPerConnector, lastSuccessPerConnector, readRun } from "../sync/run-store.js";
import { Counter, Gauge, Histogram, MetricsRegistry, type Sample } from "./prometheus-text.js";

/** What the metrics listen to: finished runs, as SyncService emits them. */
export interface SyncEvents {
  on(event: "finished", listener: (outcome: RunOutcome) => void): unknown;
  off(event: "finished", listener: (outcome: RunOutcome) => void): unknown;
}

export interface GatewayMetrics {
  /** The Prometheus text of every metric, database gauges read now. */
  render(): string;
  /** Counts and times SCIM requests; put it in front of the SCIM app. */
  readonly scimRequests: MiddlewareHandler;
  /** Counts a console sign-in attempt by outcome (refused ones too, which are not audited one by one). */
  countLogin(result: LoginResult): void;
  close(): void;
}

const SYNC_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const ENDPOINTS = new Map(
  ["Users", "Groups", "Schemas", "ResourceTypes", "ServiceProviderConfig"].map((name) => [name.toLowerCase(), name]),
);

/**
 * The gateway's metrics: sync runs and their duration by result, SCIM requests by route and status (counted in
 * this process), people by lifecycle state, the last successful sync per connector and held runs (read from the
 * database when scraped, so runs of `npm run sync` count too), and the usual process figures.
 */
export function createGatewayMetrics(deps: { readonly sqlite: Sqlite; readonly sync: SyncEvents }): GatewayMetrics {
  const { sqlite } = deps;
  const registry = new MetricsRegistry();
  const runs = registry.add(
    new Counter(
      "hrgw_sync_runs_total",
      "Sync runs finished by this process, by connector and result (succeeded, held, failed).",
    ),
  );
  const runSeconds = registry.add(
    new Histogram("hrgw_sync_run_duration_seconds", "Duration of sync runs finished by this process.", SYNC_BUCKETS),
  );
  const requests = registry.add(new Counter("hrgw_scim_requests_total", "SCIM requests by route and HTTP status."));
  const requestSeconds = registry.add(
    new Histogram("hrgw_scim_request_duration_seconds", "Duration of SCIM requests by route.", REQUEST_BUCKETS),
  );
  const logins = registry.add(
    new Counter(
      "hrgw_console_logins_total",
      "Console sign-in attempts by result (succeeded, failed, throttled: refused unchecked).",
    ),
  );

  registry.add(
    new Gauge(
      "hrgw_last_successful_sync_timestamp_seconds",
      "Unix time of the last successful sync per connector; 0 = never.",
      () =>
        lastSuccessPerConnector(sqlite).map((row) => ({
          labels: { connector: row.connector },
          value: row.at ? Date.parse(row.at) / 1000 : 0,
        })),
    ),
  );
  registry.add(
    new Gauge("hrgw_sync_held_runs", "Sync runs held for approval per connector.", () =>
      heldRunsPerConnector(sqlite).map((row) => ({ labels: { connector: row.connector }, value: row.held })),
    ),
  );
  registry.add(
    new Gauge(
      "hrgw_connector_attention",
      "1 when a connector needs an admin (credentials, consent, removed from config.toml).",
      () =>
        attentionPerConnector(sqlite).map((row) => ({
          labels: { connector: row.connector },
          value: row.flagged ? 1 : 0,
        })),
    ),
  );
  registry.add(
    new Gauge("hrgw_users", "People per connector and lifecycle state; active and inactive are served to Okta.", () =>
      peoplePerState(sqlite).map((row) => ({
        labels: { connector: row.connector, state: row.state },
        value: row.people,
      })),
    ),
  );
  // The group budget of each connector's last applied run, read from its stats.
  const budgetOfLastRun = (figure: (budget: GroupBudgetReport) => number) =>
    groupBudgetOfLastRuns(sqlite).map((row) => ({ labels: { connector: row.connector }, value: figure(row.budget) }));
  registry.add(
    new Gauge(
      "hrgw_groups_over_budget",
      "Groups with more members than the connector's budget (groups.max_members), as the last applied run served them.",
      () => budgetOfLastRun((budget) => budget.groupsOver.length),
    ),
  );
  registry.add(
    new Gauge(
      "hrgw_groups_pages_over_budget",
      "/Groups pages of 100 larger than the connector's budget (groups.max_page_mb), as the last applied run served them.",
      () => budgetOfLastRun((budget) => budget.pagesOver.length),
    ),
  );
  registry.add(
    new Gauge(
      "hrgw_groups_largest_page_bytes",
      "Bytes of the largest /Groups page of 100 (before gzip), as the last applied run served them.",
      () => budgetOfLastRun((budget) => budget.largestPageBytes),
    ),
  );
  const loop = processMetrics(registry);

  const onFinished = (outcome: RunOutcome) => {
    const labels = { connector: outcome.connectorId, result: outcome.status };
    runs.inc(labels);
    const times = readRun(sqlite, outcome.runId);
    if (times?.finishedAt)
      runSeconds.observe(labels, (Date.parse(times.finishedAt) - Date.parse(times.startedAt)) / 1000);
  };
  deps.sync.on("finished", onFinished);

  return {
    render: () => registry.render(),
    scimRequests: async (c, next) => {
      const started = performance.now();
      await next();
      const route = scimRoute(c.req.path);
      requests.inc({ route, status: String(c.res.status) });
      requestSeconds.observe({ route }, (performance.now() - started) / 1000);
    },
    countLogin: (result) => logins.inc({ result }),
    close() {
      deps.sync.off("finished", onFinished);
      loop.disable();
    },
  };
}

/**
 * The route template of a SCIM path, so that ids never become label values: "/Users/{id}", "/Groups",
 * "/ServiceProviderConfig"; anything unknown is "other".
 */
export function scimRoute(path: string): string {
  const [connector, endpoint, id, ...rest] = path.slice(SCIM_MOUNT_PATH.length + 1).split("/");
  if (!connector) return "other";
  if (endpoint === undefined || endpoint === "") return "/";
  const name = ENDPOINTS.get(endpoint.toLowerCase());
  if (!name || rest.length > 0) return "other";
  if (id === undefined || id === "") return `/${name}`;
  return id.toLowerCase() === ".search" ? `/${name}/.search` : `/${name}/{id}`;
}

function processMetrics(registry: MetricsRegistry) {
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  const one = (value: number): Sample[] => [{ labels: {}, value }];
  registry.add(
    new Gauge(
      "process_cpu_user_seconds_total",
      "User CPU time spent, in seconds.",
      () => one(process.cpuUsage().user / 1e6),
      "counter",
    ),
  );
  registry.add(
    new Gauge(
      "process_cpu_system_seconds_total",
      "System CPU time spent, in seconds.",
      () => one(process.cpuUsage().system / 1e6),
      "counter",
    ),
  );
  registry.add(
    new Gauge(
      "process_cpu_seconds_total",
      "Total user and system CPU time spent, in seconds.",
      () => {
        const usage = process.cpuUsage();
        return one((usage.user + usage.system) / 1e6);
      },
      "counter",
    ),
  );
  registry.add(
    new Gauge("process_resident_memory_bytes", "Resident memory size in bytes.", () => one(process.memoryUsage.rss())),
  );
  registry.add(
    new Gauge("process_start_time_seconds", "Start time of the process since the Unix epoch, in seconds.", () =>
      one(Math.round(performance.timeOrigin / 1000)),
    ),
  );
  registry.add(
    new Gauge("process_open_fds", "Open file descriptors (Linux only).", () => {
      try {
        return one(readdirSync("/proc/self/fd").length);
      } catch {
        // Not Linux (a developer's laptop): the metric is simply absent.
        return [];
      }
    }),
  );
  registry.add(
    new Gauge("nodejs_heap_size_used_bytes", "V8 heap in use, in bytes.", () => one(process.memoryUsage().heapUsed)),
  );
  registry.add(
    new Gauge("nodejs_heap_size_total_bytes", "V8 heap allocated, in bytes.", () =>
      one(process.memoryUsage().heapTotal),
    ),
  );
  registry.add(
    new Gauge(
      "nodejs_eventloop_lag_p99_seconds",
      "99th percentile of the event loop delay since start, in seconds.",
      () => one(loop.percentile(99) / 1e9),
    ),
  );
  registry.add(
    new Gauge("hrgw_build_info", "Versions; always 1.", () => [{ labels: { nodejs: process.version }, value: 1 }]),
  );
  return loop;
}
