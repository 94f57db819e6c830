import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Child } from "hono/jsx";
import type { Admin } from "../auth/admin.js";
import type { ConsoleEnv } from "../deps.js";
import { CSRF_FIELD } from "../auth/session-middleware.js";
import { LANGUAGES, type Language } from "../i18n/language.js";
import { LanguageContext, requestLanguage, useMessages } from "../i18n/use-language.js";

export type NavSection = "dashboard" | "connectors" | "hr" | "runs" | "log" | "audit" | null;

/** The main navigation; the labels come from the catalogue (layout.nav, by section). */
const NAV: readonly { section: Exclude<NavSection, null>; href: string }[] = [
  { section: "dashboard", href: "/" },
  { section: "connectors", href: "/connectors" },
  { section: "hr", href: "/hr" },
  { section: "runs", href: "/runs" },
  { section: "log", href: "/log" },
  { section: "audit", href: "/audit" },
];

// htmx must never evaluate strings as code (CSP has no 'unsafe-eval') nor inject its own <style> (no 'unsafe-inline').
const HTMX_CONFIG = JSON.stringify({
  allowEval: false,
  allowScriptTags: false,
  includeIndicatorStyles: false,
  historyCacheSize: 0,
  selfRequestsOnly: true,
});

export interface PageProps {
  readonly title: string;
  readonly section: NavSection;
  readonly admin: Admin | null;
  readonly csrfToken: string;
  /** This page's path and query, where the language switch returns to; no switch without it (a page outside a session). */
  readonly here?: string;
  /** Shown above the title (e.g. "Connectors / acme"). */
  readonly breadcrumb?: readonly { href: string; label: string }[];
  /** Buttons or links next to the title. */
  readonly actions?: Child;
  readonly children?: Child;
}

export function Layout(props: PageProps) {
  const { language, t } = useMessages();
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={props.csrfToken} />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.title} · HR Gateway`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/console.css" />
        <script src="/static/vendor/htmx.min.js" defer></script>
        <script src="/static/console.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.layout.skipToContent}
        </a>
        <header class="topbar">
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">
              HR
            </span>
            <span>HR Gateway</span>
          </a>
          {props.admin ? (
            <>
              <nav class="mainnav" aria-label={t.layout.mainNavigation}>
                <ul>
                  {NAV.map((item) => (
                    <li>
                      <a href={item.href} aria-current={item.section === props.section ? "page" : undefined}>
                        {t.layout.nav[item.section]}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <form method="post" action="/logout" class="signout">
                <CsrfField token={props.csrfToken} />
                <span class="signout-name">{props.admin.username}</span>
                <button type="submit" class="button button-quiet">
                  {t.layout.logOut}
                </button>
              </form>
            </>
          ) : null}
          {props.here !== undefined ? (
            <LanguageSwitch current={language} csrfToken={props.csrfToken} here={props.here} />
          ) : null}
        </header>
        <main id="main" class="page" tabindex={-1}>
          {props.breadcrumb && props.breadcrumb.length > 0 ? (
            <nav class="breadcrumb" aria-label={t.layout.breadcrumb}>
              <ol>
                {props.breadcrumb.map((crumb) => (
                  <li>
                    <a href={crumb.href}>{crumb.label}</a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <div class="page-head">
            <h1>{props.title}</h1>
            {props.actions ? <div class="page-actions">{props.actions}</div> : null}
          </div>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/**
 * The other language(s) as buttons, each named in its own language (an admin who cannot read the current one still
 * finds theirs). A POST with the CSRF token; the server stores the choice and redirects back (PRG).
 */
function LanguageSwitch(props: { current: Language; csrfToken: string; here: string }) {
  const { t } = useMessages();
  return (
    <form method="post" action="/language" class="language-switch" aria-label={t.layout.language}>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="next" value={props.here} />
      {LANGUAGES.filter((language) => language !== props.current).map((language) => (
        <button type="submit" name="language" value={language} lang={language} class="button button-quiet">
          {t.layout.languageNames[language]}
        </button>
      ))}
    </form>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

/**
 * Renders a full page with the doctype, in the request's language; the page's own props come from the request
 * context.
 */
export async function renderPage(
  c: Context<ConsoleEnv>,
  page: Omit<PageProps, "admin" | "csrfToken" | "here">,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const url = new URL(c.req.url);
  // After a POST (a form shown again with its errors) the switch returns to the page, not to the form's action.
  const here = c.req.method === "GET" ? `${url.pathname}${url.search}` : url.pathname;
  const html = await (
    <LanguageContext.Provider value={requestLanguage(c)}>
      <Layout {...page} admin={c.get("admin")} csrfToken={c.get("csrfToken")} here={here} />
    </LanguageContext.Provider>
  ).toString();
  return c.html(`<!DOCTYPE html>${html}`, status);
}

/** An htmx fragment, rendered in the request's language like a whole page (components read it with useMessages). */
export function renderFragment(c: Context<ConsoleEnv>, fragment: Child): Response | Promise<Response> {
  return c.html(<LanguageContext.Provider value={requestLanguage(c)}>{fragment}</LanguageContext.Provider>);
}
