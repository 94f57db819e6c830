import type { Context } from "hono";
import type { HoldKind } from "../../sync/plan-types.js";
import type { ConsoleEnv } from "../deps.js";
import { Badge, Notice, TableWrap, Time } from "../views/components.js";
import { CsrfField } from "../views/layout.js";
import { ROWS_SHOWN, RowsShownNote } from "../views/rows-shown.js";
import { HOLD_LABELS } from "./hold-labels.js";
import { companiesOfRows, companyLabel, type CompanyHolds, type HoldRow } from "./hold-order.js";
import type { BrakeTrip } from "./brake-trips.js";

/**
 * One kind of hold: why (for the brake), the companies with their counts and a decision per company, and the people,
 * ticked for a decision per person. Every button leads to a confirmation page with the count first.
 */
export function HoldSection(props: {
  c: Context<ConsoleEnv>;
  connectorId: string;
  kind: HoldKind;
  rows: readonly HoldRow[];
  trips: readonly BrakeTrip[];
}) {
  const { c, connectorId, kind, rows } = props;
  const open = rows.filter((row) => row.hold.status !== "approved");
  const companies = companiesOfRows(rows);
  const formId = `holds-${kind}`;
  const action = `/connectors/${connectorId}/holds`;
  return (
    <section class="card card-warn" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>
        {HOLD_LABELS[kind].title} ({rows.length})
      </h2>
      {kind === "brake" ? <BrakeWhy trips={props.trips} /> : null}
      <p>{HOLD_LABELS[kind].approveMeans} Rejecting keeps the person as Okta sees them now.</p>
      <CompanyBreakdown c={c} action={action} kind={kind} companies={companies} />
      <form method="post" action={action} id={formId}>
        <CsrfField token={c.get("csrfToken")} />
        <RowsShownNote shown={ROWS_SHOWN} total={rows.length} what="holds">
          the buttons per company and for all of them decide every one.
        </RowsShownNote>
        <TableWrap label={HOLD_LABELS[kind].title}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">
                  {/* Shown by console.js: without scripts it could not work, so it is not offered. */}
                  {open.length > 0 ? (
                    <input type="checkbox" data-select-all hidden aria-label={`Select all ${open.length} waiting`} />
                  ) : null}
                </th>
                <th scope="col">Employee no.</th>
                <th scope="col">Person</th>
                <th scope="col">Company</th>
                <th scope="col">Why</th>
                <th scope="col">Held since</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, ROWS_SHOWN).map((row) => (
                <tr>
                  <td>
                    {row.hold.status === "approved" ? null : (
                      <input
                        type="checkbox"
                        name="id"
                        value={String(row.hold.id)}
                        aria-label={`Select ${row.person?.name ?? row.hold.label}`}
                      />
                    )}
                  </td>
                  <HoldPersonCells connectorId={connectorId} row={row} companies={companies} />
                  <td>
                    <Time at={row.hold.since} />
                  </td>
                  <td>
                    <Badge
                      tone={row.hold.status === "pending" ? "warn" : row.hold.status === "approved" ? "ok" : "muted"}
                    >
                      {row.hold.status}
                    </Badge>
                    {row.hold.decidedBy ? <div class="muted">{row.hold.decidedBy}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {open.length > 0 ? (
          <div class="form-actions">
            <button type="submit" name="decision" value="approve" class="button button-primary">
              Approve selected…
            </button>
            <button type="submit" name="decision" value="reject" class="button button-danger">
              Reject selected…
            </button>
          </div>
        ) : null}
      </form>
      {companies.length > 1 ? <DecideAll c={c} action={action} kind={kind} rows={rows} /> : null}
    </section>
  );
}

/** Employee number, name and company of a held person: the same on the Holds page and its confirmation. */
export function HoldPersonCells(props: { connectorId: string; row: HoldRow; companies: readonly CompanyHolds[] }) {
  const { hold, person } = props.row;
  const company = props.companies.find((entry) => entry.number === hold.companyNumber) ?? {
    number: hold.companyNumber,
    name: null,
  };
  return (
    <>
      <td>{person?.employeeNumber ?? ""}</td>
      <td>
        <a href={`/hr/${props.connectorId}/${hold.scimId}`}>{person?.name ?? hold.label}</a>
        {person ? <div class="muted">{hold.label}</div> : null}
      </td>
      <td>{companyLabel(company)}</td>
      <td class="cell-wrap">{hold.detail}</td>
    </>
  );
}

/** The brake's own numbers and limit, per run that held someone still waiting: the why an admin decides on. */
function BrakeWhy(props: { trips: readonly BrakeTrip[] }) {
  return (
    <>
      {props.trips.map((trip) => (
        <Notice tone="warn" title="Why the brake tripped">
          <a href={`/runs/${trip.runId}`}>Run #{trip.runId}</a>
          {trip.at ? (
            <>
              {" "}
              (<Time at={trip.at} />)
            </>
          ) : null}
          {trip.reason
            ? `: ${trip.reason}.`
            : " held these deactivations (it was recorded before runs kept the brake's numbers)."}{" "}
          A source that answers half empty looks exactly like a wave of leavers: check the people against HR before
          approving.
        </Notice>
      ))}
    </>
  );
}

/** Per company: its name, how many are held and waiting, and a decision for all of them. */
function CompanyBreakdown(props: {
  c: Context<ConsoleEnv>;
  action: string;
  kind: HoldKind;
  companies: readonly CompanyHolds[];
}) {
  return (
    <TableWrap label="Held per company">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Number</th>
            <th scope="col">Held</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.companies.map((company) => (
            <tr>
              <td>{companyLabel(company)}</td>
              <td>{company.number}</td>
              <td>{company.held}</td>
              <td>
                {company.open > 0 ? (
                  <DecideAllForm
                    c={props.c}
                    action={props.action}
                    kind={props.kind}
                    company={company.number}
                    label={`of ${companyLabel(company)}`}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function DecideAll(props: { c: Context<ConsoleEnv>; action: string; kind: HoldKind; rows: readonly HoldRow[] }) {
  if (!props.rows.some((row) => row.hold.status !== "approved")) return null;
  return (
    <div class="form-actions">
      <DecideAllForm c={props.c} action={props.action} kind={props.kind} company={undefined} label="of every company" />
    </div>
  );
}

/** Approve / Reject for every open hold of a kind (and company); the confirmation page says how many. */
function DecideAllForm(props: {
  c: Context<ConsoleEnv>;
  action: string;
  kind: HoldKind;
  company: string | undefined;
  label: string;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.c.get("csrfToken")} />
      <input type="hidden" name="scope" value="all" />
      <input type="hidden" name="kind" value={props.kind} />
      {props.company ? <input type="hidden" name="company" value={props.company} /> : null}
      <button type="submit" name="decision" value="approve" class="button" aria-label={`Approve all ${props.label}`}>
        Approve all…
      </button>
      <button
        type="submit"
        name="decision"
        value="reject"
        class="button button-quiet"
        aria-label={`Reject all ${props.label}`}
      >
        Reject all…
      </button>
    </form>
  );
}
