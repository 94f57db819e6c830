import type { NextImportForecast } from "../../forecast/next-import.js";
import {
  FORECAST_CATEGORIES,
  type ForecastCategory,
  type ForecastPerson,
  type ImportForecast,
} from "../../forecast/okta-forecast.js";
import { useMessages } from "../i18n/use-language.js";
import { DataTable, Empty, Notice, Time } from "../views/components.js";
import { formatCount } from "../views/format.js";

/** People listed per number on the page; the JSON export has everyone. */
export const PEOPLE_SHOWN = 200;

/** The whole forecast page body: what Okta's next Import Users will do, or why there is no forecast. */
export function ForecastView(props: { connectorId: string; result: NextImportForecast; now: Date }) {
  const { result } = props;
  const { t: messages, language } = useMessages();
  const t = messages.forecastPage;
  if (result.kind === "no-import") {
    return (
      <section class="card narrow">
        <h2>{t.noImportTitle}</h2>
        <Empty>{t.noImportText}</Empty>
      </section>
    );
  }
  if (result.kind === "baseline-gone") {
    return (
      <Notice tone="warn" title={t.baselineGoneTitle}>
        <p>
          {t.baselineGoneBefore}
          <Time at={result.lastImport.completedAt} now={props.now} />
          {t.baselineGoneAfter}
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
          {t.sinceBefore}
          <Time at={lastImport.completedAt} now={props.now} />
          {t.sinceAfter}
        </h2>
        <p class="forecast-counts">
          {FORECAST_CATEGORIES.map((category, index) => (
            <>
              {index > 0 ? ", " : ""}
              <a href={`#forecast-${category}`} data-count={category}>
                {formatCount(forecast.counts[category], language)} {t.categories[category]}
              </a>
            </>
          ))}
          <span class="muted"> {t.rest(forecast.unchanged, forecast.inactiveNotImported, forecast.scanned)}</span>
        </p>
        <p>
          <a class="button" href={`/connectors/${props.connectorId}/forecast.json`} download>
            {t.downloadJson}
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
  const t = useMessages().t.forecastPage;
  return (
    <Notice tone="bad" role="alert" title={t.safeguardTitle}>
      <p>{t.safeguardText(leaving, assigned, percent)}</p>
    </Notice>
  );
}

function PeopleSection(props: { category: ForecastCategory; people: readonly ForecastPerson[]; connectorId: string }) {
  const { category, people } = props;
  const more = people.length - PEOPLE_SHOWN;
  const { t: messages, language } = useMessages();
  const t = messages.forecastPage;
  return (
    <section class="card" id={`forecast-${category}`} aria-labelledby={`forecast-${category}-title`}>
      <h2 id={`forecast-${category}-title`}>
        {t.headings[category]}: {formatCount(people.length, language)}
      </h2>
      {people.length === 0 ? (
        <Empty>{t.nobody}</Empty>
      ) : (
        <>
          <DataTable label={t.headings[category]} columns={[t.columns.name, t.columns.userName, t.columns.scimId]}>
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
              {t.andMore(more)} <a href={`/connectors/${props.connectorId}/forecast.json`}>{t.downloadEveryone}</a>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
