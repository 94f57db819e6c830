import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../../support/child-process.js";

/** The folders the map of docs/architecture.md must name: each top-level folder of src/ and testkit/. */
function folders(root: string): string[] {
  return readdirSync(join(REPO, root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${root}/${entry.name}/`)
    .sort();
}

/** The first cell of each row of the "Folder map" table, e.g. "src/sync/". */
function mapRows(markdown: string): string[] {
  const section = markdown.split("## Folder map")[1]?.split("\n## ")[0] ?? "";
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
}

describe("docs/architecture.md's folder map", () => {
  const rows = mapRows(readFileSync(join(REPO, "docs/architecture.md"), "utf8"));

  it("names every folder of src/ and testkit/ exactly once (merges have left two rows for one folder before)", () => {
    const named = [...folders("src"), ...folders("testkit")].map((folder) => [
      folder,
      rows.filter((row) => row === folder).length,
    ]);
    expect(named.filter(([, count]) => count !== 1)).toEqual([]);
  });

  it("names no folder that is gone", () => {
    const present = new Set([...folders("src"), ...folders("testkit")]);
    const gone = rows.filter((row) => /^(src|testkit)\/.+\/$/.test(row) && !present.has(row));
    expect(rows.length).toBeGreaterThan(20);
    expect(gone).toEqual([]);
  });
});
