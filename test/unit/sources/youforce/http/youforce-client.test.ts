import { describe, expect, it } from "vitest";
import { SourceError } from "../../../../../src/sources/types.js";
import { createYouforceClient, SPIKE_ARREST_MS } from "../../../../../src/sources/youforce/http/youforce-client.js";
import { youforceTokens } from "../../../../../src/sources/youforce/http/token.js";

/** Virtual monotonic time: a sleep moves it on at once, so the rules are checked without waiting. */
function virtualTimer() {
  const timer = {
    at: 0,
    sleeps: [] as number[],
    now: () => timer.at,
    sleep: async (ms: number) => {
      timer.sleeps.push(ms);
      timer.at += ms;
    },
  };
  return timer;
}

type Scripted = { status: number; body?: string; headers?: Record<string, string> };

/**
 * A Fetch API stand-in: token calls get a token, data calls the scripted answers in turn (then 200 `{"value":[]}`).
 * Each call is recorded with the virtual time it started at.
 */
function scriptedFetch(timer: ReturnType<typeof virtualTimer>, script: Scripted[] = []) {
  const calls: { url: string; at: number; authorization: string | null; body: string | null; headers: Headers }[] = [];
  let tokens = 0;
  const fake = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    calls.push({
      url,
      at: timer.now(),
      authorization: headers.get("authorization"),
      body: init?.body ? String(init.body) : null,
      headers,
    });
    if (url.endsWith("/connect/token")) {
      tokens++;
      return new Response(JSON.stringify({ access_token: `token-${tokens}`, expires_in: 3600, token_type: "Bearer" }), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    }
    const next = script.shift() ?? { status: 200, body: JSON.stringify({ value: [] }) };
    return new Response(next.body ?? "", { status: next.status, headers: next.headers ?? {} });
  };
  return { fetch: fake as typeof fetch, calls, tokenCalls: () => tokens };
}

let connectors = 0;

function clientWith(
  timer: ReturnType<typeof virtualTimer>,
  fetch: typeof globalThis.fetch,
  stats = { calls: 0, bytesReceived: 0 },
) {
  const send = { stats, timeoutMs: 5_000, fetch };
  return createYouforceClient({
    ...send,
    apiUrl: "http://127.0.0.1:1",
    timer,
    tokens: youforceTokens({
      ...send,
      // A connector of its own per client: tokens are shared per connector across the process.
      connectorId: `unit-${++connectors}`,
      tokenUrl: "http://127.0.0.1:1/connect/token",
      clientId: "app",
      clientSecret: "s3cret",
      tenantId: "tenant-1",
      timer,
    }),
  });
}

const dataCalls = <T extends { url: string }>(calls: T[]) =>
  calls.filter((call) => !call.url.endsWith("/connect/token"));

