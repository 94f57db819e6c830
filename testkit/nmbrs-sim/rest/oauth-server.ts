import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The simulator's stand-in for identityservice.nmbrs.com: authorization codes with PKCE (S256 only), access tokens
 * with a configurable lifetime, refresh tokens that rotate on every use and expire when unused for their lifetime
 * (30 days at Nmbrs) and, when asked, at an absolute end counted from the consent (IdentityServer's default, which
 * Nmbrs may use: docs/nmbrs-rest-api.md U1), and revocation. State lives in memory; `now` is injectable so tests
 * expire tokens without waiting.
 */

export interface SimOAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Exact redirect URIs the app registered; absent = any http(s) URI (tests start the gateway on a free port). */
  readonly redirectUris?: readonly string[];
}

export interface SimOAuthOptions {
  readonly clients: readonly SimOAuthClient[];
  /** Default 3600 (IdentityServer's default). */
  readonly accessTokenTtlSeconds?: number;
  /** Default 30 days: a refresh token not used for this long stops working (Nmbrs API reference). */
  readonly refreshTokenTtlSeconds?: number;
  /**
   * When set, every refresh token of a consent stops working this long after the consent (the authorization-code
   * grant), however often it was rotated: IdentityServer's `RefreshTokenExpiration.Absolute`. Default: none.
   */
  readonly refreshTokenAbsoluteLifetimeSeconds?: number;
  /** Epoch milliseconds; default Date.now. */
  readonly now?: () => number;
}

/** The scopes the simulated API knows; an authorize request for others is refused. */
export const SIM_SCOPES = [
  "company.info.read",
  "employee.info.read",
  "employee.employment.read",
  "employee.orgstructure.read",
  "employee.payment.read",
  "user.info",
  "offline_access",
];

/** What an authorize request asks for, checked; the consent page shows it and posts it back. */
export interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string;
  readonly codeChallenge: string;
}

/** An OAuth error answer: HTTP status and `{ error, error_description }`. */
export interface OAuthError {
  readonly status: number;
  readonly error: string;
  readonly description: string;
}

interface Grant {
  readonly id: string;
  /** When the consent's code was issued: the start of an absolute refresh-token lifetime. */
  readonly createdAt: number;
  readonly clientId: string;
  readonly scope: string;
  revoked: boolean;
}

interface IssuedToken {
  readonly grant: Grant;
  readonly expiresAt: number;
}

const CODE_TTL_MS = 60_000;

export class SimOAuthServer {
  /** Tokens issued and refused, for tests that count them. */
  readonly stats = { codes: 0, accessTokens: 0, refreshes: 0, refusedRefreshes: 0, revocations: 0 };
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  refreshTokenAbsoluteLifetimeSeconds: number | null;
  private readonly now: () => number;
  private readonly clients: Map<string, SimOAuthClient>;
  private readonly codes = new Map<string, AuthorizeRequest & { grant: Grant; expiresAt: number; used: boolean }>();
  private readonly accessTokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, IssuedToken & { rotated: boolean }>();

  constructor(options: SimOAuthOptions) {
    this.clients = new Map(options.clients.map((client) => [client.clientId, client]));
    this.accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? 3600;
    this.refreshTokenTtlSeconds = options.refreshTokenTtlSeconds ?? 30 * 86_400;
    this.refreshTokenAbsoluteLifetimeSeconds = options.refreshTokenAbsoluteLifetimeSeconds ?? null;
    this.now = options.now ?? Date.now;
  }

  /** Every access and refresh token issued so far: what a test looks for where no token may appear. */
  issuedTokens(): string[] {
    return [...this.accessTokens.keys(), ...this.refreshTokens.keys()];
  }

