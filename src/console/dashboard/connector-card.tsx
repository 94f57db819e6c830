import type { NextImportForecast } from "../../forecast/next-import.js";
import { ConnectButton } from "../oauth-consent/consent-buttons.js";
import { ConsentAge, consentNeedsRenewal, type RestConnection } from "../nmbrs-rest/rest-connection-view.js";
import { connectorCardId, SyncNow } from "../runs/sync-now.js";
import { Badge, Facts, Time } from "../views/components.js";
import type { Messages } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-language.js";
import { formatCount } from "../views/format.js";
import { GroupBudgetWarning } from "../views/group-budget-warning.js";
import { PrivateLoginsWarning } from "../views/private-logins.js";
import type { ConnectorStatus } from "./connector-status.js";
import { SetupChecklist } from "./setup-checklist-view.js";
import { HealthBadge, HealthReasonText, RunCounts, runDuration } from "./status-views.js";

/** One connector on the dashboard: health, last sync, next run, Okta's last import, warnings, Sync now. */
export function ConnectorCard(props: { status: ConnectorStatus; now: Date; csrfToken: string }) {
  const { t, language } = useMessages();
  const { status, now } = props;
  const { connector, lastRun, nextRuns, lastImport } = status;
  const id = connector.settings.id;
  const problems = Object.entries(status.problems);
  return (
    <article
      id={connectorCardId(id)}
      class={`card connector-card health-${status.health}`}
      aria-labelledby={`card-${id}`}
    >
      <header class="card-head">
        <div>
          <h2 id={`card-${id}`}>
            <a href={`/connectors/${id}`}>{connector.settings.name}</a>
          </h2>
          <p class="muted">
            {id} · {connector.settings.kind} ·{" "}
            {connector.origin === "file" ? t.dashboard.fromConfigFile : t.dashboard.madeInConsole}
          </p>
        </div>
        <HealthBadge health={status.health} />
      </header>
      {status.reason && status.health !== "new" ? (
        <p class="card-reason">
          <HealthReasonText reason={status.reason} />
        </p>
      ) : null}
      <SetupChecklist connectorId={id} steps={status.setup} />
      <Facts
        items={[
          [
            t.dashboard.lastSync,
            lastRun ? (
              <>
                <Time at={lastRun.finishedAt ?? lastRun.startedAt} now={now} /> · {t.runs.status[lastRun.status]}
                {runDuration(lastRun) ? ` · ${runDuration(lastRun)}` : ""}
                <br />
                <span class="muted">
                  <RunCounts run={lastRun} />
                </span>
              </>
            ) : (
              <span class="muted">{t.time.never}</span>
            ),
          ],
          [
            t.dashboard.nextRun,
            nextRuns?.schedule ? (
              <Time at={nextRuns.schedule} now={now} />
            ) : (
              <span class="muted">{t.dashboard.notScheduled}</span>
            ),
          ],
          [
            t.dashboard.oktaImport,
            lastImport ? (
              <>
                <Time at={lastImport.finishedAt ?? lastImport.startedAt} now={now} />
                <br />
                <span class="muted">
                  {t.dashboard.importPages(lastImport.pages)}, {t.dashboard.usersServed(lastImport.usersServed)}
                  {lastImport.finishedAt ? "" : t.dashboard.inProgress}
                </span>
                <br />
                <ForecastLine connectorId={id} forecast={status.forecast} />
              </>
            ) : (
              <span class="muted">{t.dashboard.noImportYet}</span>
            ),
          ],
          [
            t.dashboard.served,
            status.lastSuccess?.stats?.served !== undefined ? (
              t.dashboard.servedCounts(
                status.lastSuccess.stats.served,
                status.lastSuccess.stats.active ?? 0,
                status.lastSuccess.stats.groups ?? 0,
              )
            ) : (
              <span class="muted">{t.dashboard.nothingYet}</span>
            ),
          ],
          ...(status.nmbrsConsent
            ? [[t.nmbrsRest.consent, <ConsentLine connection={status.nmbrsConsent} />] as const]
            : []),
        ]}
      />
      {status.nmbrsConsent && consentNeedsRenewal(status.nmbrsConsent) ? (
        <ConsentRenewal connectorId={id} connection={status.nmbrsConsent} />
      ) : null}
      <PrivateLoginsWarning count={status.lastSuccess?.stats?.privateLogins} connectorId={id} />
      <GroupBudgetWarning report={status.lastSuccess?.stats?.groupBudget} connectorId={id} />
      {problems.length > 0 ? (
        <div class="warnings">
          <h3>{t.dashboard.warnings}</h3>
          <ul>
            {problems.map(([kind, count]) => (
              <li>
                <a href={`/connectors/${id}#problems`}>
                  {formatCount(count, language)} {dataProblemLabel(t, kind, count)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {status.heldRun ? (
        <p>
          <a class="button" href={`/runs/${status.heldRun.id}`}>
            {t.dashboard.reviewHeldRun(status.heldRun.id)}
          </a>
        </p>
      ) : null}
      {status.pendingHolds > 0 ? (
        <p>
          <a class="button" href={`/connectors/${id}/holds`}>
            {t.dashboard.reviewHeldPeople(status.pendingHolds)}
          </a>
        </p>
      ) : null}
      <footer class="card-foot">
        <SyncNow connectorId={id} csrfToken={props.csrfToken} running={status.progress !== null} />
        <nav class="card-links" aria-label={t.dashboard.cardLinks(connector.settings.name)}>
          <a href={`/hr?connector=${id}`}>{t.dashboard.hrList}</a>
          <a href={`/runs?connector=${id}`}>{t.dashboard.runs}</a>
          <a href={`/connectors/${id}/okta`}>{t.dashboard.oktaSetup}</a>
        </nav>
      </footer>
    </article>
  );
}

/** "people without an e-mail address": the catalogue's words for a problem kind, or the kind itself when it has none. */
function dataProblemLabel(t: Messages, kind: string, count: number): string {
  const labels = (t.dataProblems as Partial<Record<string, readonly [string, string]>>)[kind];
  return labels ? labels[count === 1 ? 0 : 1] : kind;
}

function ConsentLine(props: { connection: RestConnection }) {
  const { connection } = props;
  const t = useMessages().t.nmbrsRest;
  if (connection.state === "not-connected") return <Badge tone="warn">{t.notConnected}</Badge>;
  if (connection.state === "stale" || connection.reconsent) return <Badge tone="bad">{t.needsReconsent}</Badge>;
  return <ConsentAge connection={connection} />;
}

/** The dashboard's warning with the one click that renews the consent before (or after) Nmbrs ends it. */
function ConsentRenewal(props: { connectorId: string; connection: RestConnection }) {
  const { connection } = props;
  const t = useMessages().t.nmbrsRest;
  const why =
    connection.state !== "connected" || connection.reconsent
      ? t.renewalRefused
      : connection.daysLeft > 0
        ? t.renewalSoon
        : t.renewalOld;
  const problemTarget = `nmbrs-connect-problem-${props.connectorId}`;
  return (
    <div class="warnings consent-renewal">
      <p>{why}</p>
      <p>
        <ConnectButton
          connectorId={props.connectorId}
          routes="nmbrs"
          again={true}
          problemTarget={problemTarget}
          t={t}
        />
      </p>
      <div id={problemTarget} aria-live="polite"></div>
    </div>
  );
}

/**
 * "Since Okta's last import: 3 new, 1 updated, …" when a forecast is current (computed after each sync and whenever
 * the forecast page is opened), else just the link: the dashboard never computes it (seconds at 100,000 users).
 */
function ForecastLine(props: { connectorId: string; forecast: NextImportForecast | null }) {
  const { t } = useMessages();
  const { forecast } = props;
  const href = `/connectors/${props.connectorId}/forecast`;
  if (forecast?.kind !== "ready") return <a href={href}>{t.dashboard.forecastLink}</a>;
  const { counts, safeguardTrips } = forecast.forecast;
  return (
    <>
      <a href={href}>{t.dashboard.nextImport(counts)}</a>
      {safeguardTrips ? (
        <>
          <br />
          <Badge tone="bad">{t.dashboard.safeguardWouldTrip}</Badge>
        </>
      ) : null}
    </>
  );
}
