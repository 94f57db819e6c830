import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Child } from "hono/jsx";
import type { Admin, ConsoleEnv } from "../deps.js";
import { CSRF_FIELD } from "../auth/session-middleware.js";

export type NavSection = "dashboard" | "connectors" | "hr" | "runs" | "log" | "audit" | null;

const NAV: readonly { section: Exclude<NavSection, null>; href: string; label: string }[] = [
  { section: "dashboard", href: "/", label: "Dashboard" },
  { section: "connectors", href: "/connectors", label: "Connectors" },
  { section: "hr", href: "/hr", label: "HR list" },
  { section: "runs", href: "/runs", label: "Sync runs" },
  { section: "log", href: "/log", label: "Log" },
  { section: "audit", href: "/audit", label: "Audit" },
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
  /** Shown above the title (e.g. "Connectors / acme"). */
  readonly breadcrumb?: readonly { href: string; label: string }[];
  /** Buttons or links next to the title. */
  readonly actions?: Child;
  readonly children?: Child;
}

export function Layout(props: PageProps) {
  return (
    <html lang="en">
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
          Skip to content
        </a>
        <header class="topbar">
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">HR</span>
            <span>HR Gateway</span>
          </a>
          {props.admin ? (
            <>
              <nav class="mainnav" aria-label="Main">
                <ul>
                  {NAV.map((item) => (
                    <li>
                      <a href={item.href} aria-current={item.section === props.section ? "page" : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <form method="post" action="/logout" class="signout">
                <CsrfField token={props.csrfToken} />
                <span class="signout-name">{props.admin.username}</span>
                <button type="submit" class="button button-quiet">
                  Log out
                </button>
              </form>
            </>
          ) : null}
        </header>
        <main id="main" class="page" tabindex={-1}>
          {props.breadcrumb && props.breadcrumb.length > 0 ? (
            <nav class="breadcrumb" aria-label="Breadcrumb">
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

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

/** Renders a full page with the doctype; the page's own props come from the request context. */
export async function renderPage(
  c: Context<ConsoleEnv>,
  page: Omit<PageProps, "admin" | "csrfToken">,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const html = await (<Layout {...page} admin={c.get("admin")} csrfToken={c.get("csrfToken")} />).toString();
  return c.html(`<!DOCTYPE html>${html}`, status);
}
