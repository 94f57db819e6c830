import type { Context } from "hono";
import type { HoldKind } from "../../sync/plan-types.js";
import type { ConsoleEnv } from "../deps.js";
import { Badge, Notice, TableWrap, Time } from "../views/components.js";
import { CsrfField } from "../views/layout.js";
import { ROWS_SHOWN, RowsShownNote } from "../views/rows-shown.js";
import { useMessages } from "../i18n/use-language.js";
import { formatCount } from "../views/format.js";
import { companiesOfRows, type CompanyHolds, type HoldRow } from "./hold-order.js";
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
  const { t: messages, language } = useMessages();
  const t = messages.holdPages;
  return (
    <section class="card card-warn" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>
        {t.kinds[kind].title} ({formatCount(rows.length, language)})
      </h2>
      {kind === "brake" ? <BrakeWhy trips={props.trips} /> : null}
      <p>
        {t.kinds[kind].approveMeans} {t.rejectingKeeps}
      </p>
      <CompanyBreakdown c={c} action={action} kind={kind} companies={companies} />
      <form method="post" action={action} id={formId}>
        <CsrfField token={c.get("csrfToken")} />
        <RowsShownNote shown={ROWS_SHOWN} total={rows.length} what={t.holdsWhat}>
          {t.buttonsDecideAll}
        </RowsShownNote>
        <TableWrap label={t.kinds[kind].title}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">
                  {/* Shown by console.js: without scripts it could not work, so it is not offered. */}
                  {open.length > 0 ? (
                    <input type="checkbox" data-select-all hidden aria-label={t.selectAll(open.length)} />
                  ) : null}
                </th>
                <th scope="col">{t.columns.employeeNumber}</th>
                <th scope="col">{t.columns.person}</th>
                <th scope="col">{t.columns.company}</th>
                <th scope="col">{t.columns.why}</th>
                <th scope="col">{t.columns.since}</th>
                <th scope="col">{t.columns.decision}</th>
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
                        aria-label={t.select(row.person?.name ?? row.hold.label)}
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
                      {t.statuses[row.hold.status]}
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
              {t.approveSelected}
            </button>
            <button type="submit" name="decision" value="reject" class="button button-danger">
              {t.rejectSelected}
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
  const t = useMessages().t.holdPages;
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
      <td>{company.name ?? t.company(company.number)}</td>
      <td class="cell-wrap" lang="en">
        {hold.detail}
      </td>
    </>
  );
}

/** The brake's own numbers and limit, per run that held someone still waiting: the why an admin decides on. */
function BrakeWhy(props: { trips: readonly BrakeTrip[] }) {
  const t = useMessages().t.holdPages;
  return (
    <>
      {props.trips.map((trip) => (
        <Notice tone="warn" title={t.whyBrake}>
          <a href={`/runs/${trip.runId}`}>{t.run(trip.runId)}</a>
          {trip.at ? (
            <>
              {" "}
              (<Time at={trip.at} />)
            </>
          ) : null}
          {trip.reason ? (
            <>
              : <span lang="en">{trip.reason}</span>.
            </>
          ) : (
            t.brakeUnrecorded
          )}{" "}
          {t.halfEmpty}
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
  const { t } = useMessages();
  const label = (company: CompanyHolds) => company.name ?? t.holdPages.company(company.number);
  return (
    <TableWrap label={t.holdPages.perCompany}>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t.holdPages.companyColumns.company}</th>
            <th scope="col">{t.holdPages.companyColumns.number}</th>
            <th scope="col">{t.holdPages.companyColumns.held}</th>
            <th scope="col">
              <span class="visually-hidden">{t.tables.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.companies.map((company) => (
            <tr>
              <td>{label(company)}</td>
              <td>{company.number}</td>
              <td>{company.held}</td>
              <td>
                {company.open > 0 ? (
                  <DecideAllForm
                    c={props.c}
                    action={props.action}
                    kind={props.kind}
                    company={company.number}
                    label={t.holdPages.ofCompany(label(company))}
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
  const t = useMessages().t.holdPages;
  if (!props.rows.some((row) => row.hold.status !== "approved")) return null;
  return (
    <div class="form-actions">
      <DecideAllForm c={props.c} action={props.action} kind={props.kind} company={undefined} label={t.ofEveryCompany} />
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
  const t = useMessages().t.holdPages;
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.c.get("csrfToken")} />
      <input type="hidden" name="scope" value="all" />
      <input type="hidden" name="kind" value={props.kind} />
      {props.company ? <input type="hidden" name="company" value={props.company} /> : null}
      <button type="submit" name="decision" value="approve" class="button" aria-label={t.approveAllOf(props.label)}>
        {t.approveAll}
      </button>
      <button
        type="submit"
        name="decision"
        value="reject"
        class="button button-quiet"
        aria-label={t.rejectAllOf(props.label)}
      >
        {t.rejectAll}
      </button>
    </form>
  );
}
