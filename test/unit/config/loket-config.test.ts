import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../../src/config/load.js";

const loket = (section: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  connectors: [
    {
      id: "klaassen",
      kind: "loket",
      loket: { client_id: "0b6e…guid", client_secret_env: "LOKET_CLIENT_SECRET", ...section },
      ...extra,
    },
  ],
});
const ENV = { LOKET_CLIENT_SECRET: "s3cret" };

function problemsOf(raw: unknown, env: NodeJS.ProcessEnv = ENV): string[] {
  try {
    parseConfig(raw, "config.toml", env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.key}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe("[connectors.loket] (the Loket spec §3)", () => {
  it("defaults: production hosts, page size 250, timeout 60 s, every employer", () => {
    const config = parseConfig(loket(), "config.toml", ENV);
    expect(config.connectors[0]?.loket).toEqual({
      environment: "production",
      apiUrl: "https://api.loket.nl/v2",
      oauthUrl: "https://oauth.loket.nl",
      clientId: "0b6e…guid",
      clientSecret: "s3cret",
      employers: [],
      pageSize: 250,
      timeoutSeconds: 60,
    });
  });

  it("acceptance sets the acceptance hosts; explicit URLs of a fake replace them, trailing / dropped", () => {
    expect(parseConfig(loket({ environment: "acceptance" }), "c", ENV).connectors[0]?.loket).toMatchObject({
      apiUrl: "https://api.loket-acc.nl/v2",
      oauthUrl: "https://oauth.loket-acc.nl",
    });
    const fake = loket({
      api_url: "http://127.0.0.1:9/v2/",
      oauth_url: "http://127.0.0.1:9/",
      employers: [4000, "x-id"],
    });
    expect(parseConfig(fake, "c", ENV).connectors[0]?.loket).toMatchObject({
      apiUrl: "http://127.0.0.1:9/v2",
      oauthUrl: "http://127.0.0.1:9",
      employers: ["4000", "x-id"],
    });
  });

  it.each([
    [loket({}, { managers: true }), "connectors[0].managers: Loket has no manager field"],
    [{ connectors: [{ id: "klaassen", kind: "loket" }] }, "connectors[0].loket: required for kind loket"],
    [
      loket({ api_url: "http://127.0.0.1:9/v2" }),
      "connectors[0].loket.oauth_url: give both api_url and oauth_url, or neither",
    ],
    [
      loket({ api_url: "https://api.loket.nl/v1", oauth_url: "https://oauth.loket.nl" }),
      "connectors[0].loket.api_url: must end in /v2",
    ],
    [loket({ environment: "test" }), 'connectors[0].loket.environment: must be "production" or "acceptance"'],
    [loket({ client_id: " " }), "connectors[0].loket.client_id: required"],
    [loket({ client_secret: "x" }), "connectors[0].loket.client_secret: give only one of"],
    [loket({ client_secret_env: undefined }), "connectors[0].loket.client_secret: required"],
    [loket({ page_size: 1001 }), "connectors[0].loket.page_size: must be at most 1000"],
    [loket({ page_size: 0 }), "connectors[0].loket.page_size: must be at least 1"],
    [loket({ timeout_seconds: 601 }), "connectors[0].loket.timeout_seconds: must be at most 600"],
    [loket({ employers: [true] }), "connectors[0].loket.employers[0]: must be employer numbers or ids"],
    [loket({ token: "x" }), "connectors[0].loket.token: unknown key"],
  ])("%j is refused next to its key", (raw, problem) => {
    expect(problemsOf(raw).join("\n")).toContain(problem);
  });
});
