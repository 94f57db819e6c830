import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Sqlite } from "../../db/open.js";
import { adminLanguage } from "../../admins/admin-store.js";
import type { ConsoleEnv } from "../deps.js";
import { isLanguage, type Language, languageFromAcceptLanguage } from "./language.js";

/** Before login there is no admin to keep a choice on; the switch on the login page keeps it in this cookie. */
export const LANGUAGE_COOKIE = "hrgw_lang";

/**
 * Picks the request's language, after the session middleware: the signed-in admin's stored choice, else the choice
 * made before login (cookie), else the browser's Accept-Language.
 */
export function languageMiddleware(sqlite: Sqlite): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    c.set("language", chosenLanguage(sqlite, c.get("admin")?.id ?? null, c));
    await next();
  };
}

/** The console's rule for one request, also for pages outside its middleware (the Nmbrs consent hand-over). */
export function chosenLanguage(sqlite: Sqlite, adminId: number | null, c: Context): Language {
  const stored = adminId !== null ? adminLanguage(sqlite, adminId) : null;
  const cookie = getCookie(c, LANGUAGE_COOKIE);
  const chosen = (isLanguage(stored) ? stored : null) ?? (isLanguage(cookie) ? cookie : null);
  return chosen ?? languageFromAcceptLanguage(c.req.header("accept-language"));
}
