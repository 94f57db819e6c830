import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const SYNC_CHILD = fileURLToPath(new URL("../../src/sync/process/sync-child.ts", import.meta.url));
// Two folders below the repository, as src/db/ is: the bundle finds migrations/ where open.ts's own path would.
const BUNDLES = fileURLToPath(new URL("../../.cache/sync-child/", import.meta.url));

let built: string | undefined;

/**
 * src/sync/process/sync-child.ts with every module of src/ it imports, as one ES module (packages stay in
 * node_modules, as in production), for tests that run many jobs in sync processes (SyncThreadDeps.childModule). Run
 * from source, each process would first load tsx and have it load some 130 TypeScript
 * modules: several times the CPU of a bundle's start, per run. Built once per test process; the file is named by its
 * contents, so test processes running side by side share it and never read one half written.
 */
export function syncChildBundle(): string {
  if (built) return built;
  const [output] = buildSync({
    entryPoints: [SYNC_CHILD],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "error",
  }).outputFiles;
  const contents = output!.contents;
  const path = `${BUNDLES}sync-child-${createHash("sha256").update(contents).digest("hex").slice(0, 16)}.mjs`;
  if (!existsSync(path)) {
    mkdirSync(BUNDLES, { recursive: true });
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, contents);
    renameSync(partial, path);
  }
  built = path;
  return path;
}
