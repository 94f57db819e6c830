import type { ConnectorSettings, LoketSettings } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import { createLoketSource, type LoketSource } from "../sources/loket/loket-source.js";
import { realTimer } from "../sources/nmbrs/http/rate-limiter.js";
import type { AccessTokens } from "../sources/nmbrs/rest/rest-client.js";

/** The Loket source for a connector, taking its access tokens from `tokens` (the connector's sealed consent). */
export function loketSourceFor(
  settings: ConnectorSettings,
  loket: LoketSettings,
  tokens: AccessTokens,
  logger: Logger,
): LoketSource {
  return createLoketSource({
    apiUrl: loket.apiUrl,
    tokens,
    employers: loket.employers,
    pageSize: loket.pageSize,
    timeoutMs: loket.timeoutSeconds * 1000,
    sleep: realTimer.sleep,
    logger: logger.child({ connector: settings.id }),
  });
}
