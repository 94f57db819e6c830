import { saveLoketTokens } from "../../src/connectors/loket-tokens.js";
import type { ConnectorRegistry } from "../../src/connectors/registry.js";

/**
 * Stores `accessToken` as the connector's sealed Loket consent, the way "Connect to Loket" stores one, so tests, the
 * demo and the benchmark skip the consent page: pair it with `sim.tokens.issue()`.
 */
export function connectWithToken(
  registry: ConnectorRegistry,
  connectorId: string,
  accessToken: string,
  context: { readonly clientId: string; readonly oauthUrl: string; readonly now: Date },
): void {
  const at = context.now.toISOString();
  saveLoketTokens(registry, connectorId, {
    accessToken,
    refreshToken: null,
    // Loket's tokens live 3599 s (the Loket spec §1).
    expiresAt: new Date(context.now.getTime() + 3_599_000).toISOString(),
    obtainedAt: at,
    scope: "all",
    clientId: context.clientId,
    identityUrl: context.oauthUrl,
    connectedAt: at,
    connectedBy: "loket-sim",
  });
}
