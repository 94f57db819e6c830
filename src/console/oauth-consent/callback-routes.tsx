import { Hono, type Context } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { recordAudit } from "../../audit/audit-store.js";
import { hashSessionId, liveSessionAdminId, sessionIsLive } from "../../admins/session-store.js";
import type { Clock } from "../../clock.js";
import { storedTokensOf } from "../../connectors/oauth-tokens.js";
import { DETACHED, type ConnectorRegistry } from "../../connectors/registry.js";
import type { Db } from "../../db/open.js";
import type { Logger } from "../../logging/logger.js";
import type { RequestOrigin } from "../../server/request-origin.js";
import { SourceError } from "../../sources/types.js";
import { SESSION_COOKIE } from "../auth/session-middleware.js";
import type { Language } from "../i18n/language.js";
import { chosenLanguage } from "../i18n/language-middleware.js";
import { LanguageContext } from "../i18n/use-language.js";
import { securityHeaders } from "../security-headers.js";
import { Notice } from "../views/components.js";
import { Layout } from "../views/layout.js";
import { bindingCookie, type ConsentKind } from "./consent-kind.js";
import type { PendingConsents } from "./pending-consents.js";

export interface CallbackDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly registry: ConnectorRegistry;
  readonly origin: RequestOrigin;
}

/**
 * `GET /oauth/{path}/callback`: where the HR system sends the admin back. Outside the console's session middleware,
 * because the console's Strict session cookie does not come along on that cross-site redirect; the consent is
 * checked instead: known and fresh state of this kind (single use), the binding cookie of the browser that started
 * it, and that browser's console session still alive. Then the code is redeemed and the tokens are sealed.
 */
export function consentCallbackRoutes(deps: CallbackDeps, consents: PendingConsents, kind: ConsentKind): Hono {
  const app = new Hono();
  const cookie = bindingCookie(kind);
  app.use("*", securityHeaders());
  app.get("/callback", async (c) => {
    const state = c.req.query("state") ?? "";
    const taken = state ? consents.take(state, getCookie(c, cookie)) : "unknown";
    // A state minted for another system's callback is used up all the same, and unknown here.
    const pending = typeof taken !== "string" && taken.kind !== kind.path ? "unknown" : taken;
    deleteCookie(c, cookie, { path: `/oauth/${kind.path}` });
    if (typeof pending === "string") {
      const language = languageWithoutConsent(deps, c);
      const t = kind.messages(language).handOver;
      const why = { unknown: t.unknown, expired: t.expired, "other-browser": t.otherBrowser }[pending];
      return page(c, kind, language, 400, `${why} ${t.startAgain}`);
    }
    const { connectorId, language } = pending;
    const t = kind.messages(language).handOver;
    const audit = (detail: string) =>
      recordAudit(
        deps.db.sqlite,
        { action: kind.audit, actor: pending.adminName, address: deps.origin.clientAddress(c), connectorId, detail },
        deps.clock(),
      );
    if (!sessionIsLive(deps.db.sqlite, pending.sessionIdHash, deps.clock())) {
      return page(c, kind, language, 403, t.sessionEnded);
    }
    const error = c.req.query("error");
    if (error) {
      audit(`${kind.system} answered ${error}`);
      return page(c, kind, language, 200, error === "access_denied" ? t.declined : t.refused(error), connectorId);
    }
    const connector = deps.registry.resolve(connectorId);
    const settings = connector ? kind.settingsOf(connector) : null;
    if (!settings || settings.clientId !== pending.clientId || settings.serverUrl !== pending.serverUrl) {
      return page(c, kind, language, 409, t.settingsChanged, connectorId);
    }
    try {
      const tokens = await kind.exchange(
        settings,
        { code: c.req.query("code") ?? "", state, verifier: pending.verifier, redirectUri: pending.redirectUri },
        AbortSignal.timeout(30_000),
      );
      kind.saveTokens(
        deps.registry,
        connectorId,
        storedTokensOf(tokens, {
          clientId: settings.clientId,
          identityUrl: settings.serverUrl,
          now: deps.clock(),
          connectedBy: pending.adminName,
        }),
      );
    } catch (failure) {
      if (!(failure instanceof SourceError)) throw failure;
      deps.logger.warn(
        { connector: connectorId, reason: failure.message },
        `${kind.path} consent could not be completed`,
      );
      audit(`failed: ${failure.message}`);
      // The HR system's own words, in English like the log line; marked so a screen reader pronounces them as English.
      const reason = <span lang="en">{failure.message}</span>;
      return page(
        c,
        kind,
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
    deps.logger.info({ connector: connectorId, by: pending.adminName }, `connected to ${kind.system} (OAuth consent)`);
    return continueTo(c, kind, language, `/connectors/${connectorId}?connected=1`);
  });
  return app;
}

/**
 * The language of a refusal that has no consent to take it from (unknown, expired or from another browser): the
 * console's own rule. The cookies come along only when the page is reloaded (same-site); on the HR system's redirect
 * it is Accept-Language.
 */
function languageWithoutConsent(deps: CallbackDeps, c: Context): Language {
  const session = getCookie(c, SESSION_COOKIE);
  const adminId = session ? liveSessionAdminId(deps.db.sqlite, hashSessionId(session), deps.clock()) : null;
  return chosenLanguage(deps.db.sqlite, adminId, c);
}

async function page(
  c: Context,
  kind: ConsentKind,
  language: Language,
  status: ContentfulStatusCode,
  message: Child,
  connectorId?: string,
): Promise<Response> {
  const t = kind.messages(language).handOver;
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
 * cross-site navigation from the HR system, so the console's Strict session cookie would not be sent and the admin
 * would land on the login page.
 */
async function continueTo(c: Context, kind: ConsentKind, language: Language, path: string): Promise<Response> {
  const t = kind.messages(language).handOver;
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
