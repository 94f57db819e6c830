import { describe, expect, it } from "vitest";
import { formFromBody } from "../../../../../src/console/connectors/connector-form.js";
import { parseConnectorForm } from "../../../../../src/console/connectors/connector-parse.js";
import { storedParts, storedSecretFlags } from "../../../../../src/console/connectors/stored-parts.js";
import type { ConnectorRecord } from "../../../../../src/connectors/registry.js";

const TOKEN = `<token><version>1</version><data>${"ab12".repeat(16)}</data></token>`;
const BASE_URL = "https://12345.rest.afas.online/ProfitRestServices";

/** The connector form as the browser posts it for an AFAS Profit connector. */
function posted(fields: Record<string, string | string[]>) {
  return formFromBody({ id: "zorggroep", kind: "afas-profit", "afas.base_url": BASE_URL, ...fields });
}

describe("the connector form for AFAS Profit", () => {
  it("validates with config.toml's rules and keeps the token apart, sealed", () => {
    const parsed = parseConnectorForm(posted({ "afas.token": TOKEN, companies: ["01", "03"] }), {});
    if (!("config" in parsed)) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.config.afas).toMatchObject({
      baseUrl: BASE_URL,
      token: TOKEN,
      employers: ["01", "03"],
      pageSize: 1000,
    });
    const { stored, secrets } = storedParts(parsed.config);
    expect(secrets).toEqual({ afasToken: TOKEN });
    expect(JSON.stringify(stored)).not.toContain("ab12ab12");
    expect(storedSecretFlags(secrets)["afas.token"]).toBe(true);
  });

  it.each([
    ["no base URL", { "afas.base_url": "" }, "afas.base_url"],
    ["no token", {}, "afas.token"],
    ["a token of another form", { "afas.token": "not-a-token" }, "afas.token"],
    ["page size 1", { "afas.token": TOKEN, "afas.page_size": "1" }, "afas.page_size"],
  ])("%s is named next to its field", (_case, fields, field) => {
    const parsed = parseConnectorForm(posted(fields), {});
    expect("errors" in parsed && Object.keys(parsed.errors)).toEqual([field]);
  });

  it("keeps the stored token on edit, but asks for it again when the base URL changes", () => {
    const first = parseConnectorForm(posted({ "afas.token": TOKEN }), {});
    if (!("config" in first)) throw new Error("the first form should validate");
    const { stored } = storedParts(first.config);
    const record: ConnectorRecord = { ...stored, origin: "console", attention: null, currentGen: 0 };
    const kept = parseConnectorForm(posted({}), { afasToken: TOKEN }, record);
    expect("config" in kept && kept.config.afas?.token).toBe(TOKEN);
    const moved = parseConnectorForm(
      posted({ "afas.base_url": "https://99999.rest.afas.online/ProfitRestServices" }),
      { afasToken: TOKEN },
      record,
    );
    expect("errors" in moved && moved.errors["afas.token"]).toMatch(/enter it again/);
  });
});
