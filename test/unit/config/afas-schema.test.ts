import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load.js";
import { loadToml, problemsOf } from "../../support/config-problems.js";
import { useTempDir } from "../../support/temp-dir.js";

const tempDir = useTempDir();
const DATA = "a1b2c3d4".repeat(8);
const TOKEN = `<token><version>1</version><data>${DATA}</data></token>`;
const BASE_URL = "https://12345.rest.afas.online/ProfitRestServices";

const afasConnector = (afas: Record<string, unknown>) => ({
  connectors: [{ id: "zorggroep", kind: "afas-profit", afas: { base_url: BASE_URL, token: TOKEN, ...afas } }],
});

describe('config kind = "afas-profit"', () => {
  it("reads [connectors.afas] exactly as the spec pins it", () => {
    const config = loadToml(
      tempDir(),
      `[[connectors]]
id = "zorggroep"
kind = "afas-profit"
managers = true
[connectors.afas]
base_url = "https://12345.rest.afas.online/ProfitRestServices/"
token_env = "AFAS_TOKEN"
integration_id = "12345_678900"
employers = ["01", 2]
page_size = 500
timeout_seconds = 120
`,
      { AFAS_TOKEN: `  ${TOKEN}\n` },
    );
    const [connector] = config.connectors;
    expect(connector?.settings).toMatchObject({ kind: "afas-profit", managers: true });
    expect(connector?.afas).toEqual({
      baseUrl: BASE_URL,
      token: TOKEN,
      integrationId: "12345_678900",
      employers: ["01", "2"],
      pageSize: 500,
      timeoutSeconds: 120,
    });
    expect(connector?.secretOrigins).toMatchObject({ "afas.token": "from env AFAS_TOKEN" });
  });

  it("defaults page_size to 1000 and timeout_seconds to 60, and wraps a token given as its data part", () => {
    const [connector] = parseConfig(afasConnector({ token: DATA }), "config.toml", {}).connectors;
    expect(connector?.afas).toMatchObject({ token: TOKEN, pageSize: 1000, timeoutSeconds: 60, employers: [] });
  });

  it.each([
    [
      "no [connectors.afas]",
      { connectors: [{ id: "x", kind: "afas-profit" }] },
      "connectors[0].afas: required for kind afas-profit",
    ],
    [
      "a base URL not ending in /ProfitRestServices",
      afasConnector({ base_url: "https://12345.rest.afas.online/" }),
      'connectors[0].afas.base_url: must end in /ProfitRestServices, e.g. "https://12345.rest.afas.online/ProfitRestServices"',
    ],
    [
      "no token",
      afasConnector({ token: undefined }),
      "connectors[0].afas.token: required (as token, token_env or token_file)",
    ],
    [
      "two forms of the token",
      afasConnector({ token_env: "AFAS_TOKEN" }),
      "connectors[0].afas.token: give only one of token, token_env, token_file",
    ],
    [
      "a token of another form",
      afasConnector({ token: "secret-but-wrong" }),
      "connectors[0].afas.token: must be the whole token <token><version>1</version><data>…</data></token> from the App Connector, or only its data part (hex)",
    ],
    [
      "an integration id of another form",
      afasConnector({ integration_id: "abc" }),
      'connectors[0].afas.integration_id: must be "<subscription>_<project>", e.g. "12345_678900"',
    ],
    [
      "page_size 1 (pages overlap by one row)",
      afasConnector({ page_size: 1 }),
      "connectors[0].afas.page_size: must be at least 2",
    ],
    [
      "page_size above 10000",
      afasConnector({ page_size: 10_001 }),
      "connectors[0].afas.page_size: must be at most 10000",
    ],
    [
      "timeout_seconds above AFAS's own 900",
      afasConnector({ timeout_seconds: 901 }),
      "connectors[0].afas.timeout_seconds: must be at most 900",
    ],
    [
      "timeout_seconds 0",
      afasConnector({ timeout_seconds: 0 }),
      "connectors[0].afas.timeout_seconds: must be at least 1",
    ],
    ["an unknown key", afasConnector({ pagesize: 10 }), "connectors[0].afas.pagesize: unknown key"],
  ])("%s is one clear line", (_case, raw, problem) => {
    expect(problemsOf(raw)).toEqual([problem]);
  });

  it("never quotes the token in a problem", () => {
    expect(problemsOf(afasConnector({ token: "secret-but-wrong" })).join("\n")).not.toContain("secret-but-wrong");
  });
});
