import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../../", import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Settings of Node, V8 or glibc's allocator that only src/runtime/tuning.ts may name. */
const TUNING =
  /--max-semi-space-size|--v8-pool-size|--heap-growing-percent|--no-memory-reducer|MALLOC_[A-Z_]+|setFlagsFromString/;

describe("how HR Gateway's processes are started", () => {
  it("the image, npm start and npm run sync go through the one launcher", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe("node --import tsx src/runtime/launch.ts");
    expect(scripts.sync).toBe("node --import tsx src/runtime/launch.ts cli sync");
    expect(/^CMD (\[.*\])\s*$/m.exec(read("Dockerfile"))?.[1]).toBe('["node", "dist/runtime/launch.js"]');
  });

  it("names node flags and allocator settings in src/runtime/tuning.ts only: not in the Dockerfile, scripts or code", () => {
    const sources = [...filesUnder("src"), ...filesUnder("bench"), "Dockerfile", "package.json", "compose.yaml"];
    const naming = sources.filter((path) => TUNING.test(read(path)));
    expect(naming.map((path) => relative(ROOT, join(ROOT, path)))).toEqual(["src/runtime/tuning.ts"]);
  });
});
