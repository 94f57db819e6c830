import { type Clock, systemClock } from "../clock.js";
import type { ConnectorSettings, YouforceSettings } from "../config/types.js";
import { todayIn } from "../lifecycle/calendar.js";
import type { Logger } from "../logging/logger.js";
import type { HrSource } from "../sources/types.js";
import { createYouforceSource } from "../sources/youforce/youforce-source.js";

/**
 * The source's spacing between calls, for the benchmark only (bench/children/youforce-sync.ts): Youforce's own would
 * make a 100,000-person run minutes of waiting.
 */
export interface YouforcePacing {
  readonly intervalMs?: number;
}

/** The Youforce source for a connector; today (for listCompanies' version choice) in the connector's time zone. */
export function youforceSourceFor(
  settings: ConnectorSettings,
  youforce: YouforceSettings,
  logger: Logger,
  clock: Clock = systemClock,
  pacing: YouforcePacing = {},
): HrSource {
  return createYouforceSource({
    connectorId: settings.id,
    apiUrl: youforce.apiUrl,
    tokenUrl: youforce.tokenUrl,
    clientId: youforce.clientId,
    clientSecret: youforce.clientSecret,
    tenantId: youforce.tenantId,
    companies: youforce.companies,
    timeoutMs: youforce.timeoutSeconds * 1000,
    today: () => todayIn(settings.timezone, clock()),
    ...pacing,
    logger: logger.child({ connector: settings.id }),
  });
}
