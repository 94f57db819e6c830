import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { imageAllocatorEnv, imageNodeFlags } from "../../../bench/support/gateway-command.js";

describe("how the gateway is started", () => {
  it("npm start uses the allocator settings and node flags of the image, which the benchmarks read", () => {
    const scripts = (
      JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(imageNodeFlags()).toEqual(["--max-semi-space-size=4", "--v8-pool-size=1"]);
    expect(imageAllocatorEnv()).toEqual({ MALLOC_MMAP_THRESHOLD_: "131072" });
    const settings = Object.entries(imageAllocatorEnv()).map(([name, value]) => `${name}=${value}`);
    expect(scripts.start).toBe(`${settings.join(" ")} node ${imageNodeFlags().join(" ")} --import tsx src/main.ts`);
  });
});
