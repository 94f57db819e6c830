import { writeFileSync } from "node:fs";

/** The one connector every benchmark uses; its SCIM Base URL is <gateway>/scim/v2/bench. */
export const CONNECTOR = "bench";
export const SCIM_TOKEN = "bench-bearer-token-5f0c1d2e8a";
/** /metrics is served on the main address behind this token (benchmark 9 scrapes it). */
export const METRICS_TOKEN = "bench-metrics-token-9a3e7b41c6";
export const SIM_CREDENTIALS = { username: "api@example.nl", token: "sim-token", domain: "example" } as const;

export interface GatewayConfig {
  readonly dbPath: string;
  /** Where the gateway listens; omit for a config only the sync CLI reads. */
  readonly port?: number;
  /** The Nmbrs (simulator) SOAP URL; a closed port when the connector is only served, never synced. */
  readonly simUrl?: string;
  /** When the gateway's scheduler runs the connector's one sync (UTC); default: never during a benchmark. */
  readonly syncAt?: Date;
}

/**
 * config.toml for `dist/main.js` and `dist/cli.js sync`: connector "bench" reading Nmbrs SOAP (managers and cost
 * centers off, department and company groups), a schedule that never fires during a run unless `syncAt` says when,
 * and no hold (a benchmark sync must apply). Returns the file's path.
 */
export function writeGatewayConfig(path: string, config: GatewayConfig): string {
  writeFileSync(
    path,
    `${config.port === undefined ? "" : `[server]\nlisten = "127.0.0.1:${config.port}"\n`}
[storage]
path = ${JSON.stringify(config.dbPath)}
[log]
level = "warn"
[metrics]
token = "${METRICS_TOKEN}"
[[connectors]]
id = "${CONNECTOR}"
kind = "nmbrs-soap"
schedule = "${config.syncAt ? cronAt(config.syncAt) : "0 0 1 1 *"}"
timezone = "UTC"
max_deactivation_percent = 100
[connectors.groups]
kinds = ["department", "company"]
[connectors.nmbrs]
endpoint = ${JSON.stringify(config.simUrl ?? "http://127.0.0.1:1/soap/v3")}
username = "${SIM_CREDENTIALS.username}"
token = "${SIM_CREDENTIALS.token}"
domain = "${SIM_CREDENTIALS.domain}"
timeout_seconds = 600
[connectors.scim]
bearer_token = "${SCIM_TOKEN}"
`,
  );
  return path;
}

/** A croner pattern (with seconds) that matches `at`, to the second, once a year. */
function cronAt(at: Date): string {
  return `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`;
}
