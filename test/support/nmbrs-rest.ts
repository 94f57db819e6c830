import type { Clock } from "../../src/clock.js";
import type { ConnectorConfig } from "../../src/config/types.js";
import { saveTokens, storedTokensOf } from "../../src/connectors/nmbrs-tokens.js";
import type { ConnectorRegistry } from "../../src/connectors/registry.js";
import { SIM_REST_CLIENT } from "../../testkit/nmbrs-sim/rest/rest-simulator.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import {
  authorizationUrl,
  createPkce,
  exchangeCode,
  type TokenSet,
} from "../../src/sources/nmbrs/rest/oauth-client.js";
import type { AccessTokens } from "../../src/sources/nmbrs/rest/rest-client.js";
import { connectorConfig } from "./hr-data.js";
import { SIM_CREDENTIALS } from "./nmbrs-sim.js";

/** Where the tests pretend the gateway's callback is; the simulator accepts any http(s) redirect URI by default. */
export const TEST_REDIRECT_URI = "https://gw.example/oauth/nmbrs/callback";

/**
 * What an Nmbrs user does in the browser, done over HTTP: open the authorize URL (the consent page), press Allow,
 * and follow the redirect back to read the code and state.
 */
export async function consentAtSimulator(authorizeUrl: string, decision: "allow" | "deny" = "allow"): Promise<URL> {
  const consentPage = await fetch(authorizeUrl);
  if (consentPage.status !== 200)
    throw new Error(`authorize answered ${consentPage.status}: ${await consentPage.text()}`);
  const fields = new URLSearchParams();
  for (const [, name, value] of (await consentPage.text()).matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
  ))
    fields.set(name!, decodeHtml(value!));
  fields.set("decision", decision);
  const answer = await fetch(new URL("/connect/authorize/consent", authorizeUrl), {
    method: "POST",
    body: fields,
    redirect: "manual",
  });
  return new URL(answer.headers.get("location")!);
}

/**
 * The whole consent at the simulator, returning the tokens the gateway's callback would get; `scopes` replaces the
 * scopes the gateway asks for (a consent given to an earlier version).
 */
export async function tokensFromSimulator(
  sim: NmbrsSimulator,
  redirectUri = TEST_REDIRECT_URI,
  scopes?: readonly string[],
): Promise<TokenSet> {
  const { identityUrl } = sim.rest;
  const pkce = await createPkce();
  const authorize = new URL(
    authorizationUrl({
      identityUrl,
      clientId: SIM_REST_CLIENT.clientId,
      redirectUri,
      state: "test-state",
      codeChallenge: pkce.challenge,
    }),
  );
  if (scopes) authorize.searchParams.set("scope", scopes.join(" "));
  const back = await consentAtSimulator(authorize.href);
  return exchangeCode(
    { identityUrl, clientId: SIM_REST_CLIENT.clientId, clientSecret: SIM_REST_CLIENT.clientSecret },
    {
      code: back.searchParams.get("code")!,
      state: back.searchParams.get("state")!,
      verifier: pkce.verifier,
      redirectUri,
    },
  );
}

/** Connects a connector as "Connect to Nmbrs" would: consent at the simulator, tokens sealed in the registry. */
export async function connectToSimulator(
  registry: ConnectorRegistry,
  connectorId: string,
  sim: NmbrsSimulator,
  clock: Clock,
): Promise<void> {
  const tokens = await tokensFromSimulator(sim);
  saveTokens(
    registry,
    connectorId,
    storedTokensOf(tokens, {
      clientId: SIM_REST_CLIENT.clientId,
      identityUrl: sim.rest.identityUrl,
      now: clock(),
      connectedBy: "beheer",
    }),
  );
}

/** A fixed token, for tests of the REST client that are not about OAuth. */
export function staticTokens(token: string): AccessTokens & { renewals: number } {
  const tokens = {
    renewals: 0,
    current: async () => token,
    renew: async () => {
      tokens.renewals++;
      return token;
    },
  };
  return tokens;
}

/** The REST settings of a connector pointed at the simulator's REST API, with the simulator's app. */
export function simRestSettings(sim: NmbrsSimulator): NonNullable<ConnectorConfig["nmbrsRest"]> {
  return {
    apiUrl: sim.rest.apiUrl,
    identityUrl: sim.rest.identityUrl,
    clientId: SIM_REST_CLIENT.clientId,
    clientSecret: SIM_REST_CLIENT.clientSecret,
    subscriptionKey: sim.rest.subscriptionKey,
    companies: [],
    timeoutSeconds: 5,
  };
}

/**
 * Connector "acme" (config.toml defaults plus `raw`) with settings for both Nmbrs APIs of the simulator, reading
 * `kind`: the shape of a connector prepared for (or done with) the move to REST.
 */
export function bothApisConnector(
  sim: NmbrsSimulator,
  kind: "nmbrs-soap" | "nmbrs-rest",
  raw: Record<string, unknown> = {},
): ConnectorConfig {
  const base = connectorConfig({ ...raw, kind });
  return { ...base, nmbrs: { ...base.nmbrs!, endpoint: sim.url, ...SIM_CREDENTIALS }, nmbrsRest: simRestSettings(sim) };
}

function decodeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}