describe("the Youforce client's pacing and retries", () => {
  it("starts data calls at least 600 ms apart, one at a time, even when asked all at once", async () => {
    const timer = virtualTimer();
    const fake = scriptedFetch(timer);
    const client = clientWith(timer, fake.fetch);
    await Promise.all(
      Array.from({ length: 6 }, (_, page) => client.getJson(`iam/v1.0/persons?p=${page}`, `page ${page}`)),
    );
    const starts = dataCalls(fake.calls).map((call) => call.at);
    expect(starts).toHaveLength(6);
    for (let index = 1; index < starts.length; index++)
      expect((starts[index] as number) - (starts[index - 1] as number)).toBeGreaterThanOrEqual(SPIKE_ARREST_MS - 1e-6);
    expect(dataCalls(fake.calls).map((call) => call.url)).toEqual(
      Array.from({ length: 6 }, (_, page) => `http://127.0.0.1:1/iam/v1.0/persons?p=${page}`),
    );
  });

  it("sends the token request as Visma Connect wants it, and shares one token", async () => {
    const timer = virtualTimer();
    const fake = scriptedFetch(timer);
    const client = clientWith(timer, fake.fetch);
    await client.getJson("iam/v1.0/companies", "companies");
    await client.getJson("iam/v1.0/persons", "persons");
    const token = fake.calls.find((call) => call.url.endsWith("/connect/token"));
    const form = new URLSearchParams(token?.body ?? "");
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "client_credentials",
      client_id: "app",
      client_secret: "s3cret",
      tenant_id: "tenant-1",
    });
    expect(token?.headers.get("cache-control")).toBe("no-cache");
    expect(token?.headers.get("authorization")).toBeNull();
    expect(fake.tokenCalls()).toBe(1);
    expect(dataCalls(fake.calls).map((call) => call.authorization)).toEqual(["Bearer token-1", "Bearer token-1"]);
  });

  it("asks a new token once the old one is within 60 s of expiry", async () => {
    const timer = virtualTimer();
    const fake = scriptedFetch(timer);
    const client = clientWith(timer, fake.fetch);
    await client.getJson("iam/v1.0/companies", "companies");
    timer.at += 3600_000 - 61_000;
    await client.getJson("iam/v1.0/companies", "companies");
    expect(fake.tokenCalls()).toBe(1);
    timer.at += 2_000;
    await client.getJson("iam/v1.0/companies", "companies");
    expect(fake.tokenCalls()).toBe(2);
  });

  it("waits Retry-After on 429 (at most 60 s, 2 s when absent), at most 5 times", async () => {
    const timer = virtualTimer();
    const fake = scriptedFetch(timer, [
      { status: 429, headers: { "retry-after": "7" } },
      { status: 429 },
      { status: 429, headers: { "retry-after": "3600" } },
      { status: 200, body: '{"value":[]}' },
    ]);
    await clientWith(timer, fake.fetch).getJson("iam/v1.0/persons", "persons");
    expect(timer.sleeps).toEqual([7_000, 2_000, 60_000]);

    const storm = virtualTimer();
    const stormy = scriptedFetch(
      storm,
      Array.from({ length: 6 }, () => ({ status: 429 })),
    );
    const error = await clientWith(storm, stormy.fetch)
      .getJson("iam/v1.0/persons", "GET iam/v1.0/persons page 1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).details).toMatchObject({
      code: "429",
      transient: true,
      operation: "GET iam/v1.0/persons page 1",
    });
    expect(storm.sleeps).toEqual([2_000, 2_000, 2_000, 2_000, 2_000]);
  });

  it("retries a 5xx or a network error twice, after 2 s and 8 s", async () => {
    const timer = virtualTimer();
    const fake = scriptedFetch(timer, [{ status: 500 }, { status: 503 }, { status: 200, body: '{"value":[1]}' }]);
    expect(await clientWith(timer, fake.fetch).getJson("iam/v1.0/persons", "persons")).toEqual({ value: [1] });
    expect(timer.sleeps).toEqual([2_000, 8_000]);

    const failing = virtualTimer();
    const down = scriptedFetch(failing, [{ status: 500 }, { status: 500 }, { status: 502, body: "Bad gateway" }]);
    const error = (await clientWith(failing, down.fetch)
      .getJson("iam/v1.0/persons", "persons")
      .catch((e: unknown) => e)) as SourceError;
    expect(error.details).toMatchObject({ code: "502", transient: true });
    expect(error.message).toContain('"Bad gateway"');
  });

  it("a 401 gets one new token and one retry; a second 401 fails needing attention", async () => {
    const timer = virtualTimer();
    const fake = scriptedFetch(timer, [{ status: 401 }, { status: 200, body: '{"value":[]}' }]);
    await clientWith(timer, fake.fetch).getJson("iam/v1.0/persons", "persons");
    expect(dataCalls(fake.calls).map((call) => call.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);

    const again = virtualTimer();
    const refused = scriptedFetch(again, [{ status: 401 }, { status: 401 }]);
    const error = (await clientWith(again, refused.fetch)
      .getJson("iam/v1.0/persons", "persons")
      .catch((e: unknown) => e)) as SourceError;
    expect(error.details).toMatchObject({ code: "401", needsAttention: true });
    expect(refused.tokenCalls()).toBe(2);
  });

  it.each([
    [403, /Youforce-IAM:Get_Basic/],
    [404, /api_url/],
  ])("a %i fails at once, needing attention", async (status, message) => {
    const timer = virtualTimer();
    const fake = scriptedFetch(timer, [{ status }]);
    const error = (await clientWith(timer, fake.fetch)
      .getJson("iam/v1.0/persons", "persons")
      .catch((e: unknown) => e)) as SourceError;
    expect(error.details).toMatchObject({ code: String(status), needsAttention: true });
    expect(error.message).toMatch(message);
    expect(timer.sleeps).toEqual([]);
  });

  it("counts every call and byte, the token call too", async () => {
    const timer = virtualTimer();
    const stats = { calls: 0, bytesReceived: 0 };
    const fake = scriptedFetch(timer, [{ status: 200, body: '{"value":[]}' }]);
    await clientWith(timer, fake.fetch, stats).getJson("iam/v1.0/persons", "persons");
    expect(stats.calls).toBe(2);
    expect(stats.bytesReceived).toBeGreaterThan('{"value":[]}'.length);
  });
});
