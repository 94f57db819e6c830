import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { SimDataset } from "../dataset.js";
import { createRestSimulator, type RestSimOptions, type RestSimulator } from "../rest/rest-simulator.js";
import { FaultController, type FaultRule } from "./fault-controller.js";
import { SimStats } from "./sim-stats.js";
import { createSoapHandler, type SimCredentials, type SimSettings } from "./soap-handler.js";

export interface NmbrsSimulatorOptions {
  readonly dataset: SimDataset;
  readonly credentials: SimCredentials;
  /** Default 127.0.0.1: the simulator is for tests and demos and should not be reachable from elsewhere. */
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** `"Service.Operation"` names that answer 1002, as if switched off in the API user's template. */
  readonly disabledOperations?: readonly string[];
  /** Faults active from the start; change them later through the returned `faults` controller. */
  readonly faults?: readonly FaultRule[];
  /** Delay before every answer; default 0. */
  readonly latencyMs?: number;
  /** Today for the *_GetCurrent calls (`YYYY-MM-DD`); defaults to the real UTC date. */
  readonly today?: string;
  /** The REST API and identity service served next to SOAP (apps, subscription key, token lifetimes, faults). */
  readonly rest?: RestSimOptions;
}

export interface NmbrsSimulator {
  /** Base URL of the services, e.g. `http://127.0.0.1:PORT/soap/v3` (append `/EmployeeService.asmx`). */
  readonly url: string;
  readonly stats: SimStats;
  readonly faults: FaultController;
  /** Today, latency and disabled operations; change them between calls. */
  readonly settings: SimSettings;
  /** The same dataset as the Nmbrs REST API with its OAuth2 identity service, on the same port. */
  readonly rest: RestSimulator;
  close(): Promise<void>;
}

/**
 * Serves the dataset as the Nmbrs SOAP API (`/soap/v3/…`) and as the REST API with its identity service (`/api/…`,
 * `/connect/…`) on one local port, so a SOAP → REST migration can be tested against the same people. The dataset is
 * live: mutate it between calls.
 */
export async function startNmbrsSimulator(options: NmbrsSimulatorOptions): Promise<NmbrsSimulator> {
  const stats = new SimStats();
  const faults = new FaultController();
  for (const rule of options.faults ?? []) faults.add(rule);
  const settings: SimSettings = {
    today: options.today ?? new Date().toISOString().slice(0, 10),
    latencyMs: options.latencyMs ?? 0,
    disabledOperations: new Set(options.disabledOperations ?? []),
  };
  const soap = createSoapHandler({
    dataset: options.dataset,
    credentials: options.credentials,
    settings,
    faults,
    stats,
  });
  const rest = createRestSimulator(options.rest ?? {}, {
    dataset: options.dataset,
    settings,
    ...(options.credentials.companyIds ? { companyIds: options.credentials.companyIds } : {}),
  });
  const server = createServer((request, response) =>
    (request.url?.startsWith("/soap/") ? soap : rest.handler)(request, response),
  );
  // Nmbrs (IIS) keeps an idle connection for 120 s. Node's default of 5 s closes it while a client still parses the
  // previous 10 MB answer, and the client's next call then fails on the closed socket and is retried.
  server.keepAliveTimeout = 120_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/soap/v3`,
    stats,
    faults,
    settings,
    rest: rest.controls(`http://${host}:${port}`),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Delayed and streaming answers would otherwise keep close() waiting for their sockets.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