  /** Checks `/connect/authorize` parameters. Errors that must not redirect (unknown client or URI) come back as errors. */
  checkAuthorize(query: URLSearchParams): AuthorizeRequest | OAuthError {
    const clientId = query.get("client_id") ?? "";
    const redirectUri = query.get("redirect_uri") ?? "";
    const client = this.clients.get(clientId);
    if (!client) return { status: 400, error: "invalid_client", description: "unknown client_id" };
    if (!this.redirectAllowed(client, redirectUri))
      return { status: 400, error: "invalid_request", description: "redirect_uri is not registered for this client" };
    if (query.get("response_type") !== "code")
      return { status: 400, error: "unsupported_response_type", description: "only response_type=code" };
    const challenge = query.get("code_challenge") ?? "";
    if (query.get("code_challenge_method") !== "S256" || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return { status: 400, error: "invalid_request", description: "PKCE with code_challenge_method=S256 is required" };
    }
    const scope = query.get("scope") ?? "";
    const unknown = scope.split(" ").filter((name) => name !== "" && !SIM_SCOPES.includes(name));
    if (scope.trim() === "" || unknown.length > 0)
      return {
        status: 400,
        error: "invalid_scope",
        description: `unknown scopes: ${unknown.join(" ") || "(none asked)"}`,
      };
    return { clientId, redirectUri, scope, state: query.get("state") ?? "", codeChallenge: challenge };
  }

  /** The admin allowed access: a single-use code for the redirect. */
  issueCode(request: AuthorizeRequest): string {
    const code = randomBytes(32).toString("base64url");
    const grant: Grant = {
      id: randomBytes(8).toString("hex"),
      createdAt: this.now(),
      clientId: request.clientId,
      scope: request.scope,
      revoked: false,
    };
    this.codes.set(code, { ...request, grant, expiresAt: this.now() + CODE_TTL_MS, used: false });
    this.stats.codes++;
    return code;
  }

  /** `/connect/token`: the client from its HTTP Basic header, the grant from the form. */
  token(authorization: string | undefined, form: URLSearchParams): Record<string, unknown> | OAuthError {
    const client = this.authenticate(authorization);
    if (!client)
      return {
        status: 401,
        error: "invalid_client",
        description: "client authentication failed (HTTP Basic with client_id and client_secret)",
      };
    const grantType = form.get("grant_type");
    if (grantType === "authorization_code") return this.redeemCode(client, form);
    if (grantType === "refresh_token") return this.refresh(client, form.get("refresh_token") ?? "");
    return { status: 400, error: "unsupported_grant_type", description: `grant_type ${grantType ?? "(none)"}` };
  }

  /** `/connect/revocation` (RFC 7009): a refresh token ends its whole grant; unknown tokens are fine. */
  revoke(authorization: string | undefined, form: URLSearchParams): OAuthError | null {
    const client = this.authenticate(authorization);
    if (!client) return { status: 401, error: "invalid_client", description: "client authentication failed" };
    const token = form.get("token") ?? "";
    const issued = this.refreshTokens.get(token) ?? this.accessTokens.get(token);
    if (issued && issued.grant.clientId === client.clientId) {
      if (this.refreshTokens.has(token)) issued.grant.revoked = true;
      else this.accessTokens.delete(token);
      this.stats.revocations++;
    }
    return null;
  }

  /** The scopes of a valid access token, or null (unknown, expired, or its grant revoked). */
  scopesOf(accessToken: string): readonly string[] | null {
    const issued = this.accessTokens.get(accessToken);
    if (!issued || issued.grant.revoked || issued.expiresAt <= this.now()) return null;
    return issued.grant.scope.split(" ");
  }

  /** Test control: an Nmbrs admin removes the app's access; every token of the client stops working. */
  revokeAll(clientId?: string): void {
    for (const issued of [...this.accessTokens.values(), ...this.refreshTokens.values()]) {
      if (clientId === undefined || issued.grant.clientId === clientId) issued.grant.revoked = true;
    }
  }

  /** Test control: every access token issued so far expires now (refresh tokens keep working). */
  expireAccessTokens(): void {
    for (const [token, issued] of this.accessTokens) this.accessTokens.set(token, { ...issued, expiresAt: this.now() });
  }

