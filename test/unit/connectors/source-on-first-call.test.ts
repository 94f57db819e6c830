import pino from "pino";
import { describe, expect, it } from "vitest";
import { sourceOnFirstCall } from "../../../src/connectors/source-on-first-call.js";
import { SourceError } from "../../../src/sources/types.js";
import { connectorConfig } from "../../support/hr-data.js";

const logger = pino({ level: "silent" });

describe("sourceOnFirstCall", () => {
  it("counts nothing before it is first asked", () => {
    const source = sourceOnFirstCall(connectorConfig(), { logger });
    expect(source.stats).toEqual({ calls: 0, bytesReceived: 0 });
  });

  it("a connector without settings for its kind fails the call that needs the source, with the source's error", async () => {
    const source = sourceOnFirstCall(connectorConfig({ kind: "nmbrs-rest" }), { logger });
    await expect(source.listCompanies()).rejects.toThrow(SourceError);
    await expect(source.testConnection!()).rejects.toThrow(/has no source settings for its kind/);
  });
});
