import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { NmbrsFault } from "../../../../src/sources/nmbrs/nmbrs-fault.js";
import { NMBRS_OAUTH_WORDING, nmbrsOAuthServer } from "../../../../src/sources/nmbrs/rest/oauth-client.js";
import { LOKET_OAUTH_WORDING, loketOAuthServer } from "../../../../src/sources/loket/loket-oauth.js";
import { refreshTokens } from "../../../../src/sources/oauth/token-requests.js";
import { SourceError } from "../../../../src/sources/types.js";

/**
 * The shared token requests (on oauth4webapi) against a token endpoint on 127.0.0.1 that answers what a test says:
 * how each kind of answer becomes the source's fault, and what the request carried.
 */
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

interface Seen {
  authorization: string | undefined;
  body: string;
}

async function tokenEndpoint(
  answer: (respond: (status: number, headers: Record<string, string>, body: string) => void) => void,
): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      seen.push({ authorization: request.headers.authorization, body });
      answer((status, headers, text) => response.writeHead(status, headers).end(text));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

const JSON_TYPE = { "content-type": "application/json" };
const nmbrs = (url: string) => nmbrsOAuthServer({ identityUrl: url, clientId: "app id", clientSecret: "s3cret:é" });
const loket = (url: string) => loketOAuthServer({ oauthUrl: url, clientId: "app", clientSecret: "s3cret" });

async function refusal(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe("the shared token requests", () => {
  it("authenticate with HTTP Basic for Nmbrs (both parts form-encoded) and in the body for Loket", async () => {
    const { url, seen } = await tokenEndpoint((respond) =>
      respond(200, JSON_TYPE, JSON.stringify({ access_token: "a", token_type: "Bearer", expires_in: 60 })),
    );
    expect(await refreshTokens(nmbrs(url), NMBRS_OAUTH_WORDING, "r1")).toEqual({
      accessToken: "a",
      refreshToken: null,
      expiresInSeconds: 60,
      scope: null,
    });
    expect(Buffer.from(seen[0]!.authorization!.replace(/^Basic /, ""), "base64").toString()).toBe(
      "app+id:s3cret%3A%C3%A9",
    );
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({
      grant_type: "refresh_token",
      refresh_token: "r1",
    });

    await refreshTokens(loket(url), LOKET_OAUTH_WORDING, "r2");
    expect(seen[1]!.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(seen[1]!.body))).toEqual({
      grant_type: "refresh_token",
      refresh_token: "r2",
      client_id: "app",
      client_secret: "s3cret",
    });
  });

  it("marks 503 and 429 as worth another try, with the wait the server asked for, as the source's own fault", async () => {
    const { url } = await tokenEndpoint((respond) =>
      respond(503, { "content-type": "text/html", "retry-after": "7" }, "<h1>down</h1>"),
    );
    const error = await refusal(refreshTokens(nmbrs(url), NMBRS_OAUTH_WORDING, "r"));
    expect(error).toBeInstanceOf(NmbrsFault);
    expect(error.details).toMatchObject({ code: "http-503", transient: true });
    expect((error as NmbrsFault).retryAfterMs).toBe(7000);
    expect(error.message).toBe(
      "The Nmbrs identity service is unavailable (HTTP 503) for POST /connect/token (refresh_token).",
    );
  });

  it.each([
    [
      "invalid_grant",
      400,
      "consent-required",
      "Needs re-consent: Loket no longer accepts the gateway's authorization (expired)",
    ],
    ["invalid_client", 401, "invalid_client", "refused the client id or client secret (invalid_client) (expired)"],
    ["invalid_scope", 400, "invalid_scope", "refused POST /token (refresh_token) (invalid_scope) (expired)"],
  ])("words %s for the admin", async (error, status, code, words) => {
    const { url } = await tokenEndpoint((respond) =>
      respond(status, JSON_TYPE, JSON.stringify({ error, error_description: "expired" })),
    );
    const fault = await refusal(refreshTokens(loket(url), LOKET_OAUTH_WORDING, "r"));
    expect(fault.details).toMatchObject({ code, needsAttention: true });
    expect(fault.message).toContain(words);
  });

  it("calls an answer that is not a token a shape fault, and a runaway answer too large", async () => {
    const { url } = await tokenEndpoint((respond) =>
      respond(200, { "content-type": "text/html" }, "<html>login</html>"),
    );
    const shape = await refusal(refreshTokens(loket(url), LOKET_OAUTH_WORDING, "r"));
    expect(shape.details.code).toBe("shape");
    expect(shape.message).toBe(
      "Loket's OAuth service answered POST /token (refresh_token) with something that is not a token.",
    );

    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const { url: big } = await tokenEndpoint((respond) => respond(200, JSON_TYPE, "x".repeat(2 * 1024 * 1024)));
    const tooLarge = await refusal(refreshTokens(loket(big), LOKET_OAUTH_WORDING, "r"));
    expect(tooLarge.details.code).toBe("too-large");
  });

  it("gives up on a server that does not answer, as a transient timeout", async () => {
    const { url } = await tokenEndpoint(() => {});
    const server = { ...loket(url), transport: { timeoutMs: 300, maxResponseBytes: 1024 } };
    const error = await refusal(refreshTokens(server, LOKET_OAUTH_WORDING, "r"));
    expect(error.details).toMatchObject({ code: "timeout", transient: true });
    expect(error.message).toBe("Loket's OAuth service did not answer POST /token (refresh_token) within 0.3 s.");
  });

  it("reports a closed port as a transient network fault", async () => {
    const { url } = await tokenEndpoint(() => {});
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const error = await refusal(refreshTokens(loket(url), LOKET_OAUTH_WORDING, "r"));
    expect(error.details).toMatchObject({ code: "network", transient: true });
    expect(error.message).toMatch(/^Could not reach Loket's OAuth service for POST \/token \(refresh_token\): /);
  });
});
