import type { NextImportForecast } from "../../forecast/next-import.js";
import {
  FORECAST_CATEGORIES,
  type ForecastCategory,
  type ForecastPerson,
  type ImportForecast,
} from "../../forecast/okta-forecast.js";
import { DataTable, Empty, Notice, Time } from "../views/components.js";
import { formatCount } from "../views/format.js";

/** People listed per number on the page; the JSON export has everyone. */
export const PEOPLE_SHOWN = 200;

const HEADINGS: Readonly<Record<ForecastCategory, string>> = {
  new: "New in Okta",
  updated: "Updated in Okta",
  deactivated: "Deactivated in Okta (served inactive)",
  reactivated: "Reactivated in Okta",
  removed: "Deactivated in Okta because they are no longer served (removed)",
};

/** The whole forecast page body: what Okta's next Import Users will do, or why there is no forecast. */
export function ForecastView(props: { connectorId: string; result: NextImportForecast; now: Date }) {
  const { result } = props;
  if (result.kind === "no-import") {
    return (
      <section class="card narrow">
        <h2>No complete Okta import seen yet</h2>
        <Empty>
          The forecast compares what Okta's last complete Import Users read with what is served now. Run an import in
          Okta first.
        </Empty>
      </section>
    );
  }
  if (result.kind === "baseline-gone") {
    return (
      <Notice tone="warn" title="No forecast until Okta's next import">
        <p>
          Okta's last complete import (<Time at={result.lastImport.completedAt} now={props.now} />) read data that was
          pruned before the gateway kept it for forecasts. The forecast is available again after Okta's next import.
        </p>
      </Notice>
    );
  }
  const { forecast, lastImport } = result;
  return (
    <>
      {forecast.safeguardTrips ? <SafeguardWarning forecast={forecast} /> : null}
      <section class="card" aria-labelledby="forecast-summary">
        <h2 id="forecast-summary">
          Since Okta's last import (<Time at={lastImport.completedAt} now={props.now} />)
        </h2>
        <p class="forecast-counts">
          {FORECAST_CATEGORIES.map((category, index) => (
            <>
              {index > 0 ? ", " : ""}
              <a href={`#forecast-${category}`} data-count={category}>
                {formatCount(forecast.counts[category])} {category}
              </a>
            </>
          ))}
          <span class="muted">
            {" "}
            · {formatCount(forecast.unchanged)} unchanged · {formatCount(forecast.inactiveNotImported)} inactive, not
            imported by Okta · {formatCount(forecast.scanned)} users in the next import
          </span>
        </p>
        <p>
          <a class="button" href={`/connectors/${props.connectorId}/forecast.json`} download>
            Download JSON (everyone)
          </a>
        </p>
      </section>
      {FORECAST_CATEGORIES.map((category) => (
        <PeopleSection category={category} people={forecast.people[category]} connectorId={props.connectorId} />
      ))}
    </>
  );
}

function SafeguardWarning(props: { forecast: ImportForecast }) {
  const { leaving, assigned } = props.forecast;
  const percent = assigned === 0 ? 0 : Math.round((leaving * 1000) / assigned) / 10;
  return (
    <Notice tone="bad" role="alert" title="Okta's import safeguard would stop the next import">
      <p>
        The next import would deactivate {formatCount(leaving)} of the {formatCount(assigned)} users assigned in Okta (
        {percent}%), more than Okta's 20% import safeguard allows. Okta would pause the import and apply nothing, for
        this app, until an Okta admin resolves it. Check the deactivations below before Okta's next import runs.
      </p>
    </Notice>
  );
}

function PeopleSection(props: { category: ForecastCategory; people: readonly ForecastPerson[]; connectorId: string }) {
  const { category, people } = props;
  const more = people.length - PEOPLE_SHOWN;
  return (
    <section class="card" id={`forecast-${category}`} aria-labelledby={`forecast-${category}-title`}>
      <h2 id={`forecast-${category}-title`}>
        {HEADINGS[category]}: {formatCount(people.length)}
      </h2>
      {people.length === 0 ? (
        <Empty>Nobody.</Empty>
      ) : (
        <>
          <DataTable label={HEADINGS[category]} columns={["Name", "User name (Okta login)", "SCIM id"]}>
            {people.slice(0, PEOPLE_SHOWN).map((person) => (
              <tr>
                <td>
                  <a href={`/hr/${props.connectorId}/${encodeURIComponent(person.scimId)}`}>
                    {person.displayName ?? person.userName}
                  </a>
                </td>
                <td>{person.userName}</td>
                <td>
                  <code>{person.scimId}</code>
                </td>
              </tr>
            ))}
          </DataTable>
          {more > 0 ? (
            <p class="muted">
              and {formatCount(more)} more:{" "}
              <a href={`/connectors/${props.connectorId}/forecast.json`}>download everyone as JSON</a>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
