import { writeFileSync } from "node:fs";
import { DEMO } from "./demo-credentials.js";

export interface DemoConfigOptions {
  /** host:port the gateway listens on. */
  readonly listen: string;
  /** Absolute: loadConfig resolves a relative storage path against the working directory, not the file. */
  readonly storagePath: string;
  /** The running simulator's SOAP endpoint. */
  readonly simulatorUrl: string;
  /**
   * Which simulator it is: Nmbrs SOAP (default), AFAS Profit (`--source afas`, base URL in simulatorUrl), Loket
   * (`--source loket`, api_url in simulatorUrl) or Youforce (`--source youforce`, its section in connectorToml).
   */
  readonly source?: "nmbrs" | "afas" | "loket" | "youforce";
  /** A connector section written by the source's own demo module (`--source youforce`). */
  readonly connectorToml?: string;
}

/**
 * The demo's config.toml, written at every start so that the demo runs from a real file (the console's "declared in
 * config.toml" is then true) and `npm run sync -- --config <it> --connector demo` reaches the same simulator and
 * database. Secrets are inline: they are the README's fixed loopback-only demo credentials, not real ones.
 */
export function demoConfigToml(options: DemoConfigOptions): string {
  const q = (text: string) => JSON.stringify(text);
  return `# Written by \`npm run demo\` at every start (the demo's data folder is wiped then): edits do not survive.
# The credentials are the demo's fixed ones (README, "Try it"); both servers listen on 127.0.0.1 only.

[server]
listen = ${q(options.listen)}

[storage]
path = ${q(options.storagePath)}

[log]
level = "warn"

${options.connectorToml ?? CONNECTORS[options.source === "youforce" || !options.source ? "nmbrs" : options.source](options.simulatorUrl)}
[connectors.scim]
username = ${q(DEMO.scimUsername)}
password = ${q(DEMO.scimPassword)}
`;
}

const q = (text: string) => JSON.stringify(text);

/** The part every demo connector shares: one connector of `kind`, synced every 15 minutes into three group kinds. */
function connectorHead(kind: string, name: string, extra = ""): string {
  return `[[connectors]]
id = ${q(DEMO.connectorId)}
kind = ${q(kind)}
name = ${q(name)}
schedule = "*/15 * * * *"
${extra}groups = { kinds = ["department", "company", "function"] }
`;
}

function nmbrsConnector(endpoint: string): string {
  return `${connectorHead("nmbrs-soap", "Demo BV (simulated Nmbrs)")}
[connectors.nmbrs]
endpoint = ${q(endpoint)}
username = ${q(DEMO.nmbrs.username)}
token = ${q(DEMO.nmbrs.token)}
domain = ${q(DEMO.nmbrs.domain)}
`;
}

/** http: is allowed for the simulator on 127.0.0.1; the gateway warns about it at start-up. */
function afasConnector(baseUrl: string): string {
  return `${connectorHead("afas-profit", "Zorggroep De Linde (simulated AFAS Profit)", "managers = true\n")}
[connectors.afas]
base_url = ${q(baseUrl)}
token = ${q(DEMO.afasToken)}
`;
}

/** http: is allowed for the simulator on 127.0.0.1 (the gateway warns); its OAuth pages sit beside the API. */
function loketConnector(apiUrl: string): string {
  return `${connectorHead("loket", "Bakker & Zonen en zusters (simulated Loket)")}
[connectors.loket]
environment = "acceptance"
api_url = ${q(apiUrl)}
oauth_url = ${q(apiUrl.replace(/\/v2$/, ""))}
client_id = ${q(DEMO.loket.clientId)}
client_secret = ${q(DEMO.loket.clientSecret)}
`;
}

const CONNECTORS = { nmbrs: nmbrsConnector, afas: afasConnector, loket: loketConnector } as const;

export function writeDemoConfig(path: string, options: DemoConfigOptions): void {
  // Only the gateway's user may read it, like the database beside it.
  writeFileSync(path, demoConfigToml(options), { mode: 0o600 });
}
