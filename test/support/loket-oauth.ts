import type { Clock } from "../../src/clock.js";
import type { ConnectorConfig, LoketSettings } from "../../src/config/types.js";
import { saveLoketTokens } from "../../src/connectors/loket-tokens.js";
import { storedTokensOf } from "../../src/connectors/oauth-tokens.js";
import type { ConnectorRegistry } from "../../src/connectors/registry.js";
import { LOKET_OAUTH_WORDING, loketAuthorizationUrl, loketOAuthServer } from "../../src/sources/loket/loket-oauth.js";
import { exchangeCode } from "../../src/sources/oauth/token-requests.js";
import { LOKET_SIM_CLIENT, LOKET_SIM_USER, type LoketOAuthServer } from "../../testkit/loket-sim/oauth/index.js";
import { connectorConfig } from "./hr-data.js";

/** Where the tests pretend the gateway's callback is; the simulator accepts any http(s) redirect URI by default. */
export const LOKET_TEST_REDIRECT_URI = "https://gw.example/oauth/loket/callback";

/** `[connectors.loket]` of a connector that reads the simulator. */
export function loketSettings(
  sim: Pick<LoketOAuthServer, "url">,
  overrides: Partial<LoketSettings> = {},
): LoketSettings {
  return {
    environment: "acceptance",
    apiUrl: `${sim.url}/v2`,
    oauthUrl: sim.url,
    clientId: LOKET_SIM_CLIENT.clientId,
    clientSecret: LOKET_SIM_CLIENT.clientSecret,
    employers: [],
    pageSize: 250,
    timeoutSeconds: 10,
    ...overrides,
  };
}

/** A kind = "loket" connector declared as config.toml would. */
export function loketConnector(sim: Pick<LoketOAuthServer, "url">, id = "klaassen"): ConnectorConfig {
  return { ...connectorConfig({ id, kind: "loket" }), nmbrs: null, loket: loketSettings(sim) };
}

/**
 * What a Loket user does in the browser, done over HTTP: open the authorize URL (the login page), log in (or
 * cancel), and read where Loket sends the browser back.
 */
export async function logInAtLoketSim(
  authorizeUrl: string,
  decision: "login" | "cancel" = "login",
  user = LOKET_SIM_USER,
): Promise<URL> {
  const page = await fetch(authorizeUrl);
  if (page.status !== 200) throw new Error(`authorize answered ${page.status}: ${await page.text()}`);
  const fields = new URLSearchParams();
  for (const [, name, value] of (await page.text()).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields.set(
      name!,
      value!.replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code))),
    );
  fields.set("username", user.username);
  fields.set("password", user.password);
  fields.set("decision", decision);
  const answer = await fetch(new URL("authorize", authorizeUrl), { method: "POST", body: fields, redirect: "manual" });
  if (answer.status !== 302) throw new Error(`login answered ${answer.status}`);
  return new URL(answer.headers.get("location")!);
}

/** Connects a loket connector as "Connect to Loket" would: consent at the simulator, tokens sealed in the registry. */
export async function connectToLoketSim(
  registry: ConnectorRegistry,
  connectorId: string,
  sim: Pick<LoketOAuthServer, "url">,
  clock: Clock,
): Promise<void> {
  const settings = loketSettings(sim);
  const back = await logInAtLoketSim(
    loketAuthorizationUrl(settings, { redirectUri: LOKET_TEST_REDIRECT_URI, state: "test-state" }),
  );
  const tokens = await exchangeCode(loketOAuthServer(settings), LOKET_OAUTH_WORDING, {
    code: back.searchParams.get("code")!,
    state: back.searchParams.get("state")!,
    verifier: null,
    redirectUri: LOKET_TEST_REDIRECT_URI,
  });
  saveLoketTokens(
    registry,
    connectorId,
    storedTokensOf(tokens, {
      clientId: settings.clientId,
      identityUrl: settings.oauthUrl,
      now: clock(),
      connectedBy: "admin",
    }),
  );
}
