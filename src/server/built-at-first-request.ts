import type { Context } from "hono";

/** What a Hono app answers with: its `fetch`, given the request and the server's bindings. */
export interface FetchApp {
  fetch(request: Request, env: unknown): Response | Promise<Response>;
}

/**
 * A handler that imports and builds the app it forwards to at its first request, once; every later request goes
 * straight to it. The request and the server's bindings pass unchanged, so the app answers as if it were routed in
 * place. A failed build is tried again at the next request instead of failing every request after it.
 */
export function builtAtFirstRequest(build: () => Promise<FetchApp>): (c: Context) => Promise<Response> {
  let app: Promise<FetchApp> | null = null;
  return async (c) => {
    app ??= build().catch((error: unknown) => {
      app = null;
      throw error;
    });
    return (await app).fetch(c.req.raw, c.env);
  };
}