  private redeemCode(client: SimOAuthClient, form: URLSearchParams): Record<string, unknown> | OAuthError {
    const code = this.codes.get(form.get("code") ?? "");
    if (!code || code.clientId !== client.clientId || code.expiresAt <= this.now())
      return invalidGrant("unknown or expired authorization code");
    if (code.used) {
      // A replayed code means it leaked: everything issued for it is revoked (RFC 6749 §4.1.2).
      code.grant.revoked = true;
      return invalidGrant("authorization code already used");
    }
    code.used = true;
    if ((form.get("redirect_uri") ?? "") !== code.redirectUri)
      return invalidGrant("redirect_uri differs from the authorize request");
    const verifier = form.get("code_verifier") ?? "";
    if (
      !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) ||
      createHash("sha256").update(verifier).digest("base64url") !== code.codeChallenge
    ) {
      return invalidGrant("code_verifier does not match the code_challenge");
    }
    return this.issue(code.grant);
  }

  private refresh(client: SimOAuthClient, token: string): Record<string, unknown> | OAuthError {
    const issued = this.refreshTokens.get(token);
    const refused =
      !issued ||
      issued.grant.clientId !== client.clientId ||
      issued.grant.revoked ||
      issued.rotated ||
      issued.expiresAt <= this.now();
    if (refused || !issued) {
      this.stats.refusedRefreshes++;
      return invalidGrant(
        issued?.rotated ? "refresh token already used (tokens rotate)" : "refresh token revoked, expired or unknown",
      );
    }
    issued.rotated = true;
    this.stats.refreshes++;
    return this.issue(issued.grant);
  }

  private issue(grant: Grant): Record<string, unknown> {
    const accessToken = randomBytes(32).toString("base64url");
    const now = this.now();
    this.accessTokens.set(accessToken, { grant, expiresAt: now + this.accessTokenTtlSeconds * 1000 });
    this.stats.accessTokens++;
    const answer: Record<string, unknown> = {
      access_token: accessToken,
      expires_in: this.accessTokenTtlSeconds,
      token_type: "Bearer",
      scope: grant.scope,
    };
    if (grant.scope.split(" ").includes("offline_access")) {
      const refreshToken = randomBytes(32).toString("base64url");
      const unusedEnd = now + this.refreshTokenTtlSeconds * 1000;
      const absoluteEnd =
        this.refreshTokenAbsoluteLifetimeSeconds === null
          ? Infinity
          : grant.createdAt + this.refreshTokenAbsoluteLifetimeSeconds * 1000;
      this.refreshTokens.set(refreshToken, { grant, expiresAt: Math.min(unusedEnd, absoluteEnd), rotated: false });
      answer.refresh_token = refreshToken;
    }
    return answer;
  }

  private authenticate(authorization: string | undefined): SimOAuthClient | null {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? "");
    if (!match) return null;
    const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    let id: string;
    let secret: Buffer;
    try {
      id = decodeURIComponent(decoded.slice(0, colon));
      secret = Buffer.from(decodeURIComponent(decoded.slice(colon + 1)));
    } catch {
      return null; // a malformed %-escape: not credentials of any client
    }
    const client = this.clients.get(id);
    const expected = Buffer.from(client?.clientSecret ?? "");
    return client && secret.length === expected.length && timingSafeEqual(secret, expected) ? client : null;
  }

  private redirectAllowed(client: SimOAuthClient, redirectUri: string): boolean {
    if (client.redirectUris) return client.redirectUris.includes(redirectUri);
    return /^https?:\/\/[^\s]+$/.test(redirectUri) && !redirectUri.includes("#");
  }
}

function invalidGrant(description: string): OAuthError {
  return { status: 400, error: "invalid_grant", description };
}

export function isOAuthError(value: unknown): value is OAuthError {
  return typeof value === "object" && value !== null && "error" in value && "status" in value;
}
