import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORE_ATTRIBUTES, PROFILE_ATTRIBUTES } from "../../src/console/okta/profile-attributes.js";
import { DEMO } from "../../testkit/demo/demo-credentials.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const firstScreen = readme.split("\n").slice(0, 40).join("\n");

describe("README", () => {
  it("starts with the two commands", () => {
    expect(firstScreen).toContain("npm ci && npm run demo");
    expect(firstScreen).toContain("npm ci && npm test");
  });

  it("shows the command line reaching the demo through the config file the demo writes", () => {
    expect(firstScreen).toContain(`npm run sync -- --config data/demo/config.toml --connector ${DEMO.connectorId}`);
    expect(firstScreen).toContain("npm run demo -- --scenario brake");
  });

  it("documents the demo credentials the demo really uses", () => {
    for (const value of [
      DEMO.scimUsername,
      DEMO.scimPassword,
      DEMO.adminUsername,
      DEMO.adminPassword,
      DEMO.nmbrs.username,
      DEMO.nmbrs.token,
    ]) {
      expect(firstScreen).toContain(value);
    }
  });

  it.each(PROFILE_ATTRIBUTES.map((attribute) => [attribute.variableName, attribute] as const))(
    "lists the Profile Editor attribute %s with its external name and namespace",
    (_name, attribute) => {
      expect(readme).toContain(
        `| ${attribute.variableName} | \`${attribute.externalName}\` | \`${attribute.externalNamespace}\` |`,
      );
    },
  );

  it.each(CORE_ATTRIBUTES.map((attribute) => [attribute.variableName, attribute] as const))(
    "explains where the core attribute %s comes from",
    (_name, attribute) => {
      expect(readme).toContain(`| ${attribute.variableName} | \`${attribute.externalName}\` |`);
    },
  );
});
