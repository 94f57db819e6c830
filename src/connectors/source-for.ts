import type { ConnectorConfig } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import { createNmbrsSoapSource } from "../sources/nmbrs/soap-source.js";
import { SourceError, type HrSource } from "../sources/types.js";

export interface SourceDeps {
  readonly logger: Logger;
}

/** The HR source a connector reads from. A fresh source per run, so its stats count that run's calls and bytes. */
export function createSourceFor(connector: ConnectorConfig, deps: SourceDeps): HrSource {
  const { kind } = connector.settings;
  if (kind === "nmbrs-soap" && connector.nmbrs) {
    const { endpoint, username, token, domain, timeoutSeconds } = connector.nmbrs;
    return createNmbrsSoapSource({ endpoint, username, token, domain, timeoutMs: timeoutSeconds * 1000, logger: deps.logger });
  }
  throw new SourceError(`connector ${connector.settings.id} (${kind}) has no source settings for its kind`, {
    needsAttention: true,
  });
}
