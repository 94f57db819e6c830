import { describe, expect, it } from "vitest";
import { formFromBody } from "../../../../../src/console/connectors/connector-form.js";
import { parseConnectorForm } from "../../../../../src/console/connectors/connector-parse.js";
import { storedParts, storedSecretFlags } from "../../../../../src/console/connectors/stored-parts.js";
import type { ConnectorRecord } from "../../../../../src/connectors/registry.js";

const SECRET = "yf-secret-9b1c7e";

/** The connector form as the browser posts it for a Youforce connector. */
function posted(fields: Record<string, string | string[]>) {
  return formFromBody({
    id: "rivierstad",
    kind: "youforce",
    schedule: "15 */2 * * *",
    "youforce.client_id": "hr-gateway",
    "youforce.tenant_id": "tenant-1",
    ...fields,
  });
}

describe("the connector form for Visma Youforce", () => {
  it("validates with config.toml's rules, fills the defaults and keeps the client secret apart, sealed", () => {
    const parsed = parseConnectorForm(posted({ "youforce.client_secret": SECRET, companies: ["RS01"] }), {});
    if (!("config" in parsed)) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.config.youforce).toEqual({
      apiUrl: "https://api.youforce.com",
      tokenUrl: "https://connect.visma.com/connect/token",
      clientId: "hr-gateway",
      clientSecret: SECRET,
      tenantId: "tenant-1",
      companies: ["RS01"],
      timeoutSeconds: 60,
    });
    const { stored, secrets } = storedParts(parsed.config);
    expect(secrets).toEqual({ youforceClientSecret: SECRET });
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(storedSecretFlags(secrets)["youforce.client_secret"]).toBe(true);
  });

  it.each([
    ["no client id", { "youforce.client_id": "", "youforce.client_secret": SECRET }, "youforce.client_id"],
    ["no tenant id", { "youforce.tenant_id": "", "youforce.client_secret": SECRET }, "youforce.tenant_id"],
    ["no client secret", {}, "youforce.client_secret"],
    [
      "a timeout of 0",
      { "youforce.client_secret": SECRET, "youforce.timeout_seconds": "0" },
      "youforce.timeout_seconds",
    ],
  ])("%s is named next to its field", (_case, fields, field) => {
    const parsed = parseConnectorForm(posted(fields), {});
    expect("errors" in parsed && Object.keys(parsed.errors)).toEqual([field]);
  });

  it("keeps the stored secret on edit, but asks for it again when the token URL changes", () => {
    const first = parseConnectorForm(posted({ "youforce.client_secret": SECRET }), {});
    if (!("config" in first)) throw new Error("the first form should validate");
    const { stored } = storedParts(first.config);
    const record: ConnectorRecord = { ...stored, origin: "console", attention: null, currentGen: 0 };
    const kept = parseConnectorForm(posted({}), { youforceClientSecret: SECRET }, record);
    expect("config" in kept && kept.config.youforce?.clientSecret).toBe(SECRET);
    const moved = parseConnectorForm(
      posted({ "youforce.token_url": "http://127.0.0.1:9/connect/token" }),
      { youforceClientSecret: SECRET },
      record,
    );
    expect("errors" in moved && moved.errors["youforce.client_secret"]).toMatch(/enter it again/);
  });
});
