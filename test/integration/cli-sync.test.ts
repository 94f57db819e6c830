import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnTs } from "../support/child-process.js";
import { listAudit } from "../../src/audit/audit-store.js";
import { openDatabase } from "../../src/db/open.js";
import { listExclusions } from "../../src/sync/exclusions/exclusion-store.js";
import { servedDatabase, servedGatewayToml } from "../support/served-database.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();

/** `npm run sync -- …` in `cwd`, as an admin types it there, run to its end. */
async function sync(cwd: string, args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const child = spawnTs("src/cli.ts", ["sync", ...args], { cwd, env: { HRGW_CONFIG: undefined } });
  const { code } = await child.exited;
  return { code, output: child.stdout() + child.stderr() };
}

/** A config.toml in `dir` declaring connector "acme" (its source a closed port) with its database in `dir/data`. */
function acmeConfig(dir: string): string {
  const path = join(dir, "config.toml");
  writeFileSync(path, `[storage]\npath = "${join(dir, "data", "gateway.db")}"\n${servedGatewayToml()}`);
  return path;
}

describe("npm run sync: a command that fails leaves nothing behind", () => {
  it("a connector no config declares and no database holds fails with the reason, creating no database or key", async () => {
    const dir = tempDir();
    const result = await sync(dir, ["--connector", "nope"]);
    expect(result.output).toContain('error: there is no connector "nope": no config file was found');
    expect(result.output).toContain(`no database at ${join(dir, "data", "hr-gateway.db")}`);
    expect(result.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a connector the given config file does not declare fails, naming the file, and creates nothing", async () => {
    const dir = tempDir();
    const config = acmeConfig(dir);
    const result = await sync(dir, ["--config", config, "--connector", "acme-typo"]);
    expect(result.output).toContain(`error: there is no connector "acme-typo": ${config} does not declare it`);
    expect(result.code).toBe(1);
    expect(readdirSync(dir)).toEqual(["config.toml"]);
  });

  it("a config path that does not exist fails with one line and creates nothing", async () => {
    const dir = tempDir();
    const result = await sync(dir, ["--config", "missing.toml", "--connector", "demo"]);
    expect(result.output).toContain(`error: ${join(dir, "missing.toml")}:\n  (file): not found`);
    expect(result.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("approving a run when there is no database fails and creates nothing", async () => {
    const dir = tempDir();
    const result = await sync(dir, ["--approve", "3"]);
    expect(result.output).toContain(
      `error: there is no run 3: there is no database at ${join(dir, "data", "hr-gateway.db")}`,
    );
    expect(result.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("npm run sync --approve-holds / --reject-holds", () => {
  it("'all' with nothing held says so and succeeds: there is nothing to decide", async () => {
    const dir = tempDir();
    const config = acmeConfig(dir);
    const approve = await sync(dir, ["--config", config, "--approve-holds", "all", "--connector", "acme"]);
    expect(approve.output).toContain("nothing to approve: no open hold of acme matches");
    expect(approve.code).toBe(0);
    const reject = await sync(dir, [
      "--config",
      config,
      "--reject-holds",
      "all",
      "--kind",
      "brake",
      "--connector",
      "acme",
    ]);
    expect(reject.output).toContain("nothing to reject: no open hold of acme matches");
    expect(reject.code).toBe(0);
  });

  it("ids that are not open holds are a mistake: it fails and decides nothing", async () => {
    const dir = tempDir();
    const config = acmeConfig(dir);
    const result = await sync(dir, ["--config", config, "--approve-holds", "12,13", "--connector", "acme"]);
    expect(result.output).toContain("error: no open hold of acme matches; nothing to approve");
    expect(result.code).toBe(1);
  });
});

describe("npm run sync --exclude / --include", () => {
  it("excludes a person with a reason and includes them again, each recorded in the audit log", async () => {
    const dir = tempDir();
    const [person] = await servedDatabase(join(dir, "data"), 2);
    const config = acmeConfig(dir);
    const database = join(dir, "data", "gateway.db");
    const args = ["--config", config, "--connector", "acme", "--by", "beheerder"];

    const excluded = await sync(dir, [...args, "--exclude", person!.id, "--reason", "Langdurig verlof"]);
    expect(excluded.output).toMatch(/is excluded: served exactly as Okta sees them now until --include/);
    expect(excluded.code).toBe(0);
    const db = openDatabase(database);
    try {
      expect(listExclusions(db.sqlite, "acme")).toMatchObject([
        { scimId: person!.id, reason: "Langdurig verlof", excludedBy: "beheerder" },
      ]);
    } finally {
      db.close();
    }

    const included = await sync(dir, [...args, "--include", person!.id]);
    expect(included.output).toMatch(/is included again; HR's changes apply at the next sync/);
    expect(included.code).toBe(0);
    const after = openDatabase(database);
    try {
      expect(listExclusions(after.sqlite, "acme")).toEqual([]);
      const trail = listAudit(after.sqlite, { connectorId: "acme", limit: 10 });
      expect(trail.map(({ action, actor, detail }) => ({ action, actor, detail }))).toEqual([
        { action: "person_include", actor: "beheerder", detail: "a0, J. (Jan) (1, Acme BV)" },
        {
          action: "person_exclude",
          actor: "beheerder",
          detail: "a0, J. (Jan) (1, Acme BV): Langdurig verlof",
        },
      ]);
    } finally {
      after.close();
    }
  });

  it("refuses an exclusion without a reason, and a person the connector does not know", async () => {
    const dir = tempDir();
    const config = acmeConfig(dir);
    const noReason = await sync(dir, ["--config", config, "--connector", "acme", "--exclude", "1001"]);
    expect(noReason.output).toContain('--exclude needs --reason "<why>"');
    expect(noReason.code).toBe(64);
    await servedDatabase(join(dir, "data"), 2);
    const unknown = await sync(dir, [
      "--config",
      config,
      "--connector",
      "acme",
      "--exclude",
      "nobody",
      "--reason",
      "x",
    ]);
    expect(unknown.output).toContain('connector acme has no person with SCIM id or employee number "nobody"');
    expect(unknown.code).toBe(1);
  });
});
