import type { MiddlewareHandler } from "hono";
import { connectorState } from "../list/connector-state.js";
import { ScimError } from "../scim-error.js";
import { socketAddress, type ScimAppDeps, type ScimEnv } from "../scim-env.js";

const CHALLENGE = { "WWW-Authenticate": 'Basic realm="hr-gateway", Bearer' };

/**
 * Every SCIM endpoint needs a credential of the connector named in the path. An unknown connector and a wrong
 * secret get the same 401, after the same scrypt time, so an unauthenticated caller cannot tell which connectors
 * exist; only a caller holding the connector's credential can learn that it is not served (404).
 *
 * The throttle holds back guesses, never a credential already proved: a header that passed scrypt before is served
 * from a throttled address too (Okta behind a proxy missing from trusted_proxies shares its address with everyone).
 * Anything else from a throttled address gets 429 before any hashing, so it costs no scrypt. Failures are not logged
 * here one by one: requestLogging summarises refused requests per address (observe/refused-requests.ts).
 */
export function authenticate(deps: ScimAppDeps): MiddlewareHandler<ScimEnv> {
  const { services } = deps;
  const clientAddress = deps.clientAddress ?? socketAddress;
  const isServed =
    deps.isServed ?? ((connectorId: string) => connectorState(deps.db.sqlite, connectorId) !== undefined);
  return async (c, next) => {
    const connectorId = c.req.param("connectorId") ?? "";
    c.set("connectorId", connectorId);
    const address = clientAddress(c);
    const header = c.req.header("authorization");
    let credentialId = services.credentials.alreadyVerified(connectorId, header);
    if (credentialId === undefined) {
      const wait = services.throttle.retryAfterSeconds(address);
      if (wait > 0) {
        throw new ScimError(
          429,
          `Too many failed authentications from ${address}; try again in ${wait} s.`,
          undefined,
          {
            "Retry-After": String(wait),
          },
        );
      }
      credentialId = await services.credentials.verify(connectorId, header);
    }
    if (credentialId === undefined) {
      services.throttle.recordFailure(address);
      throw new ScimError(
        401,
        "Authentication failed: check the credentials in Okta's Provisioning → Integration settings.",
        undefined,
        CHALLENGE,
      );
    }
    c.set("credentialId", credentialId);
    const connector = isServed(connectorId) ? connectorState(deps.db.sqlite, connectorId) : undefined;
    if (!connector)
      throw new ScimError(404, `Connector ${connectorId} is not served (it was removed from config.toml or deleted).`);
    c.set("connector", connector);
    await next();
  };
}
