import type { Context } from "hono";
import { Hono } from "hono";
import * as v from "valibot";
import { excludePerson, includePerson, MAX_REASON_LENGTH } from "../../sync/exclusions/exclude-person.js";
import { type Exclusion, listExclusions } from "../../sync/exclusions/exclusion-store.js";
import { SyncError } from "../../sync/sync-error.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { requestMessages } from "../i18n/use-language.js";
import { DataTable, Empty, Time } from "../views/components.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";

const ExcludeForm = v.object({
  reason: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_REASON_LENGTH)),
});
const IncludeForm = v.object({ from: v.optional(v.picklist(["list", "person"]), "person") });

/**
 * Exclusions (docs/holds.md): the list of excluded people, and the person page's Exclude and Include actions. Both
 * actions answer 303 to a page fetched with GET; the sync store writes the exclusion and its audit row together.
 */
export function exclusionRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { sqlite } = deps.db;
  const requester = (c: Context<ConsoleEnv>) => ({
    actor: c.get("admin")!.username,
    address: deps.origin.clientAddress(c),
    at: deps.clock(),
  });

  app.get("/exclusions", (c) => {
    const t = requestMessages(c).exclusions;
    const connectors = deps.registry.list();
    const asked = c.req.query("connector") || undefined;
    const exclusions = listExclusions(sqlite, asked);
    const name = (id: string) => connectors.find((item) => item.settings.id === id)?.settings.name ?? id;
    return renderPage(c, {
      title: t.title,
      section: "hr",
      children: (
        <>
          <p class="lead">{t.lead}</p>
          {connectors.length > 1 ? (
            <form method="get" action="/hr/exclusions" class="filters">
              <label for="exclusions-connector">{t.connector}</label>
              <select id="exclusions-connector" name="connector" data-autosubmit="">
                <option value="">{t.allConnectors}</option>
                {connectors.map((item) => (
                  <option value={item.settings.id} selected={item.settings.id === asked}>
                    {item.settings.name}
                  </option>
                ))}
              </select>
            </form>
          ) : null}
          {exclusions.length === 0 ? (
            <Empty>{t.none}</Empty>
          ) : (
            <DataTable label={t.title} columns={[t.person, t.connector, t.since, t.by, t.reason, ""]}>
              {exclusions.map((exclusion) => (
                <ExclusionRow c={c} exclusion={exclusion} connectorName={name(exclusion.connectorId)} />
              ))}
            </DataTable>
          )}
        </>
      ),
    });
  });

  app.post("/:connector/:scimId/exclude", async (c) => {
    const t = requestMessages(c).exclusions;
    const { connector, scimId } = c.req.param();
    const form = v.safeParse(ExcludeForm, await c.req.parseBody());
    if (!form.success) return problemPage(c, 400, t.notChanged, t.reasonRequired);
    try {
      excludePerson(sqlite, { connectorId: connector, ref: scimId, reason: form.output.reason }, requester(c));
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      return problemPage(c, 409, t.notChanged, error.message);
    }
    return c.redirect(personPath(connector, scimId), 303);
  });

  app.post("/:connector/:scimId/include", async (c) => {
    const t = requestMessages(c).exclusions;
    const { connector, scimId } = c.req.param();
    const form = v.safeParse(IncludeForm, await c.req.parseBody());
    try {
      includePerson(sqlite, { connectorId: connector, ref: scimId }, requester(c));
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      return problemPage(c, 409, t.notChanged, error.message);
    }
    const toList = form.success && form.output.from === "list";
    return c.redirect(
      toList ? `/hr/exclusions?connector=${encodeURIComponent(connector)}` : personPath(connector, scimId),
      303,
    );
  });

  return app;
}

function personPath(connectorId: string, scimId: string): string {
  return `/hr/${encodeURIComponent(connectorId)}/${encodeURIComponent(scimId)}`;
}

function ExclusionRow(props: { c: Context<ConsoleEnv>; exclusion: Exclusion; connectorName: string }) {
  const { exclusion } = props;
  return (
    <tr>
      <td>
        <a href={personPath(exclusion.connectorId, exclusion.scimId)}>{exclusion.label}</a>
      </td>
      <td>{props.connectorName}</td>
      <td>
        <Time at={exclusion.since} />
      </td>
      <td>{exclusion.excludedBy}</td>
      <td class="cell-wrap">{exclusion.reason}</td>
      <td>
        <IncludeButton c={props.c} exclusion={exclusion} from="list" />
      </td>
    </tr>
  );
}

/** The Include button of an exclusion, on the list or the person's page. */
export function IncludeButton(props: { c: Context<ConsoleEnv>; exclusion: Exclusion; from: "list" | "person" }) {
  const t = requestMessages(props.c).exclusions;
  const { exclusion } = props;
  return (
    <form method="post" action={`${personPath(exclusion.connectorId, exclusion.scimId)}/include`} class="inline">
      <CsrfField token={props.c.get("csrfToken")} />
      <input type="hidden" name="from" value={props.from} />
      <button type="submit" class="button">
        {t.include}
      </button>
    </form>
  );
}

/** The person page's exclusion card: who excluded them and an Include button, or a reason field and Exclude. */
export function ExclusionCard(props: {
  c: Context<ConsoleEnv>;
  connectorId: string;
  scimId: string;
  exclusion: Exclusion | undefined;
}) {
  const t = requestMessages(props.c).exclusions;
  const { exclusion } = props;
  return (
    <section class="card">
      <h2>{t.exclude}</h2>
      {exclusion ? (
        <>
          <p>{t.excludedSince(exclusion.excludedBy)}</p>
          <p>
            <Time at={exclusion.since} /> · {exclusion.reason}
          </p>
          <IncludeButton c={props.c} exclusion={exclusion} from="person" />
        </>
      ) : (
        <form method="post" action={`${personPath(props.connectorId, props.scimId)}/exclude`}>
          <CsrfField token={props.c.get("csrfToken")} />
          <p class="muted">{t.excludeHelp}</p>
          <label for="exclusion-reason">{t.reason}</label>
          <input id="exclusion-reason" name="reason" required maxlength={MAX_REASON_LENGTH} />
          <button type="submit" class="button">
            {t.exclude}
          </button>
        </form>
      )}
      <p>
        <a href={`/hr/exclusions?connector=${encodeURIComponent(props.connectorId)}`}>{t.listLink}</a>
      </p>
    </section>
  );
}
