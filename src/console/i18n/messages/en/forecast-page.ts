import type { ForecastCategory } from "../../../../forecast/okta-forecast.js";
import { formatCount } from "../../../views/format.js";

/** English: the forecast of Okta's next import (its page). nl/forecast-page.ts matches. */
export const forecastPage = {
  title: (connector: string) => `Next Okta import: ${connector}`,
  headings: {
    new: "New in Okta",
    updated: "Updated in Okta",
    deactivated: "Deactivated in Okta (served inactive)",
    reactivated: "Reactivated in Okta",
    removed: "Deactivated in Okta because they are no longer served (removed)",
  } satisfies Record<ForecastCategory, string>,
  categories: {
    new: "new",
    updated: "updated",
    deactivated: "deactivated",
    reactivated: "reactivated",
    removed: "removed",
  } satisfies Record<ForecastCategory, string>,
  noImportTitle: "No complete Okta import seen yet",
  noImportText:
    "The forecast compares what Okta's last complete Import Users read with what is served now. Run an import in Okta first.",
  baselineGoneTitle: "No forecast until Okta's next import",
  baselineGoneBefore: "Okta's last complete import (",
  baselineGoneAfter:
    ") read data that was pruned before the gateway kept it for forecasts. The forecast is available again after Okta's next import.",
  sinceBefore: "Since Okta's last import (",
  sinceAfter: ")",
  rest: (unchanged: number, inactive: number, scanned: number) =>
    `· ${formatCount(unchanged, "en")} unchanged · ${formatCount(inactive, "en")} inactive, not imported by Okta · ${formatCount(scanned, "en")} users in the next import`,
  downloadJson: "Download JSON (everyone)",
  safeguardTitle: "Okta's import safeguard would stop the next import",
  safeguardText: (leaving: number, assigned: number, percent: number) =>
    `The next import would deactivate ${formatCount(leaving, "en")} of the ${formatCount(assigned, "en")} users assigned in Okta (${percent}%), more than Okta's 20% import safeguard allows. Okta would pause the import and apply nothing, for this app, until an Okta admin resolves it. Check the deactivations below before Okta's next import runs.`,
  nobody: "Nobody.",
  columns: { name: "Name", userName: "User name (Okta login)", scimId: "SCIM id" },
  andMore: (more: number) => `and ${formatCount(more, "en")} more:`,
  downloadEveryone: "download everyone as JSON",
};

export type ForecastPageMessages = typeof forecastPage;
