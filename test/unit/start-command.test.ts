import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { imageNodeFlags } from "../../bench/support/gateway-command.js";

describe("how the gateway is started", () => {
  it("npm start uses the node flags of the image's command, which the benchmarks read", () => {
    const scripts = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(imageNodeFlags()).toEqual(["--max-semi-space-size=4"]);
    expect(scripts.start).toBe(`node ${imageNodeFlags().join(" ")} --import tsx src/main.ts`);
  });
});
