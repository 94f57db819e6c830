import type { MiddlewareHandler } from "hono";
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type LabelValues,
  Registry,
} from "prom-client";
import type { LoginResult } from "../console/deps.js";
import type { Sqlite } from "../db/open.js";
import { SCIM_MOUNT_PATH } from "../scim/scim-env.js";
import type { RunOutcome } from "../sync/run-sync.js";
import type { GroupBudgetReport } from "../lifecycle/group-budget.js";
import { readRun } from "../sync/run-store.js";
import { databaseFiguresOf } from "./database-figures.js";

/** What the metrics listen to: finished runs, as SyncService emits them. */
export interface SyncEvents {
  on(event: "finished", listener: (outcome: RunOutcome) => void): unknown;
  off(event: "finished", listener: (outcome: RunOutcome) => void): unknown;
}

export interface GatewayMetrics {
  /** The Prometheus text of every metric, database gauges read now. */
  render(): Promise<string>;
  /** The Content-Type of what render() returns. */
  readonly contentType: string;
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
 * The gateway's metrics, in a registry of its own (never prom-client's global one, so that one process can hold
 * several gateways, as the tests do): sync runs and their duration by result, SCIM requests by route and status
 * (counted in this process), people by lifecycle state, the last successful sync per connector and held runs (read
 * from the database when scraped and it changed, so runs of `npm run sync` count too), and the process's own figures.
 */
export function createGatewayMetrics(deps: { readonly sqlite: Sqlite; readonly sync: SyncEvents }): GatewayMetrics {
  const { sqlite } = deps;
  const figures = databaseFiguresOf(sqlite);
  const registry = new Registry();
  const registers = [registry];
  const runs = new Counter({
    name: "hrgw_sync_runs_total",
    help: "Sync runs finished by this process, by connector and result (succeeded, held, failed).",
    labelNames: ["connector", "result"],
    registers,
  });
  const runSeconds = new Histogram({
    name: "hrgw_sync_run_duration_seconds",
    help: "Duration of sync runs finished by this process.",
    labelNames: ["connector", "result"],
    buckets: SYNC_BUCKETS,
    registers,
  });
  const requests = new Counter({
    name: "hrgw_scim_requests_total",
    help: "SCIM requests by route and HTTP status.",
    labelNames: ["route", "status"],
    registers,
  });
  const requestSeconds = new Histogram({
    name: "hrgw_scim_request_duration_seconds",
    help: "Duration of SCIM requests by route.",
    labelNames: ["route"],
    buckets: REQUEST_BUCKETS,
    registers,
  });
  const logins = new Counter({
    name: "hrgw_console_logins_total",
    help: "Console sign-in attempts by result (succeeded, failed, throttled: refused unchecked).",
    labelNames: ["result"],
    registers,
  });
  new Gauge({
    name: "hrgw_build_info",
    help: "Versions; always 1.",
    labelNames: ["nodejs"],
    registers,
  }).set({ nodejs: process.version }, 1);

  const perConnector = { labelNames: ["connector"], registers } as const;
  databaseGauge(
    {
      name: "hrgw_last_successful_sync_timestamp_seconds",
      help: "Unix time of the last successful sync per connector; 0 = never.",
      ...perConnector,
    },
    () =>
      figures().lastSuccess.map((row) => ({
        labels: { connector: row.connector },
        value: row.at ? Date.parse(row.at) / 1000 : 0,
      })),
  );
  databaseGauge(
    { name: "hrgw_sync_held_runs", help: "Sync runs held for approval per connector.", ...perConnector },
    () => figures().held.map((row) => ({ labels: { connector: row.connector }, value: row.held })),
  );
  databaseGauge(
    {
      name: "hrgw_connector_attention",
      help: "1 when a connector needs an admin (credentials, consent, removed from config.toml).",
      ...perConnector,
    },
    () =>
      figures().attention.map((row) => ({
        labels: { connector: row.connector },
        value: row.flagged ? 1 : 0,
      })),
  );
  databaseGauge(
    {
      name: "hrgw_users",
      help: "People per connector and lifecycle state; active and inactive are served to Okta.",
      labelNames: ["connector", "state"],
      registers,
    },
    () =>
      figures().people.map((row) => ({
        labels: { connector: row.connector, state: row.state },
        value: row.people,
      })),
  );
  // The group budget of each connector's last applied run, read from its stats.
  const budgetOfLastRun = (figure: (budget: GroupBudgetReport) => number) => () =>
    figures().budgets.map((row) => ({ labels: { connector: row.connector }, value: figure(row.budget) }));
  databaseGauge(
    {
      name: "hrgw_groups_over_budget",
      help: "Groups with more members than the connector's budget (groups.max_members), as the last applied run served them.",
      ...perConnector,
    },
    budgetOfLastRun((budget) => budget.groupsOver.length),
  );
  databaseGauge(
    {
      name: "hrgw_groups_pages_over_budget",
      help: "/Groups pages of 100 larger than the connector's budget (groups.max_page_mb), as the last applied run served them.",
      ...perConnector,
    },
    budgetOfLastRun((budget) => budget.pagesOver.length),
  );
  databaseGauge(
    {
      name: "hrgw_groups_largest_page_bytes",
      help: "Bytes of the largest /Groups page of 100 (before gzip), as the last applied run served them.",
      ...perConnector,
    },
    budgetOfLastRun((budget) => budget.largestPageBytes),
  );
  const served = Registry.merge([registry, processMetrics()]);

  const onFinished = (outcome: RunOutcome) => {
    const labels = { connector: outcome.connectorId, result: outcome.status };
    runs.inc(labels);
    const times = readRun(sqlite, outcome.runId);
    if (times?.finishedAt)
      runSeconds.observe(labels, (Date.parse(times.finishedAt) - Date.parse(times.startedAt)) / 1000);
  };
  deps.sync.on("finished", onFinished);

  return {
    render: () => served.metrics(),
    contentType: served.contentType,
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

interface Sample<L extends string> {
  readonly labels: Readonly<Record<L, string>>;
  readonly value: number;
}

/**
 * A gauge of database figures, set when scraped: its series are the rows read for this scrape (database-figures.ts),
 * so a connector that was deleted since the last scrape is gone from it too.
 */
function databaseGauge<L extends string>(
  config: Omit<GaugeConfiguration<L>, "collect">,
  read: () => readonly Sample<L>[],
): void {
  new Gauge<L>({
    ...config,
    collect() {
      this.reset();
      for (const sample of read()) this.set(sample.labels as LabelValues<L>, sample.value);
    },
  });
}

let processRegistry: Registry | undefined;

/**
 * prom-client's process and Node.js figures (CPU, memory, open files, heap, event loop delay, GC), collected once per
 * process and shared by every gateway in it: they describe the process, not a gateway, and their collectors (an
 * event loop monitor, a GC observer) cannot be stopped, so one per gateway would pile up in a process that starts
 * many, as the tests do.
 */
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}
