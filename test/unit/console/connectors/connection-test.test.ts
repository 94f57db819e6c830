import { describe, expect, it } from "vitest";
import { testConnection } from "../../../../src/console/connectors/connection-test.js";
import { MESSAGES } from "../../../../src/console/i18n/messages.js";
import { silentLogger } from "../../../../src/logging/logger.js";
import { SourceError, type HrCompany, type HrSource } from "../../../../src/sources/types.js";
import { connectorConfig } from "../../../support/hr-data.js";

const ACME: HrCompany = { id: "c1", number: "4000", name: "Bakker & Zonen B.V." };
const t = MESSAGES.en.connectorPages.connectionTest;

function source(extra: Partial<HrSource> = {}): HrSource & { listed: number } {
  const counted = {
    listed: 0,
    stats: { calls: 0, bytesReceived: 0 },
    async listCompanies() {
      counted.listed++;
      return [ACME];
    },
    fetchCompany: async () => [],
    ...extra,
  };
  return counted;
}

describe("the console's connection test", () => {
  it("lists the companies of a source without a test of its own", async () => {
    const plain = source();
    expect(await testConnection(plain, connectorConfig(), silentLogger(), t)).toEqual({ companies: [ACME] });
    expect(plain.listed).toBe(1);
  });

  it("uses the source's own test when it has one (Loket: an employer the user cannot see is the problem shown)", async () => {
    const refusing = source({
      testConnection: async () => {
        throw new SourceError("The Loket user who connected the gateway cannot see employer 9999", {
          needsAttention: true,
        });
      },
    });
    expect(await testConnection(refusing, connectorConfig(), silentLogger(), t)).toEqual({
      problem: "The Loket user who connected the gateway cannot see employer 9999",
    });
    expect(refusing.listed).toBe(0);
  });
});
