import { randomBytes, timingSafeEqual } from "node:crypto";

/**
 * What the simulated Loket OAuth service remembers: registered apps, the test users who log in at the consent page,
 * authorization codes, and the tokens issued (all in memory). Loket's facts as the Loket spec §1 has them: client
 * credentials in the form body, scope `all`, access tokens of 3599 s, and refresh tokens that rotate or stay
 * (the spec's CONFLICT: `rotateRefreshTokens` chooses). `now` is injectable so tests expire tokens without waiting.
 */

export interface LoketSimClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Exact redirect URIs Loket registered for the app; absent = any http(s) URI (tests start on a free port). */
  readonly redirectUris?: readonly string[];
}

export interface LoketSimUser {
  readonly username: string;
  readonly password: string;
}

export interface LoketOAuthOptions {
  readonly clients: readonly LoketSimClient[];
  readonly users: readonly LoketSimUser[];
  /** Default 3599 (Loket's, per the Invantive forum). */
  readonly accessTokenTtlSeconds?: number;
  /** Default true: every refresh answers a new refresh token and the used one stops working. */
  readonly rotateRefreshTokens?: boolean;
  /** Epoch milliseconds; default Date.now. */
  readonly now?: () => number;
}

/** An OAuth error answer: HTTP status and `{ error, error_description }`. */
export interface LoketOAuthError {
  readonly status: number;
  readonly error: string;
  readonly description: string;
}

export interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
}

interface Grant {
  readonly clientId: string;
  readonly username: string;
  revoked: boolean;
}

const CODE_TTL_MS = 60_000;

