import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach } from "vitest";

/** A fresh temporary directory, removed after the current test. */
export function useTempDir(prefix = "hrgw-"): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/**
 * A temporary directory for a whole test file, removed after its last test: for a gateway started once in beforeAll.
 * The gateway's sync processes open the database by its path, so the file must outlive every test that syncs.
 */
export function useFileTempDir(prefix = "hrgw-"): () => string {
  let dir: string | null = null;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => (dir ??= mkdtempSync(join(tmpdir(), prefix)));
}
