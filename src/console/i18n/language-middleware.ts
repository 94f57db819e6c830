import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Sqlite } from "../../db/open.js";
import { adminLanguage } from "../../admins/admin-store.js";
import type { ConsoleEnv } from "../deps.js";
import { isLanguage, languageFromAcceptLanguage } from "./language.js";

/** Before login there is no admin to keep a choice on; the switch on the login page keeps it in this cookie. */
export const LANGUAGE_COOKIE = "hrgw_lang";

/**
 * Picks the request's language, after the session middleware: the signed-in admin's stored choice, else the choice
 * made before login (cookie), else the browser's Accept-Language.
 */
export function languageMiddleware(sqlite: Sqlite): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const admin = c.get("admin");
    const cookie = getCookie(c, LANGUAGE_COOKIE);
    const stored = admin ? adminLanguage(sqlite, admin.id) : null;
    const chosen = (isLanguage(stored) ? stored : null) ?? (isLanguage(cookie) ? cookie : null);
    c.set("language", chosen ?? languageFromAcceptLanguage(c.req.header("accept-language")));
    await next();
  };
}
