import { type Clock, systemClock } from "../clock.js";
import type { ConnectorConfig } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import { afasSourceFor } from "./afas-source-for.js";
import { createNmbrsRestSource } from "../sources/nmbrs/rest/rest-source.js";
import { createNmbrsSoapSource } from "../sources/nmbrs/soap/soap-source.js";
import { SourceError, type HrSource } from "../sources/types.js";
import { createLoketAccessTokens } from "./loket-tokens.js";
import { loketSourceFor } from "./loket-source-for.js";
import { createNmbrsAccessTokens } from "./nmbrs-tokens.js";
import { youforceSourceFor } from "./youforce-source-for.js";
import type { ConnectorRegistry } from "./registry.js";

export interface SourceDeps {
  readonly logger: Logger;
  /** Where the REST source keeps its OAuth tokens (sealed connector secrets). Required for nmbrs-rest and loket. */
  readonly registry?: ConnectorRegistry;
  readonly clock?: Clock;
}

/** The HR source a connector reads from. A fresh source per run, so its stats count that run's calls and bytes. */
export function createSourceFor(connector: ConnectorConfig, deps: SourceDeps): HrSource {
  const { kind, id } = connector.settings;
  const tokenSeams = (registry: ConnectorRegistry) => ({
    registry,
    connectorId: id,
    clock: deps.clock ?? systemClock,
    logger: deps.logger,
  });
  if (kind === "nmbrs-soap" && connector.nmbrs) {
    const { endpoint, username, token, domain, timeoutSeconds } = connector.nmbrs;
    return createNmbrsSoapSource({
      endpoint,
      username,
      token,
      domain,
      timeoutMs: timeoutSeconds * 1000,
      logger: deps.logger,
    });
  }
  if (kind === "nmbrs-rest" && connector.nmbrsRest && deps.registry) {
    const settings = connector.nmbrsRest;
    const tokens = createNmbrsAccessTokens({ ...tokenSeams(deps.registry), settings });
    return createNmbrsRestSource({
      apiUrl: settings.apiUrl,
      subscriptionKey: settings.subscriptionKey,
      tokens,
      timeoutMs: settings.timeoutSeconds * 1000,
      logger: deps.logger,
    });
  }
  if (kind === "afas-profit" && connector.afas) return afasSourceFor(connector.settings, connector.afas, deps.logger);
  if (kind === "loket" && connector.loket && deps.registry) {
    const tokens = createLoketAccessTokens({ ...tokenSeams(deps.registry), settings: connector.loket });
    return loketSourceFor(connector.settings, connector.loket, tokens, deps.logger);
  }
  if (kind === "youforce" && connector.youforce)
    return youforceSourceFor(connector.settings, connector.youforce, deps.logger, deps.clock);
  throw new SourceError(`connector ${id} (${kind}) has no source settings for its kind`, {
    needsAttention: true,
  });
}
