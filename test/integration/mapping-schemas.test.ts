import { afterEach, describe, expect, it } from "vitest";
import { profileAttributesOf } from "../../src/console/okta/profile-attributes.js";
import { HR_GATEWAY_USER } from "../../src/directory/schema-urns.js";
import { customAttributesOf } from "../../src/mapping/connector-mapping.js";
import { connectorSettings } from "../support/hr-data.js";
import { startScimServer, type ScimTestServer } from "../support/scim-server.js";
import { useTempDir } from "../support/temp-dir.js";

/** A connector's custom attributes ([connectors.mapping], docs/mapping.md) are described where Okta and the admin look. */
const tempDir = useTempDir();
let server: ScimTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const settings = connectorSettings({
  managers: true,
  mapping: { title: "person.function.name", loginHint: "person.workEmail", costCode: "person.department.code" },
});

describe("custom attributes of a connector's mapping", () => {
  it("are in the hrgateway extension of /Schemas over HTTP, as strings, after the built-in ones", async () => {
    server = await startScimServer({
      dir: tempDir(),
      customAttributes: (id) => (id === "acme" ? customAttributesOf(settings.mapping) : []),
    });
    const response = await fetch(`${server.base()}/Schemas/${HR_GATEWAY_USER}`, {
      headers: { authorization: server.bearer },
    });
    expect(response.status).toBe(200);
    const schema = (await response.json()) as { attributes: { name: string; type: string }[] };
    const names = schema.attributes.map((attribute) => attribute.name);
    expect(names.slice(-2)).toEqual(["costCode", "loginHint"]);
    expect(names).toContain("managerEmail");
    expect(names).not.toContain("title");
    expect(schema.attributes.at(-1)?.type).toBe("string");
  });

  it("are listed on the Okta setup page's attribute list with the hrgateway namespace", () => {
    const { served } = profileAttributesOf(settings);
    expect(served.filter((attribute) => ["costCode", "loginHint"].includes(attribute.variableName))).toEqual([
      expect.objectContaining({ externalName: "costCode", externalNamespace: HR_GATEWAY_USER, type: "string" }),
      expect.objectContaining({ externalName: "loginHint", externalNamespace: HR_GATEWAY_USER, type: "string" }),
    ]);
    expect(served.map((attribute) => attribute.variableName)).toContain("managerEmail");
  });
});
