import { describe, expect, it } from "vitest";
import { formFromBody } from "../../../../../src/console/connectors/connector-form.js";
import { parseConnectorForm } from "../../../../../src/console/connectors/connector-parse.js";
import { storedParts, storedSecretFlags } from "../../../../../src/console/connectors/stored-parts.js";
import type { ConnectorRecord } from "../../../../../src/connectors/registry.js";

const SECRET = "l0ket-client-s3cret";

/** The connector form as the browser posts it for a Loket connector. */
function posted(fields: Record<string, string | string[]>) {
  return formFromBody({ id: "klaassen", kind: "loket", "loket.client_id": "0b6e-guid", ...fields });
}

describe("the connector form for Loket.nl", () => {
  it("validates with config.toml's rules, takes the environment's hosts and keeps the client secret apart, sealed", () => {
    const parsed = parseConnectorForm(
      posted({ "loket.environment": "acceptance", "loket.client_secret": SECRET, companies: ["4000", "4007"] }),
      {},
    );
    if (!("config" in parsed)) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.config.loket).toEqual({
      environment: "acceptance",
      apiUrl: "https://api.loket-acc.nl/v2",
      oauthUrl: "https://oauth.loket-acc.nl",
      clientId: "0b6e-guid",
      clientSecret: SECRET,
      employers: ["4000", "4007"],
      pageSize: 250,
      timeoutSeconds: 60,
    });
    const { stored, secrets } = storedParts(parsed.config);
    expect(secrets).toEqual({ loketClientSecret: SECRET });
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(storedSecretFlags(secrets)["loket.client_secret"]).toBe(true);
  });

  it.each([
    ["no client id", { "loket.client_id": "", "loket.client_secret": SECRET }, "loket.client_id"],
    ["no client secret", {}, "loket.client_secret"],
    ["an unknown environment", { "loket.client_secret": SECRET, "loket.environment": "test" }, "loket.environment"],
    ["page size 1001", { "loket.client_secret": SECRET, "loket.page_size": "1001" }, "loket.page_size"],
  ])("%s is named next to its field", (_case, fields, field) => {
    const parsed = parseConnectorForm(posted(fields), {});
    expect("errors" in parsed && Object.keys(parsed.errors)).toEqual([field]);
  });

  it("refuses managers for Loket", () => {
    const parsed = parseConnectorForm(posted({ "loket.client_secret": SECRET, managers: "on" }), {});
    expect("errors" in parsed && JSON.stringify(parsed.errors)).toContain("Loket has no manager field");
  });

  it("keeps the stored secret on edit, but asks for it again when the environment changes", () => {
    const first = parseConnectorForm(posted({ "loket.client_secret": SECRET }), {});
    if (!("config" in first)) throw new Error("the first form should validate");
    const { stored } = storedParts(first.config);
    const record: ConnectorRecord = { ...stored, origin: "console", attention: null, currentGen: 0 };
    const kept = parseConnectorForm(posted({}), { loketClientSecret: SECRET }, record);
    expect("config" in kept && kept.config.loket?.clientSecret).toBe(SECRET);
    const moved = parseConnectorForm(
      posted({ "loket.environment": "acceptance" }),
      { loketClientSecret: SECRET },
      record,
    );
    expect("errors" in moved && moved.errors["loket.client_secret"]).toMatch(/enter it again/);
  });
});