export class LoketOAuthState {
  readonly stats = { logins: 0, refusedLogins: 0, codes: 0, accessTokens: 0, refreshes: 0, refusedRefreshes: 0 };
  accessTokenTtlSeconds: number;
  rotateRefreshTokens: boolean;
  /** Test control: the next token request is answered with this error instead (one shot). */
  nextTokenError: LoketOAuthError | null = null;
  private readonly now: () => number;
  private readonly clients: Map<string, LoketSimClient>;
  private readonly users: readonly LoketSimUser[];
  private readonly codes = new Map<string, AuthorizeRequest & { grant: Grant; expiresAt: number; used: boolean }>();
  private readonly accessTokens = new Map<string, { grant: Grant; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, { grant: Grant; used: boolean }>();

  constructor(options: LoketOAuthOptions) {
    this.clients = new Map(options.clients.map((client) => [client.clientId, client]));
    this.users = options.users;
    this.accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? 3599;
    this.rotateRefreshTokens = options.rotateRefreshTokens ?? true;
    this.now = options.now ?? Date.now;
  }

  /** True for an access token this service issued that has not expired and whose grant was not withdrawn. */
  isValid(accessToken: string): boolean {
    return this.userOf(accessToken) !== null;
  }

  /** The Loket user a valid access token acts for (a token sees what its user sees), or null. */
  userOf(accessToken: string): string | null {
    const issued = this.accessTokens.get(accessToken);
    if (!issued || issued.grant.revoked || issued.expiresAt <= this.now()) return null;
    return issued.grant.username;
  }

  /** Every access and refresh token issued so far: what a test looks for where no token may appear. */
  issuedTokens(): string[] {
    return [...this.accessTokens.keys(), ...this.refreshTokens.keys()];
  }

  /** Test control: a Loket user withdraws the app; every token of every grant stops working. */
  revokeAll(): void {
    for (const issued of [...this.accessTokens.values(), ...this.refreshTokens.values()]) issued.grant.revoked = true;
  }

  /** Test control: every access token issued so far expires now (refresh tokens keep working). */
  expireAccessTokens(): void {
    for (const [token, issued] of this.accessTokens) this.accessTokens.set(token, { ...issued, expiresAt: this.now() });
  }

  /** `/authorize` parameters checked; an unknown client or redirect URI is an error page, never a redirect. */
  checkAuthorize(query: URLSearchParams): AuthorizeRequest | LoketOAuthError {
    const clientId = query.get("client_id") ?? "";
    const redirectUri = query.get("redirect_uri") ?? "";
    const client = this.clients.get(clientId);
    if (!client) return { status: 400, error: "invalid_client", description: "unknown client_id" };
    const allowed = client.redirectUris
      ? client.redirectUris.includes(redirectUri)
      : /^https?:\/\/[^\s#]+$/.test(redirectUri);
    if (!allowed) return { status: 400, error: "invalid_request", description: "redirect_uri is not registered" };
    if (query.get("response_type") !== "code")
      return { status: 400, error: "unsupported_response_type", description: "only response_type=code" };
    if (query.get("scope") !== "all") return { status: 400, error: "invalid_scope", description: "scope must be all" };
    return { clientId, redirectUri, state: query.get("state") ?? "" };
  }

  /** The login form was sent: a single-use code for the redirect, or null for a wrong user name or password. */
  logIn(request: AuthorizeRequest, username: string, password: string): string | null {
    const user = this.users.find((candidate) => candidate.username === username && same(candidate.password, password));
    if (!user) {
      this.stats.refusedLogins++;
      return null;
    }
    this.stats.logins++;
    const code = randomBytes(32).toString("base64url");
    const grant: Grant = { clientId: request.clientId, username: user.username, revoked: false };
    this.codes.set(code, { ...request, grant, expiresAt: this.now() + CODE_TTL_MS, used: false });
    this.stats.codes++;
    return code;
  }

  /** `POST /token`: the client from the form body (Loket never takes HTTP Basic), the grant from the form. */
  token(form: URLSearchParams, authorization: string | undefined): Record<string, unknown> | LoketOAuthError {
    const fault = this.nextTokenError;
    if (fault) {
      this.nextTokenError = null;
      return fault;
    }
    const client = this.clients.get(form.get("client_id") ?? "");
    if (authorization || !client || !same(client.clientSecret, form.get("client_secret") ?? ""))
      return { status: 401, error: "invalid_client", description: "client_id and client_secret in the form body" };
    const grantType = form.get("grant_type");
    if (grantType === "authorization_code") return this.redeemCode(client, form);
    if (grantType === "refresh_token") return this.refresh(client, form.get("refresh_token") ?? "");
    return { status: 400, error: "unsupported_grant_type", description: `grant_type ${grantType ?? "(none)"}` };
  }

  private redeemCode(client: LoketSimClient, form: URLSearchParams): Record<string, unknown> | LoketOAuthError {
    const code = this.codes.get(form.get("code") ?? "");
    if (!code || code.clientId !== client.clientId || code.expiresAt <= this.now() || code.used)
      return invalidGrant("unknown, expired or used authorization code");
    code.used = true;
    if ((form.get("redirect_uri") ?? "") !== code.redirectUri)
      return invalidGrant("redirect_uri differs from the authorize request");
    return this.issue(code.grant, true);
  }

  private refresh(client: LoketSimClient, token: string): Record<string, unknown> | LoketOAuthError {
    const issued = this.refreshTokens.get(token);
    if (!issued || issued.grant.clientId !== client.clientId || issued.grant.revoked || issued.used) {
      this.stats.refusedRefreshes++;
      return invalidGrant(
        issued?.used ? "refresh token already used (tokens rotate)" : "refresh token revoked or unknown",
      );
    }
    this.stats.refreshes++;
    if (this.rotateRefreshTokens) issued.used = true;
    return this.issue(issued.grant, this.rotateRefreshTokens);
  }

  private issue(grant: Grant, withRefreshToken: boolean): Record<string, unknown> {
    const accessToken = randomBytes(32).toString("base64url");
    this.accessTokens.set(accessToken, { grant, expiresAt: this.now() + this.accessTokenTtlSeconds * 1000 });
    this.stats.accessTokens++;
    const answer: Record<string, unknown> = {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: this.accessTokenTtlSeconds,
    };
    if (withRefreshToken) {
      const refreshToken = randomBytes(32).toString("base64url");
      this.refreshTokens.set(refreshToken, { grant, used: false });
      answer.refresh_token = refreshToken;
    }
    return answer;
  }
}

function invalidGrant(description: string): LoketOAuthError {
  return { status: 400, error: "invalid_grant", description };
}

function same(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function isLoketOAuthError(value: unknown): value is LoketOAuthError {
  return typeof value === "object" && value !== null && "error" in value && "status" in value;
}
