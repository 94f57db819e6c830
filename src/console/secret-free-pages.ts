import type { MiddlewareHandler } from "hono";
import { knownSecrets } from "../secrets/known-secrets.js";
import type { ConsoleEnv } from "./deps.js";

const TEXT = /^(text\/|application\/(json|problem\+json))/i;

/**
 * Every page, fragment and download the console sends is cleaned of the secret values this process knows
 * (secrets/known-secrets.ts). Stores keep secrets out of what they hold, but a page also shows text that was never
 * stored: a connection test's answer, a failed consent, a preview's error. Cleaning the finished body covers them
 * all. Forms never carry a stored secret back (SecretInput shows only whether one is stored), so nothing an admin
 * submits can turn into "[redacted]".
 *
 * A download made on a reader thread (a stored preview's CSV or JSON, megabytes of text) was cleaned there with this
 * thread's values and says so with `cleanedOfSecrets`: scanning it again here would hold up the serving thread.
 */
export function withoutKnownSecrets(): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    await next();
    if (c.get("cleanedOfSecrets") || !TEXT.test(c.res.headers.get("content-type") ?? "") || !c.res.body) return;
    const { status, headers } = c.res;
    const text = knownSecrets.redact(await c.res.text());
    headers.delete("content-length");
    // Unset first: assigning over a response merges the old one's headers into the new one.
    c.res = undefined;
    c.res = new Response(text, { status, headers });
  };
}
