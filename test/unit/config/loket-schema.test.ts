import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../../src/config/load.js";

/** `[connectors.loket]` as the Loket spec §3 pins it: each rule, and the line an admin reads when it is broken. */
const loket = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  connectors: [
    { id: "klaassen", kind: "loket", loket: { client_id: "app", client_secret: "s3cret", ...settings }, ...extra },
  ],
});

function parsed(raw: unknown, env: NodeJS.ProcessEnv = {}) {
  try {
    return { config: parseConfig(raw, "config.toml", env), problems: [] };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { config: null, problems: error.problems.map((problem) => `${problem.key}: ${problem.message}`) };
  }
}

describe("[connectors.loket]", () => {
  it.each([
    ["production", "https://api.loket.nl/v2", "https://oauth.loket.nl"],
    ["acceptance", "https://api.loket-acc.nl/v2", "https://oauth.loket-acc.nl"],
  ])("environment %s sets both URLs", (environment, apiUrl, oauthUrl) => {
    expect(parsed(loket({ environment })).config?.connectors[0]?.loket).toMatchObject({ apiUrl, oauthUrl });
  });

  it("takes the defaults, explicit URLs without their trailing slash, and the secret from the environment", () => {
    const { config } = parsed(
      loket({
        client_secret: undefined,
        client_secret_env: "LOKET_CLIENT_SECRET",
        api_url: "http://127.0.0.1:4100/v2/",
        oauth_url: "http://127.0.0.1:4100/",
        employers: [4711, "c0ffee00-0000-4000-8000-000000000001"],
      }),
      { LOKET_CLIENT_SECRET: "from-env" },
    );
    expect(config?.connectors[0]?.loket).toEqual({
      environment: "production",
      apiUrl: "http://127.0.0.1:4100/v2",
      oauthUrl: "http://127.0.0.1:4100",
      clientId: "app",
      clientSecret: "from-env",
      employers: ["4711", "c0ffee00-0000-4000-8000-000000000001"],
      pageSize: 250,
      timeoutSeconds: 60,
    });
  });

  it.each([
    [
      { api_url: "http://127.0.0.1:4100/v2" },
      "connectors[0].loket.oauth_url: give both api_url and oauth_url, or neither",
    ],
    [
      { api_url: "https://api.loket.nl/v3", oauth_url: "https://oauth.loket.nl" },
      "connectors[0].loket.api_url: must end in /v2",
    ],
    [{ environment: "test" }, 'connectors[0].loket.environment: must be "production" or "acceptance"'],
    [{ client_id: "" }, "connectors[0].loket.client_id: required"],
    [{ page_size: 1001 }, "connectors[0].loket.page_size: must be at most 1000"],
    [{ timeout_seconds: 0 }, "connectors[0].loket.timeout_seconds: must be at least 1"],
  ])("refuses %j", (settings, problem) => {
    expect(parsed(loket(settings)).problems.join("\n")).toContain(problem);
  });

  it("refuses managers = true and a loket connector without its section", () => {
    expect(parsed(loket({}, { managers: true })).problems).toContain(
      "connectors[0].managers: Loket has no manager field: managers must stay false for kind loket (docs/loket.md)",
    );
    expect(parsed({ connectors: [{ id: "klaassen", kind: "loket" }] }).problems).toContain(
      "connectors[0].loket: required for kind loket",
    );
  });
});
