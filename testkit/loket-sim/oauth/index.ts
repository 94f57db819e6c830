import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { errorPage, loginPage } from "./login-page.js";
import { isLoketOAuthError, LoketOAuthState, type LoketOAuthOptions, type LoketSimUser } from "./oauth-state.js";

/**
 * The OAuth part of the Loket simulator (oauth.loket.nl as the Loket spec §1 describes it), a self-contained Hono
 * app: `GET /authorize` shows a login form (a test user; no TOTP), `POST /authorize` checks it and redirects back
 * with `code` and `state` (or `error=access_denied` on Cancel), `POST /token` answers `authorization_code` and
 * `refresh_token` with the client credentials in the form body.
 *
 * For the API part: mount `app` where the OAuth URL should be, and check each request's Bearer token against the
 * shared token registry, `oauth.issuedTokens.isValid(token)` (false for an unknown, expired or withdrawn token: answer
 * 401); `oauth.issuedTokens.userOf(token)` names the Loket user the token acts for.
 *
 * Test controls on `oauth.controls`: `accessTokenTtlSeconds`, `rotateRefreshTokens` (true: every refresh answers a
 * new refresh token and the old one stops working; false: none is sent and the old one keeps working),
 * `nextTokenError` (one-shot fault, e.g. `{ status: 400, error: "invalid_grant", … }`), `revokeAll()`,
 * `expireAccessTokens()`, and `stats`.
 */

export {
  LoketOAuthState,
  type LoketOAuthError,
  type LoketOAuthOptions,
  type LoketSimClient,
  type LoketSimUser,
} from "./oauth-state.js";

/** The app the gateway's tests register, and the Loket user who consents. */
export const LOKET_SIM_CLIENT = { clientId: "4f1c9a2e-7b3d-4e8a-9c61-2d5f8e0a1b37", clientSecret: "loket-sim-secret" };
export const LOKET_SIM_USER: LoketSimUser = { username: "jansen@klaassen.example", password: "Sim-Loket-2026!" };

export interface LoketOAuth {
  readonly app: Hono;
  readonly issuedTokens: Pick<LoketOAuthState, "isValid" | "userOf">;
  readonly controls: LoketOAuthState;
}

export function createLoketOAuth(options: Partial<LoketOAuthOptions> = {}): LoketOAuth {
  const state = new LoketOAuthState({
    clients: options.clients ?? [LOKET_SIM_CLIENT],
    users: options.users ?? [LOKET_SIM_USER],
    ...(options.accessTokenTtlSeconds !== undefined ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
    ...(options.rotateRefreshTokens !== undefined ? { rotateRefreshTokens: options.rotateRefreshTokens } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const app = new Hono();

  app.get("/authorize", (c) => {
    const request = state.checkAuthorize(new URL(c.req.url).searchParams);
    if (isLoketOAuthError(request)) return c.html(errorPage(request.error, request.description), 400);
    return c.html(loginPage(request, false));
  });

  app.post("/authorize", async (c) => {
    const form = new URLSearchParams(await c.req.text());
    // The hidden fields are checked again: the form came from the browser, not from us.
    const request = state.checkAuthorize(
      new URLSearchParams({
        client_id: form.get("client_id") ?? "",
        redirect_uri: form.get("redirect_uri") ?? "",
        state: form.get("state") ?? "",
        response_type: "code",
        scope: "all",
      }),
    );
    if (isLoketOAuthError(request)) return c.html(errorPage(request.error, request.description), 400);
    const back = new URL(request.redirectUri);
    back.searchParams.set("state", request.state);
    if (form.get("decision") === "cancel") {
      back.searchParams.set("error", "access_denied");
      return c.redirect(back.href, 302);
    }
    const code = state.logIn(request, form.get("username") ?? "", form.get("password") ?? "");
    // Shown again with the reason, as a login page does (200: the browser reports no failed resource).
    if (code === null) return c.html(loginPage(request, true));
    back.searchParams.set("code", code);
    return c.redirect(back.href, 302);
  });

  app.post("/token", async (c) => {
    // Read whatever the content type says (Loket's own examples send text/plain): the body is the form.
    const answer = state.token(new URLSearchParams(await c.req.text()), c.req.header("authorization"));
    if (isLoketOAuthError(answer))
      return c.json({ error: answer.error, error_description: answer.description }, answer.status as 400);
    c.header("cache-control", "no-store");
    return c.json(answer);
  });

  return { app, issuedTokens: state, controls: state };
}

export interface LoketOAuthServer extends LoketOAuth {
  /** `http://127.0.0.1:PORT`: the `oauth_url` of a connector that uses it. */
  readonly url: string;
  close(): Promise<void>;
}

/** The OAuth service alone on 127.0.0.1 and a free port (tests of the consent and the tokens). */
export async function startLoketOAuthServer(options: Partial<LoketOAuthOptions> = {}): Promise<LoketOAuthServer> {
  const oauth = createLoketOAuth(options);
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const started = serve({ fetch: oauth.app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      resolve({ server: started, port: info.port }),
    );
  });
  return {
    ...oauth,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
