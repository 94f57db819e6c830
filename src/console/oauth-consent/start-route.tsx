import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { createPkce } from "../../sources/oauth/oauth-server.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { requestLanguage } from "../i18n/use-language.js";
import { Notice } from "../views/components.js";
import { renderFragment } from "../views/layout.js";
import { seeOther } from "../views/see-other.js";
import { bindingCookie, callbackPath, type ConsentKind } from "./consent-kind.js";
import { publicUrlOf } from "../public-url.js";
import { CONSENT_TTL_MS, type PendingConsents } from "./pending-consents.js";

/**
 * `POST /connectors/:id/{path}/connect` ("Connect to Nmbrs", "Connect to Loket"), mounted under /connectors (admin
 * session and CSRF required): registers the consent and sends the browser to the HR system's consent page.
 */
export function consentStartRoute(deps: ConsoleDeps, consents: PendingConsents, kind: ConsentKind): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { registry } = deps;

  app.post(`/:id/${kind.path}/connect`, async (c) => {
    const id = c.req.param("id");
    const connector = registry.get(id) ? registry.resolve(id) : undefined;
    const language = requestLanguage(c);
    const t = kind.messages(language);
    if (!connector) {
      c.status(404);
      return renderFragment(
        c,
        <Notice tone="bad" role="alert">
          {t.noConnector}
        </Notice>,
      );
    }
    const settings = kind.settingsOf(connector);
    if (!settings) {
      c.status(409);
      return renderFragment(
        c,
        <Notice tone="bad" role="alert" title={t.saveSettingsFirst}>
          {t.settingsNeeded}
        </Notice>,
      );
    }
    const publicUrl = publicUrlOf(deps);
    const redirectUri = `${publicUrl}${callbackPath(kind)}`;
    const pkce = kind.pkce ? await createPkce() : null;
    const admin = c.get("admin")!;
    const { state, binding } = consents.start({
      kind: kind.path,
      connectorId: id,
      sessionIdHash: c.get("sessionIdHash")!,
      adminName: admin.username,
      verifier: pkce?.verifier ?? null,
      redirectUri,
      clientId: settings.clientId,
      serverUrl: settings.serverUrl,
      language,
    });
    setCookie(c, bindingCookie(kind), binding, {
      httpOnly: true,
      sameSite: "Lax",
      secure: deps.origin.isHttps(c),
      path: `/oauth/${kind.path}`,
      maxAge: CONSENT_TTL_MS / 1000,
    });
    auditAdminAction(c, deps, kind.audit, { connectorId: id, detail: `sent to ${kind.system} for consent` });
    deps.logger.info({ connector: id }, `console: sent to ${kind.system} for consent`);
    const target = kind.authorizeUrl(settings, {
      redirectUri,
      state,
      ...(pkce ? { codeChallenge: pkce.challenge } : {}),
    });
    // A 303 from a form post would be blocked by CSP form-action; htmx's full page load to HX-Redirect is not.
    return seeOther(c, target);
  });

  return app;
}
