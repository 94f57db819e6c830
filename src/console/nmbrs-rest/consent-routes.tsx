import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Clock } from "../../clock.js";
import { readTokens, saveTokens, storedTokensOf } from "../../connectors/nmbrs-tokens.js";
import { DETACHED, type ConnectorRegistry } from "../../connectors/registry.js";
import type { Db } from "../../db/open.js";
import { hashSessionId, liveSessionAdminId, sessionIsLive } from "../../admins/session-store.js";
import type { Logger } from "../../logging/logger.js";
import type { RequestOrigin } from "../../server/request-origin.js";
import { NmbrsFault } from "../../sources/nmbrs/nmbrs-fault.js";
import { authorizationUrl, createPkce, exchangeCode, revokeToken } from "../../sources/nmbrs/rest/oauth-client.js";
import { recordAudit } from "../../audit/audit-store.js";
import { auditAdminAction } from "../audit/audit-log.js";
import { SESSION_COOKIE } from "../auth/session-middleware.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import type { Language } from "../i18n/language.js";
import { chosenLanguage } from "../i18n/language-middleware.js";
import { MESSAGES } from "../i18n/messages.js";
import { LanguageContext, requestLanguage, requestMessages } from "../i18n/use-language.js";
import { securityHeaders } from "../security-headers.js";
import { Notice } from "../views/components.js";
import { Layout, renderFragment } from "../views/layout.js";
import { seeOther } from "../views/see-other.js";
import { CONSENT_TTL_MS, type PendingConsents } from "./pending-consents.js";
import { CALLBACK_PATH, type DisconnectOutcome } from "./rest-connection-view.js";

/**
 * The browser cookie that binds a consent to the browser that started it. SameSite=Lax, not the console's Strict:
 * Nmbrs' redirect back is a cross-site navigation, on which a browser sends Lax cookies but no Strict ones.
 */
const BINDING_COOKIE = "hrgw_nmbrs_consent";
const CALLBACK_SCOPE = "/oauth/nmbrs";

/** "Connect to Nmbrs" and "Disconnect" on a connector, mounted under /connectors (admin session and CSRF required). */
export function nmbrsConnectRoutes(deps: ConsoleDeps, consents: PendingConsents): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { registry } = deps;

  app.post("/:id/nmbrs/connect", async (c) => {
    const id = c.req.param("id");
    const connector = registry.get(id) ? registry.resolve(id) : undefined;
    const t = requestMessages(c).nmbrsRest;
    if (!connector) {
      c.status(404);
      return renderFragment(
        c,
        <Notice tone="bad" role="alert">
          {t.noConnector}
        </Notice>,
      );
    }
    const rest = connector.nmbrsRest;
    if (!rest?.clientId || !rest.clientSecret) {
      c.status(409);
      return renderFragment(
        c,
        <Notice tone="bad" role="alert" title={t.saveSettingsFirst}>
          {t.settingsNeeded}
        </Notice>,
      );
    }
    const publicUrl = (typeof deps.publicUrl === "function" ? deps.publicUrl() : deps.publicUrl).replace(/\/+$/, "");
    const redirectUri = `${publicUrl}${CALLBACK_PATH}`;
    const pkce = await createPkce();
    const admin = c.get("admin")!;
    const { state, binding } = consents.start({
      connectorId: id,
      sessionIdHash: c.get("sessionIdHash")!,
      adminName: admin.username,
      verifier: pkce.verifier,
      redirectUri,
      clientId: rest.clientId,
      identityUrl: rest.identityUrl,
      language: requestLanguage(c),
    });
    setCookie(c, BINDING_COOKIE, binding, {
      httpOnly: true,
      sameSite: "Lax",
      secure: deps.origin.isHttps(c),
      path: CALLBACK_SCOPE,
      maxAge: CONSENT_TTL_MS / 1000,
    });
    auditAdminAction(c, deps, "nmbrs_connect", { connectorId: id, detail: "sent to Nmbrs for consent" });
    deps.logger.info({ connector: id }, "console: sent to Nmbrs for consent");
    const target = authorizationUrl({
      identityUrl: rest.identityUrl,
      clientId: rest.clientId,
      redirectUri,
      state,
      codeChallenge: pkce.challenge,
    });
    // A 303 from a form post would be blocked by CSP form-action; htmx's full page load to HX-Redirect is not.
    return seeOther(c, target);
  });

  app.post("/:id/nmbrs/disconnect", async (c) => {
    const id = c.req.param("id");
    const connector = registry.get(id) ? registry.resolve(id) : undefined;
    const tokens = readTokens(registry, id);
    if (!connector || !tokens) return seeOther(c, connector ? `/connectors/${id}` : "/connectors");
    let outcome: DisconnectOutcome = "revoked";
    if (connector.nmbrsRest && tokens.refreshToken) {
      const { identityUrl, clientId, clientSecret } = connector.nmbrsRest;
      try {
        await revokeToken(
          { identityUrl, clientId, clientSecret },
          tokens.refreshToken,
          "refresh_token",
          AbortSignal.timeout(15_000),
        );
      } catch (error) {
        // Forgetting the tokens here is what matters; the grant ends at Nmbrs within 30 days anyway.
        const reason = error instanceof NmbrsFault ? error.message : (error as Error).message;
        deps.logger.warn({ connector: id, reason }, "console: Nmbrs did not confirm the revocation");
        outcome = "unconfirmed";
      }
    }
    saveTokens(registry, id, null);
    auditAdminAction(c, deps, "nmbrs_disconnect", {
      connectorId: id,
      detail: outcome === "revoked" ? null : "Nmbrs did not confirm the revocation",
    });
    deps.logger.info({ connector: id }, "console: disconnected from Nmbrs");
    // The outcome travels to the page that shows it: a refresh in place would wipe a warning the admin must act on.
    return seeOther(c, `/connectors/${id}?disconnected=${outcome}`);
  });

  return app;
}

