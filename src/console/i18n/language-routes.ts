import { Hono } from "hono";
import * as v from "valibot";
import { setAdminLanguage } from "../../admins/admin-store.js";
import { safeNext, setConsoleCookie } from "../auth/session-middleware.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { LANGUAGE_COOKIE } from "./language-middleware.js";
import { LANGUAGES } from "./language.js";

const languageForm = v.object({ language: v.picklist(LANGUAGES), next: v.optional(v.string()) });

/** A year: the choice is a preference, not a secret, and should outlast many sessions. */
const COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * The language switch in the page header. Signed in, the choice is stored on the admin (it follows them to any
 * browser); it is also kept in a cookie so the login page after logging out stays in that language.
 * POST-redirect-GET, back to the page the switch was on.
 */
export function languageRoutes(deps: Pick<ConsoleDeps, "db" | "origin">): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.post("/language", async (c) => {
    const form = v.safeParse(languageForm, await c.req.parseBody());
    if (!form.success) return c.text(`Choose one of: ${LANGUAGES.join(", ")}.`, 400);
    const admin = c.get("admin");
    if (admin) setAdminLanguage(deps.db.sqlite, admin.id, form.output.language);
    setConsoleCookie(c, deps.origin, LANGUAGE_COOKIE, form.output.language, COOKIE_MAX_AGE_SECONDS);
    return c.redirect(safeNext(form.output.next), 303);
  });
  return app;
}
