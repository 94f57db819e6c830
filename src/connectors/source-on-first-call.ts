import type { ConnectorConfig } from "../config/types.js";
import type { HrCompany, HrSource } from "../sources/types.js";
import type { SourceDeps } from "./source-for.js";

/**
 * The connector's HR source (source-for.ts), whose module, and with it every HR system's client and parser, is
 * imported when the source is first asked something. The gateway's own process makes sources only for the console's
 * connection test (runs read in sync processes), so it never loads them while it just serves Okta.
 */
export function sourceOnFirstCall(connector: ConnectorConfig, deps: SourceDeps): HrSource {
  let loading: Promise<HrSource> | null = null;
  let loaded: HrSource | null = null;
  // A source that cannot be built (no settings for its kind) rejects each call, as the run or the test asks.
  const load = (): Promise<HrSource> =>
    (loading ??= import("./source-for.js").then(({ createSourceFor }) => {
      loaded = createSourceFor(connector, deps);
      return loaded;
    }));
  return {
    listCompanies: async (signal) => (await load()).listCompanies(signal),
    fetchCompany: async (company, options) => (await load()).fetchCompany(company, options),
    testConnection: async (signal): Promise<HrCompany[]> => {
      const real = await load();
      return real.testConnection ? real.testConnection(signal) : real.listCompanies(signal);
    },
    get stats() {
      return loaded?.stats ?? { calls: 0, bytesReceived: 0 };
    },
  };
}