export interface CallbackDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly registry: ConnectorRegistry;
  readonly origin: RequestOrigin;
}

/**
 * `GET /oauth/nmbrs/callback`: where Nmbrs sends the admin back. Outside the console's session middleware, because
 * the console's Strict session cookie does not come along on that cross-site redirect; the consent is checked
 * instead: known and fresh state (single use), the binding cookie of the browser that started it, and that browser's
 * console session still alive. Then the code is redeemed with the PKCE verifier and the tokens are sealed.
 */
export function nmbrsCallbackRoutes(deps: CallbackDeps, consents: PendingConsents): Hono {
  const app = new Hono();
  app.use("*", securityHeaders());
  app.get("/callback", async (c) => {
    const state = c.req.query("state") ?? "";
    const pending = state ? consents.take(state, getCookie(c, BINDING_COOKIE)) : "unknown";
    deleteCookie(c, BINDING_COOKIE, { path: CALLBACK_SCOPE });
    if (typeof pending === "string") {
      const language = languageWithoutConsent(deps, c);
      const t = MESSAGES[language].nmbrsRest.handOver;
      const why = { unknown: t.unknown, expired: t.expired, "other-browser": t.otherBrowser }[pending];
      return page(c, language, 400, `${why} ${t.startAgain}`);
    }
    const { connectorId, language } = pending;
    const t = MESSAGES[language].nmbrsRest.handOver;
    const audit = (detail: string) =>
      recordAudit(
        deps.db.sqlite,
        {
          action: "nmbrs_connect",
          actor: pending.adminName,
          address: deps.origin.clientAddress(c),
          connectorId,
          detail,
        },
        deps.clock(),
      );
    if (!sessionIsLive(deps.db.sqlite, pending.sessionIdHash, deps.clock())) {
      return page(c, language, 403, t.sessionEnded);
    }
    const error = c.req.query("error");
    if (error) {
      audit(`Nmbrs answered ${error}`);
      return page(c, language, 200, error === "access_denied" ? t.declined : t.refused(error), connectorId);
    }
    const rest = deps.registry.resolve(connectorId)?.nmbrsRest;
    if (!rest || rest.clientId !== pending.clientId || rest.identityUrl !== pending.identityUrl) {
      return page(c, language, 409, t.settingsChanged, connectorId);
    }
    try {
      const tokens = await exchangeCode(
        { identityUrl: rest.identityUrl, clientId: rest.clientId, clientSecret: rest.clientSecret },
        { code: c.req.query("code") ?? "", state, verifier: pending.verifier, redirectUri: pending.redirectUri },
        AbortSignal.timeout(30_000),
      );
      saveTokens(
        deps.registry,
        connectorId,
        storedTokensOf(tokens, {
          clientId: rest.clientId,
          identityUrl: rest.identityUrl,
          now: deps.clock(),
          connectedBy: pending.adminName,
        }),
      );
    } catch (failure) {
      if (!(failure instanceof NmbrsFault)) throw failure;
      deps.logger.warn({ connector: connectorId, reason: failure.message }, "nmbrs consent could not be completed");
      audit(`failed: ${failure.message}`);
      // Nmbrs' own words, in English like the log line; marked so a screen reader pronounces them as English.
      const reason = <span lang="en">{failure.message}</span>;
      return page(
        c,
        language,
        502,
        <>
          {`${t.exchangeFailed} `}
          {reason}
        </>,
        connectorId,
      );
    }
    // A new consent answers "needs re-consent" and the like; a different problem is flagged again by the next run.
    const attention = deps.registry.get(connectorId)?.attention;
    if (attention && attention !== DETACHED) deps.registry.setAttention(connectorId, null);
    audit("connected");
    deps.logger.info({ connector: connectorId, by: pending.adminName }, "connected to Nmbrs (OAuth consent)");
    return continueTo(c, language, `/connectors/${connectorId}?connected=1`);
  });
  return app;
}

