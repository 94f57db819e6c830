import type { AfasSettings, ConnectorSettings } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import { createAfasSource } from "../sources/afas/afas-source.js";
import { realTimer } from "../sources/nmbrs/http/rate-limiter.js";
import type { HrSource } from "../sources/types.js";

/**
 * The AFAS source for a connector. The metainfo check requires the conditional fields these settings use (a private
 * address as userName, managers, cost-centre groups), so a GetConnector lacking one fails by name at the next run.
 */
export function afasSourceFor(settings: ConnectorSettings, afas: AfasSettings, logger: Logger): HrSource {
  return createAfasSource({
    baseUrl: afas.baseUrl,
    token: afas.token,
    integrationId: afas.integrationId,
    employers: afas.employers,
    pageSize: afas.pageSize,
    timeoutMs: afas.timeoutSeconds * 1000,
    needs: {
      privateEmail: settings.identity.userNameFrom.includes("private"),
      managers: settings.managers,
      costCenters: settings.groups.kinds.includes("cost_center"),
    },
    sleep: realTimer.sleep,
    logger: logger.child({ connector: settings.id }),
  });
}
