import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { timingSafeEqual } from "node:crypto";
import type { Clock } from "../../clock.js";
import type { Sqlite } from "../../db/open.js";
import type { RequestOrigin } from "../../server/request-origin.js";
import type { ConsoleEnv } from "../deps.js";
import { hasAdmin } from "../../admins/admin-store.js";
import { randomToken, type SessionStore } from "../../admins/session-store.js";
import { requestMessages } from "../i18n/use-language.js";

export const SESSION_COOKIE = "hrgw_session";
/** Before login there is no session to hold a CSRF token: login and setup forms use this double-submit cookie. */
export const FORM_COOKIE = "hrgw_form";
/** Sent by console.js on live-tail and progress polls: they must not keep an idle session alive. */
export const POLL_HEADER = "x-console-poll";
export const CSRF_HEADER = "x-csrf-token";
export const CSRF_FIELD = "_csrf";

/** Sets a cookie the way every console cookie is set: HttpOnly, SameSite=Strict, Path=/, Secure over https. */
export function setConsoleCookie(
  c: Context,
  origin: RequestOrigin,
  name: string,
  value: string,
  maxAgeSeconds?: number,
): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: "Strict",
    secure: origin.isHttps(c),
    path: "/",
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  });
}

/**
 * Finds the admin behind the session cookie and the CSRF token the request must carry: the session's own token,
 * or (signed out) the double-submit token of the form cookie, created here when missing.
 */
export function sessionMiddleware(
  sessions: SessionStore,
  clock: Clock,
  origin: RequestOrigin,
): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? sessions.find(id, clock(), c.req.header(POLL_HEADER) === undefined) : null;
    if (session) {
      c.set("admin", session.admin);
      c.set("sessionIdHash", session.idHash);
      c.set("csrfToken", session.csrfToken);
    } else {
      c.set("admin", null);
      c.set("sessionIdHash", null);
      let formToken = getCookie(c, FORM_COOKIE);
      if (!formToken || !/^[A-Za-z0-9_-]{43}$/.test(formToken)) {
        formToken = randomToken();
        setConsoleCookie(c, origin, FORM_COOKIE, formToken);
      }
      c.set("csrfToken", formToken);
    }
    await next();
  };
}

/**
 * Every state-changing request must send the CSRF token back, in the `_csrf` form field or (htmx) the
 * X-CSRF-Token header that console.js adds. SameSite=Strict cookies already stop most cross-site posts; this
 * also covers browsers and proxies that get SameSite wrong.
 */
export function csrfProtection(): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    let sent = c.req.header(CSRF_HEADER);
    if (sent === undefined) {
      const body = await c.req.parseBody();
      sent = typeof body[CSRF_FIELD] === "string" ? body[CSRF_FIELD] : undefined;
    }
    if (sent === undefined || !sameToken(sent, c.get("csrfToken")) || c.req.header("sec-fetch-site") === "cross-site") {
      return c.text(requestMessages(c).shared.csrfRefused, 403);
    }
    return next();
  };
}

/** Routes behind this need a signed-in admin; without one: the setup page (no admin yet) or the login page. */
export function requireAdmin(sqlite: Sqlite): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (c.get("admin")) return next();
    const target = hasAdmin(sqlite) ? `/login?next=${encodeURIComponent(nextTarget(c))}` : "/setup";
    if (c.req.header("hx-request")) {
      // htmx follows HX-Redirect with a full page load instead of swapping the login page into a fragment.
      c.header("HX-Redirect", target);
      return c.body(null, 200);
    }
    return c.redirect(target, 303);
  };
}

/**
 * Where to return after login: only a path of this console, never another site ("//host", "/\\host"), and only
 * printable ASCII, as a path the console itself sends here is (percent-encoded): a control character would make
 * Node refuse the Location header and turn the redirect into a 500 after the session was already set.
 */
const SAFE_NEXT = /^\/(?![/\\])[\x21-\x7e]{0,2000}$/;

export function safeNext(value: string | undefined): string {
  return value !== undefined && SAFE_NEXT.test(value) ? value : "/";
}

function nextTarget(c: Context): string {
  const url = new URL(c.req.url);
  return c.req.method === "GET" && !c.req.header("hx-request") ? `${url.pathname}${url.search}` : "/";
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
