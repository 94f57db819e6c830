import type { ConnectorKind } from "../../config/types.js";
import type { ConnectorRecord } from "../../connectors/registry.js";
import type { ApiSwitchReport } from "../../sync/api-switch/dry-run.js";
import { Badge, DataTable, Facts, Notice } from "../views/components.js";
import { formatCount, plural } from "../views/format.js";
import { CsrfField } from "../views/layout.js";

const API_NAMES: Record<string, string> = { "nmbrs-soap": "the Nmbrs SOAP API", "nmbrs-rest": "the Nmbrs REST API" };

export function apiName(kind: string): string {
  return API_NAMES[kind] ?? kind;
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
  return (
    <section class="card" id="migration">
      <h2>{target === "nmbrs-rest" ? "Move to the Nmbrs REST API" : "Switch back to the Nmbrs SOAP API"}</h2>
      {pending ? (
        <p>
          This connector reads {apiName(kind)} now, but its people still carry the ids of {apiName(props.keyKind!)}. The
          next sync matches them (company and employee number, confirmed by birth date or e-mail) and keeps every SCIM
          id, so Okta sees the same users. If anyone Okta sees cannot be matched, the run waits for approval with those
          people listed.
        </p>
      ) : target === "nmbrs-rest" ? (
        <p>
          Nmbrs stops the SOAP API on 1 March 2027. This connector also has REST settings: connect to Nmbrs, run a dry
          run to see that everyone Okta sees is matched, then switch. Switching back is possible as long as Nmbrs serves
          SOAP.
        </p>
      ) : (
        <p>This connector still has its SOAP settings: a dry run shows what switching back would do; then switch.</p>
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
          Dry run
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
              {target === "nmbrs-rest" ? "Switch to the REST API" : "Switch back to SOAP"}
            </button>
          </form>
        ) : null}
        <span id="migration-indicator" class="htmx-indicator" role="status">
          Reading everyone through {apiName(pending ? kind : target)}…
        </span>
      </div>
      {!pending && record.origin === "file" ? (
        <p class="hint">
          Declared in config.toml: to switch, set <code>kind = "{target}"</code> for this connector and restart the
          gateway.
        </p>
      ) : null}
      {target === "nmbrs-rest" && !props.restConnected ? (
        <p class="hint">Connect to Nmbrs (above) before the dry run and the switch.</p>
      ) : null}
      <div id="migration-report" aria-live="polite"></div>
    </section>
  );
}

/** The dry run's answer: who matched, who did not, what Okta would see. */
export function ApiSwitchReportView(props: { report: ApiSwitchReport }) {
  const { report } = props;
  const unmatched = [...report.unmatchedServed, ...report.newServed];
  return (
    <>
      {report.holdReason ? (
        <Notice tone="warn" role="status" title="The switch would wait for approval">
          <p>The first run after the switch {report.holdReason}.</p>
        </Notice>
      ) : (
        <Notice tone="ok" role="status" title="Everyone Okta sees is matched">
          <p>The first run after the switch applies without approval; Okta's next import finds the same users.</p>
        </Notice>
      )}
      <Facts
        items={[
          ["Read through", apiName(report.to)],
          ["Listed", formatCount(report.listed)],
          ["Served to Okta now", formatCount(report.servedBefore)],
          [
            "Matched",
            `${formatCount(report.matched)} (birth date ${formatCount(report.matchedBy["birth date"])}, e-mail ${formatCount(report.matchedBy["e-mail"])}, e-mail only ${formatCount(report.matchedBy["e-mail only"])})`,
          ],
          [
            "Okta's next import",
            `${plural(report.okta.created, "new user", "new users")}, ${plural(report.okta.removed, "user removed", "users removed")}, ${plural(report.okta.updated, "user changed", "users changed")}`,
          ],
        ]}
      />
      {report.withoutBirthDateHash > 0 ? (
        <Notice tone="info">
          <p>
            {plural(report.withoutBirthDateHash, "person has", "people have")} no stored birth-date check yet (synced
            before this version): they can only match by e-mail. A SOAP sync before the switch adds the check.
          </p>
        </Notice>
      ) : null}
      {report.userTypeRenames.length > 0 ? (
        <DataTable
          label="Employee types renamed by the switch (userType and the employee-type groups)"
          columns={["Now", "After the switch", "Users"]}
        >
          {report.userTypeRenames.map((rename) => (
            <tr>
              <td>{rename.from ?? "(none)"}</td>
              <td>{rename.to ?? "(none)"}</td>
              <td>{formatCount(rename.users)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {unmatched.length > 0 ? (
        <DataTable label="People not matched" columns={["Person", "Would be", "Why"]}>
          {unmatched.map((person) => (
            <tr>
              <td>{person.label}</td>
              <td>
                <Badge tone="warn">{person.from === "pending" ? "new in Okta" : `${person.from} → ${person.to}`}</Badge>
              </td>
              <td class="cell-wrap">{person.reason}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
