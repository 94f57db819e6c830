import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load.js";
import { loadToml, problemsOf } from "../../support/config-problems.js";
import { useTempDir } from "../../support/temp-dir.js";

const tempDir = useTempDir();

const youforceConnector = (youforce: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) => ({
  connectors: [
    {
      id: "rivierstad",
      kind: "youforce",
      ...(youforce
        ? { youforce: { client_id: "app", client_secret: "s3cret", tenant_id: "tenant-1", ...youforce } }
        : {}),
      ...extra,
    },
  ],
});

describe('config kind = "youforce"', () => {
  it("reads [connectors.youforce] exactly as the spec pins it, with its defaults", () => {
    const config = loadToml(
      tempDir(),
      `[[connectors]]
id = "rivierstad"
kind = "youforce"
schedule = "15 */2 * * *"
managers = true
[connectors.youforce]
client_id = "hr-gateway"
client_secret_env = "YOUFORCE_CLIENT_SECRET"
tenant_id = "2f9c6d4e"
companies = ["RS01", 2]
`,
      { YOUFORCE_CLIENT_SECRET: "from-env" },
    );
    expect(config.connectors[0]?.youforce).toEqual({
      apiUrl: "https://api.youforce.com",
      tokenUrl: "https://connect.visma.com/connect/token",
      clientId: "hr-gateway",
      clientSecret: "from-env",
      tenantId: "2f9c6d4e",
      companies: ["RS01", "2"],
      timeoutSeconds: 60,
    });
    expect(config.connectors[0]?.secretOrigins).toMatchObject({
      "youforce.client_secret": "from env YOUFORCE_CLIENT_SECRET",
    });
  });

  it("drops the trailing slash of api_url and trims company codes", () => {
    const config = parseConfig(
      youforceConnector({ api_url: "http://127.0.0.1:9/", companies: [" RS01 "] }),
      "config.toml",
      {},
    );
    expect(config.connectors[0]?.youforce).toMatchObject({ apiUrl: "http://127.0.0.1:9", companies: ["RS01"] });
  });

  it.each([
    [youforceConnector(undefined), "connectors[0].youforce: required for kind youforce"],
    [youforceConnector({ client_id: " " }), "connectors[0].youforce.client_id: required"],
    [youforceConnector({ tenant_id: "" }), "connectors[0].youforce.tenant_id: required"],
    [
      youforceConnector({ client_secret: undefined }),
      "connectors[0].youforce.client_secret: required (as client_secret, client_secret_env or client_secret_file)",
    ],
    [
      youforceConnector({ client_secret_env: "YF" }),
      "connectors[0].youforce.client_secret: give only one of client_secret, client_secret_env, client_secret_file",
    ],
    [
      youforceConnector({ api_url: "ftp://127.0.0.1" }),
      "connectors[0].youforce.api_url: must start with http:// or https://",
    ],
    [youforceConnector({ token_url: "not a url" }), "connectors[0].youforce.token_url: must be a URL"],
    [youforceConnector({ timeout_seconds: 0 }), "connectors[0].youforce.timeout_seconds: must be at least 1"],
    [youforceConnector({ timeout_seconds: 601 }), "connectors[0].youforce.timeout_seconds: must be at most 600"],
    [youforceConnector({ companies: [true] }), "connectors[0].youforce.companies[0]: must be company codes"],
    [youforceConnector({ scope: "x" }), "connectors[0].youforce.scope: unknown key"],
  ])("%j → %s", (raw, expected) => {
    expect(problemsOf(raw)).toContain(expected);
  });
});
