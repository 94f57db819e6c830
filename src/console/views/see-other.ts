import type { Context } from "hono";
import type { ConsoleEnv } from "../deps.js";

/**
 * The end of every console action (POST-redirect-GET, docs/decisions.md): the browser lands on a page it fetched
 * with GET, so a reload shows that page again instead of repeating the action. htmx does not follow a 303 to a full
 * page (it would swap the page into its target), so an htmx request gets HX-Redirect, which it follows with a full
 * page load.
 */
export function seeOther(c: Context<ConsoleEnv>, location: string): Response {
  if (c.req.header("hx-request")) {
    c.header("HX-Redirect", location);
    return c.body(null, 200);
  }
  return c.redirect(location, 303);
}
