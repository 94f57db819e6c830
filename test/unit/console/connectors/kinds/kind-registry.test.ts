import { describe, expect, it } from "vitest";
import { connectorFormOf, formFromBody } from "../../../../../src/console/connectors/connector-form.js";
import { parseConnectorForm } from "../../../../../src/console/connectors/connector-parse.js";
import { KIND_FORMS, kindFormOf, kindForms } from "../../../../../src/console/connectors/kinds/index.js";
import { settingOf } from "../../../../../src/console/connectors/kinds/kind-form.js";
import { newConnectorForm } from "../../../../../src/console/connectors/new-connector.js";
import { changedSecretsNote, storedParts } from "../../../../../src/console/connectors/stored-parts.js";
import { parseConfig } from "../../../../../src/config/load.js";
import { CONNECTOR_KINDS } from "../../../../../src/config/schema.js";

const AFAS_TOKEN = `<token><version>1</version><data>${"cd34".repeat(16)}</data></token>`;

/**
 * A complete `[connectors.<section>]` per kind, every field of the form set to something other than its default.
 * A kind added to the registry needs one here: the round trip below is what proves its declaration.
 */
const SAMPLES: Record<string, Record<string, unknown>> = {
  "nmbrs-soap": {
    endpoint: "https://nmbrs.test/soap/v3",
    username: "api@acme.nl",
    token: "soap-token-1",
    domain: "acme",
    companies: ["1"],
  },
  "nmbrs-rest": {
    api_url: "https://api.nmbrs.test",
    identity_url: "https://identity.nmbrs.test",
    client_id: "client-1",
    client_secret: "client-secret-1",
    subscription_key: "subscription-key-1",
    companies: ["1"],
  },
  "afas-profit": {
    base_url: "https://12345.rest.afas.online/ProfitRestServices",
    token: AFAS_TOKEN,
    integration_id: "12345_678900",
    employers: ["01"],
    page_size: 500,
    timeout_seconds: 30,
  },
  loket: {
    environment: "acceptance",
    client_id: "4f1c9a2e-7b3d-4e8a-9c61-2d5f8e0a1b37",
    client_secret: "loket-secret-1",
    employers: ["1001"],
    page_size: 100,
    timeout_seconds: 30,
  },
  youforce: {
    api_url: "https://api.youforce.test",
    token_url: "https://connect.youforce.test/connect/token",
    client_id: "client-1",
    client_secret: "youforce-secret-1",
    tenant_id: "tenant-1",
    companies: ["GEM"],
    timeout_seconds: 30,
  },
};

function parsedConnector(kind: string) {
  const section = KIND_FORMS[kind as keyof typeof KIND_FORMS].section;
  const raw = { id: "acme", kind, [section]: SAMPLES[kind] };
  return parseConfig({ connectors: [raw] }, "test", {}, process.cwd()).connectors[0]!;
}

describe("the connector form's kind registry", () => {
  it("has a form for every kind config.toml accepts, under its own kind", () => {
    expect(Object.keys(KIND_FORMS).sort()).toEqual([...CONNECTOR_KINDS].sort());
    for (const [kind, form] of Object.entries(KIND_FORMS)) expect(form.kind).toBe(kind);
    expect(kindFormOf("afas-profit").kind).toBe("afas-profit");
    // Posted text that is no kind, or an Object property, falls back to the first kind as the select starts.
    expect(kindFormOf("constructor").kind).toBe("nmbrs-soap");
    expect(formFromBody({ kind: "toString" }).kind).toBe("nmbrs-soap");
  });

  it.each(kindForms.map((form) => [form.kind, form] as const))(
    "%s: the form shows a stored connector and saves it back unchanged, secrets kept",
    (kind, form) => {
      const config = parsedConnector(kind);
      const { stored, secrets } = storedParts(config);
      // Every declared field is a key config.toml knows: settingOf names a property the load set.
      const section = config[form.key] as unknown as Record<string, unknown>;
      for (const field of form.fields) expect(section, field.name).toHaveProperty(settingOf(field));
      const secretValues = form.fields.flatMap((field) => (field.secret ? [section[settingOf(field)]] : []));
      expect(Object.values(secrets).sort()).toEqual(secretValues.sort());
      expect(JSON.stringify(stored)).not.toContain(String(secretValues[0]));

      const shown = connectorFormOf(stored);
      for (const field of form.fields.filter((field) => field.secret)) expect(shown.sources[kind][field.name]).toBe("");
      const record = { ...stored, origin: "console" as const, attention: null, currentGen: 0 };
      const saved = parseConnectorForm(shown, secrets, record);
      if (!("config" in saved)) throw new Error(JSON.stringify(saved.errors));
      expect(saved.config[form.key]).toEqual(config[form.key]);
      expect(changedSecretsNote(shown)).toBeNull();
    },
  );

  it("starts a new connector with config.toml's defaults for every kind's fields, and no credentials", () => {
    const form = newConnectorForm();
    expect(form.kind).toBe("nmbrs-soap");
    expect(form.sources["nmbrs-soap"]).toEqual({
      username: "",
      token: "",
      domain: "",
      endpoint: "https://api.nmbrs.nl/soap/v3",
    });
    expect(form.sources["nmbrs-rest"]).toMatchObject({
      client_id: "",
      api_url: "https://api.nmbrsapp.com",
      identity_url: "https://identityservice.nmbrs.com",
    });
    expect(form.sources["afas-profit"]).toMatchObject({ base_url: "", page_size: "1000", timeout_seconds: "60" });
    expect(form.companies).toEqual([]);
  });

  it("names the companies field for every kind's own companies key, and the secrets an edit replaced", () => {
    const parsed = parseConnectorForm(
      formFromBody({ id: "zorg", kind: "afas-profit", "afas.base_url": SAMPLES["afas-profit"]!.base_url as string }),
      {},
    );
    expect("errors" in parsed && parsed.errors).toEqual({ "afas.token": expect.any(String) });
    const edit = formFromBody({ kind: "nmbrs-rest", "nmbrs_rest.client_secret": "new", "afas.token": "new" });
    expect(changedSecretsNote(edit)).toBe("replaced: client secret, afas token");
  });
});
