import type { Context } from "hono";
import { Hono } from "hono";
import { approveSuggestedLogin, type LoginSuggestion } from "../../sync/approve-login.js";
import { SyncError } from "../../sync/sync-error.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { requestMessages, useMessages } from "../i18n/use-language.js";
import { CsrfField } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";

/**
 * Approving the generated login a name change suggests (docs/mapping.md, "Generated logins"): the person page's
 * button; answers 303 to the person page. The sync module checks the suggestion and writes it with its audit row.
 */
export function loginApprovalRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.post("/:connector/:scimId/approve-login", (c) => {
    const { connector, scimId } = c.req.param();
    try {
      approveSuggestedLogin(
        deps.db.sqlite,
        { connectorId: connector, scimId },
        { actor: c.get("admin")!.username, address: deps.origin.clientAddress(c), at: deps.clock() },
      );
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      return problemPage(c, 409, requestMessages(c).generatedLogin.notApproved, error.message);
    }
    deps.logger.info({ connector }, "console: suggested generated login approved");
    return c.redirect(`/hr/${encodeURIComponent(connector)}/${encodeURIComponent(scimId)}`, 303);
  });
  return app;
}

/** The person page's card when a name change suggests a new generated login: what it would be, and Approve. */
export function SuggestedLoginCard(props: {
  c: Context<ConsoleEnv>;
  connectorId: string;
  scimId: string;
  suggestion: LoginSuggestion;
}) {
  const t = requestMessages(props.c).generatedLogin;
  return (
    <section class="card" id="suggested-login">
      <h2>{t.title}</h2>
      <p>{t.suggested(props.suggestion.kept, props.suggestion.suggested)}</p>
      {props.suggestion.approved ? (
        <p>{t.approved(props.suggestion.suggested)}</p>
      ) : (
        <>
          <p class="muted">{t.approveHelp}</p>
          <ApproveLoginButton
            connectorId={props.connectorId}
            scimId={props.scimId}
            csrfToken={props.c.get("csrfToken")}
          />
        </>
      )}
    </section>
  );
}

/** The Approve new login button, on the person page and in the connector page's problem list. */
export function ApproveLoginButton(props: { connectorId: string; scimId: string; csrfToken: string }) {
  const t = useMessages().t.generatedLogin;
  const action = `/hr/${encodeURIComponent(props.connectorId)}/${encodeURIComponent(props.scimId)}/approve-login`;
  return (
    <form method="post" action={action} class="inline">
      <CsrfField token={props.csrfToken} />
      <button type="submit" class="button">
        {t.approve}
      </button>
    </form>
  );
}
