import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { SimDataset } from "../dataset.js";
import { FaultController, type FaultRule } from "./fault-controller.js";
import { SimStats } from "./sim-stats.js";
import { createSoapHandler, type SimCredentials } from "./soap-handler.js";

export interface NmbrsSimulatorOptions {
  readonly dataset: SimDataset;
  readonly credentials: SimCredentials;
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** `"Service.Operation"` names that answer 1002, as if switched off in the API user's template. */
  readonly disabledOperations?: readonly string[];
  /** Faults active from the start; change them later through the returned `faults` controller. */
  readonly faults?: readonly FaultRule[];
  /** Today for the *_GetCurrent calls (`YYYY-MM-DD`); defaults to the real UTC date. */
  readonly today?: string;
}

export interface NmbrsSimulator {
  /** Base URL of the services, e.g. `http://127.0.0.1:PORT/soap/v3` (append `/EmployeeService.asmx`). */
  readonly url: string;
  readonly stats: SimStats;
  readonly faults: FaultController;
  close(): Promise<void>;
}

/** Serves the dataset as the Nmbrs SOAP API on a local port. The dataset is live: mutate it between calls. */
export async function startNmbrsSimulator(options: NmbrsSimulatorOptions): Promise<NmbrsSimulator> {
  const stats = new SimStats();
  const faults = new FaultController();
  for (const rule of options.faults ?? []) faults.add(rule);
  const server = createServer(
    createSoapHandler({
      dataset: options.dataset,
      credentials: options.credentials,
      disabledOperations: new Set(options.disabledOperations ?? []),
      today: () => options.today ?? new Date().toISOString().slice(0, 10),
      faults,
      stats,
    }),
  );
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Delayed and streaming answers would otherwise keep close() waiting for their sockets.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
