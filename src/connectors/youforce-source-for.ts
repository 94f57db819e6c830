import { type Clock, systemClock } from "../clock.js";
import type { ConnectorSettings, YouforceSettings } from "../config/types.js";
import { todayIn } from "../lifecycle/calendar.js";
import type { Logger } from "../logging/logger.js";
import type { Timer } from "../sources/nmbrs/http/rate-limiter.js";
import type { HrSource } from "../sources/types.js";
import { createYouforceSource } from "../sources/youforce/youforce-source.js";

/** Test-only pacing: the simulator's spike arrest and the source's spacing set small, so runs do not take minutes. */
export interface YouforcePacing {
  readonly timer?: Timer;
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
