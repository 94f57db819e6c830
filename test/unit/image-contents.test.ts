import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");

/** The stages of the Dockerfile, each with the sources of its COPY lines. */
function copiesByStage(): string[][] {
  return dockerfile
    .split(/^FROM .*$/m)
    .slice(1)
    .map((stage) =>
      [...stage.matchAll(/^COPY (?:--from=(\S+) )?(.+) \S+$/gm)].map((copy) => `${copy[1] ?? ""}:${copy[2]}`),
    );
}

describe("what the production build and the image hold", () => {
  it("the build compiles src/ only: no test kit, tests or benchmarks reach dist/", () => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const listed = execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--listFilesOnly"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const ours = listed
      .split("\n")
      .filter(Boolean)
      .map((file) => relative(ROOT, file))
      .filter((file) => !file.startsWith(`node_modules${sep}`));
    expect(ours.length).toBeGreaterThan(100);
    expect(ours.filter((file) => !file.startsWith(`src${sep}`))).toEqual([]);
  }, 120_000); // tsc reads the whole program: seconds, more on a busy machine

  it("the image copies the build's dist/ and production dependencies, migrations and static files, nothing else", () => {
    const [build, run] = copiesByStage();
    expect(build).toEqual([":package.json package-lock.json", ":tsconfig.json tsconfig.build.json", ":src"]);
    expect(run).toEqual(["build:/app/node_modules", "build:/app/dist", ":package.json", ":migrations", ":static"]);
    expect(dockerfile).toContain("npm prune --omit=dev");
  });

  it("the build context leaves out the test kit, tests and benchmarks", () => {
    const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["testkit", "test", "bench", "node_modules", "dist"]));
  });
});
