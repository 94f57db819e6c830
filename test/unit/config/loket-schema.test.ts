import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load.js";
import { problemsOf } from "../../support/config-problems.js";

/** `[connectors.loket]` as the Loket spec §3 pins it: each rule, and the line an admin reads when it is broken. */
const loket = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  connectors: [
    { id: "klaassen", kind: "loket", loket: { client_id: "app", client_secret: "s3cret", ...settings }, ...extra },
  ],
});

const loketOf = (raw: unknown, env: NodeJS.ProcessEnv = {}) =>
  parseConfig(raw, "config.toml", env).connectors[0]?.loket;

describe("[connectors.loket]", () => {
  it("defaults: production hosts, page size 250, timeout 60 s, every employer", () => {
    expect(loketOf(loket({}))).toEqual({
      environment: "production",
      apiUrl: "https://api.loket.nl/v2",
      oauthUrl: "https://oauth.loket.nl",
      clientId: "app",
      clientSecret: "s3cret",
      employers: [],
      pageSize: 250,
      timeoutSeconds: 60,
    });
  });

  it.each([
    ["production", "https://api.loket.nl/v2", "https://oauth.loket.nl"],
    ["acceptance", "https://api.loket-acc.nl/v2", "https://oauth.loket-acc.nl"],
  ])("environment %s sets both URLs", (environment, apiUrl, oauthUrl) => {
    expect(loketOf(loket({ environment }))).toMatchObject({ apiUrl, oauthUrl });
  });

  it("takes the defaults, explicit URLs without their trailing slash, and the secret from the environment", () => {
    const settings = loketOf(
      loket({
        client_secret: undefined,
        client_secret_env: "LOKET_CLIENT_SECRET",
        api_url: "http://127.0.0.1:4100/v2/",
        oauth_url: "http://127.0.0.1:4100/",
        employers: [4711, "c0ffee00-0000-4000-8000-000000000001"],
      }),
      { LOKET_CLIENT_SECRET: "from-env" },
    );
    expect(settings).toEqual({
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

  it("explicit URLs replace the acceptance hosts too, and employer numbers and ids are read as strings", () => {
    const fake = loket({
      environment: "acceptance",
      api_url: "http://127.0.0.1:9/v2/",
      oauth_url: "http://127.0.0.1:9/",
      employers: [4000, "x-id"],
    });
    expect(loketOf(fake)).toMatchObject({
      apiUrl: "http://127.0.0.1:9/v2",
      oauthUrl: "http://127.0.0.1:9",
      employers: ["4000", "x-id"],
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
    [
      { api_url: "https://api.loket.nl/v1", oauth_url: "https://oauth.loket.nl" },
      "connectors[0].loket.api_url: must end in /v2",
    ],
    [{ environment: "test" }, 'connectors[0].loket.environment: must be "production" or "acceptance"'],
    [{ client_id: "" }, "connectors[0].loket.client_id: required"],
    [{ client_id: " " }, "connectors[0].loket.client_id: required"],
    [{ client_secret_env: "LOKET_CLIENT_SECRET" }, "connectors[0].loket.client_secret: give only one of"],
    [{ client_secret: undefined }, "connectors[0].loket.client_secret: required"],
    [{ page_size: 1001 }, "connectors[0].loket.page_size: must be at most 1000"],
    [{ page_size: 0 }, "connectors[0].loket.page_size: must be at least 1"],
    [{ timeout_seconds: 0 }, "connectors[0].loket.timeout_seconds: must be at least 1"],
    [{ timeout_seconds: 601 }, "connectors[0].loket.timeout_seconds: must be at most 600"],
    [{ employers: [true] }, "connectors[0].loket.employers[0]: must be employer numbers or ids"],
    [{ token: "x" }, "connectors[0].loket.token: unknown key"],
  ])("refuses %j", (settings, problem) => {
    expect(problemsOf(loket(settings), { LOKET_CLIENT_SECRET: "s3cret" }).join("\n")).toContain(problem);
  });

  it("refuses managers = true and a loket connector without its section", () => {
    expect(problemsOf(loket({}, { managers: true }))).toContain(
      "connectors[0].managers: Loket has no manager field: managers must stay false for kind loket (docs/loket.md)",
    );
    expect(problemsOf({ connectors: [{ id: "klaassen", kind: "loket" }] })).toContain(
      "connectors[0].loket: required for kind loket",
    );
  });
});