/**
 * The language of a refusal that has no consent to take it from (unknown, expired or from another browser): the
 * console's own rule. The cookies come along only when the page is reloaded (same-site); on Nmbrs' redirect it is
 * Accept-Language.
 */
function languageWithoutConsent(deps: CallbackDeps, c: Context): Language {
  const session = getCookie(c, SESSION_COOKIE);
  const adminId = session ? liveSessionAdminId(deps.db.sqlite, hashSessionId(session), deps.clock()) : null;
  return chosenLanguage(deps.db.sqlite, adminId, c);
}

async function page(
  c: Context,
  language: Language,
  status: ContentfulStatusCode,
  message: Child,
  connectorId?: string,
): Promise<Response> {
  const t = MESSAGES[language].nmbrsRest.handOver;
  const back = connectorId ? `/connectors/${connectorId}` : "/connectors";
  const html = await (
    <LanguageContext.Provider value={language}>
      <Layout title={t.notConnected} section={null} admin={null} csrfToken="">
        <Notice tone={status === 200 ? "warn" : "bad"} role="alert">
          <p>{message}</p>
        </Notice>
        <p>
          <a class="button" href={back}>
            {t.back}
          </a>
        </p>
      </Layout>
    </LanguageContext.Provider>
  ).toString();
  return c.html(`<!DOCTYPE html>${html}`, status);
}

/**
 * Continues to a console page with a page of our own rather than a redirect: a redirect would still be part of the
 * cross-site navigation from Nmbrs, so the console's Strict session cookie would not be sent and the admin would
 * land on the login page.
 */
async function continueTo(c: Context, language: Language, path: string): Promise<Response> {
  const t = MESSAGES[language].nmbrsRest.handOver;
  const html = await (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="refresh" content={`0;url=${path}`} />
        <title>{`${t.connectedTitle} · HR Gateway`}</title>
        <link rel="stylesheet" href="/static/console.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <main class="page">
          <p>
            {`${t.connected} `}
            <a href={path}>{t.continue}</a>.
          </p>
        </main>
      </body>
    </html>
  ).toString();
  return c.html(`<!DOCTYPE html>${html}`);
}
