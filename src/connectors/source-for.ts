import type { ConnectorConfig } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import { SourceError, type HrSource } from "../sources/types.js";

export interface SourceDeps {
  readonly logger: Logger;
}

/**
 * The HR source of a connector. Provisional: replaced by the lead's factory once the Nmbrs clients exist.
 */
export function createSourceFor(connector: ConnectorConfig, _deps: SourceDeps): HrSource {
  throw new SourceError(`no source is available yet for connectors of kind ${connector.settings.kind}`, { needsAttention: true });
}
