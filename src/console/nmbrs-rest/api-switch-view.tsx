import type { ConnectorKind } from "../../config/types.js";
import type { ConnectorRecord } from "../../connectors/registry.js";
import type { ApiSwitchReport } from "../../sync/api-switch/dry-run.js";
import { Badge, DataTable, Facts, Notice } from "../views/components.js";
import type { Messages } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-language.js";
import { formatCount } from "../views/format.js";
import { stateName } from "../views/person-state.js";
import { CsrfField } from "../views/layout.js";

type ApiSwitchMessages = Messages["nmbrsRest"]["apiSwitch"];

/** "the Nmbrs REST API" for a connector kind, in the page's language (the kind itself for one it does not name). */
export function apiName(kind: string, t: ApiSwitchMessages): string {
  return t.apiNames[kind] ?? kind;
}

/**
 * The move between the Nmbrs APIs on the connector page: where it stands, the dry run, and (console connectors) the
 * switch. Shown when the connector has settings for both APIs or was switched and not synced since.
 */
export function ApiSwitchCard(props: {
  record: ConnectorRecord;
  target: ConnectorKind;
  keyKind: string | null;
  csrfToken: string;
  restConnected: boolean;
}) {
  const { record, target } = props;
  const id = record.settings.id;
  const kind = record.settings.kind;
  const pending = props.keyKind !== null && props.keyKind !== kind;
  const t = useMessages().t.nmbrsRest.apiSwitch;
  return (
    <section class="card" id="migration">
      <h2>{target === "nmbrs-rest" ? t.toRest : t.backToSoap}</h2>
      {pending ? (
        <p>{t.pending(apiName(kind, t), apiName(props.keyKind!, t))}</p>
      ) : target === "nmbrs-rest" ? (
        <p>{t.restText}</p>
      ) : (
        <p>{t.soapText}</p>
      )}
      <div class="form-actions">
        <button
          type="button"
          class="button"
          hx-post={`/connectors/${id}/migration/dry-run`}
          hx-params="none"
          hx-target="#migration-report"
          hx-indicator="#migration-indicator"
          hx-disabled-elt="this"
        >
          {t.dryRun}
        </button>
        {!pending && record.origin === "console" ? (
          <form method="post" action={`/connectors/${id}/migration/switch`}>
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="to" value={target} />
            <button
              type="submit"
              class="button button-primary"
              disabled={target === "nmbrs-rest" && !props.restConnected}
            >
              {target === "nmbrs-rest" ? t.switchToRest : t.switchBack}
            </button>
          </form>
        ) : null}
        <span id="migration-indicator" class="htmx-indicator" role="status">
          {t.reading(apiName(pending ? kind : target, t))}
        </span>
      </div>
      {!pending && record.origin === "file" ? (
        <p class="hint">
          {t.fileBefore} <code>kind = "{target}"</code> {t.fileAfter}
        </p>
      ) : null}
      {target === "nmbrs-rest" && !props.restConnected ? <p class="hint">{t.connectFirst}</p> : null}
      <div id="migration-report" aria-live="polite"></div>
    </section>
  );
}

/** The dry run's answer: who matched, who did not, what Okta would see. */
export function ApiSwitchReportView(props: { report: ApiSwitchReport }) {
  const { report } = props;
  const unmatched = [...report.unmatchedServed, ...report.newServed];
  const { t: messages, language } = useMessages();
  const t = messages.nmbrsRest.apiSwitch;
  const state = (value: string) => stateName(messages.shared.personStates, value);
  return (
    <>
      {report.holdReason ? (
        <Notice tone="warn" role="status" title={t.wouldWait}>
          <p>
            {t.firstRun} <span lang="en">{report.holdReason}</span>.
          </p>
        </Notice>
      ) : (
        <Notice tone="ok" role="status" title={t.allMatched}>
          <p>{t.allMatchedText}</p>
        </Notice>
      )}
      <Facts
        items={[
          [t.readThrough, apiName(report.to, t)],
          [t.listed, formatCount(report.listed, language)],
          [t.servedNow, formatCount(report.servedBefore, language)],
          [
            t.matched,
            t.matchedText(
              report.matched,
              report.matchedBy["birth date"],
              report.matchedBy["e-mail"],
              report.matchedBy["e-mail only"],
            ),
          ],
          [t.nextImport, t.nextImportText(report.okta.created, report.okta.removed, report.okta.updated)],
        ]}
      />
      {report.withoutBirthDateHash > 0 ? (
        <Notice tone="info">
          <p>{t.noBirthDate(report.withoutBirthDateHash)}</p>
        </Notice>
      ) : null}
      {report.userTypeRenames.length > 0 ? (
        <DataTable label={t.renamedLabel} columns={Object.values(t.renamedColumns)}>
          {report.userTypeRenames.map((rename) => (
            <tr>
              <td>{rename.from ?? t.none}</td>
              <td>{rename.to ?? t.none}</td>
              <td>{formatCount(rename.users, language)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {unmatched.length > 0 ? (
        <DataTable label={t.notMatchedLabel} columns={Object.values(t.notMatchedColumns)}>
          {unmatched.map((person) => (
            <tr>
              <td>{person.label}</td>
              <td>
                <Badge tone="warn">
                  {person.from === "pending" ? t.newInOkta : `${state(person.from)} → ${state(person.to)}`}
                </Badge>
              </td>
              <td class="cell-wrap" lang="en">
                {person.reason}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
