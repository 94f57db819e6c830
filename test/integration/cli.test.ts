import { describe, expect, it } from "vitest";
import { spawnTs } from "../support/child-process.js";

const COMMANDS = ["sync", "backup", "rotate-key", "export-person", "unlock-admin"];

async function cli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnTs("src/cli.ts", args);
  const { code } = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

describe("the one command line (src/cli.ts, node dist/cli.js)", () => {
  it("--help lists every command with what it does, and exits 0", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
  });

  it("an unknown or missing command is wrong usage (64), with the list of commands on stderr", async () => {
    const unknown = await cli(["restore"]);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('unknown command "restore"');
    for (const command of COMMANDS) expect(unknown.stderr).toContain(`  ${command} `);
    expect((await cli([])).code).toBe(64);
  });

  it("<command> --help shows that command's own usage and options", async () => {
    const { code, stdout } = await cli(["unlock-admin", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("usage: npm run unlock-admin -- <username> [--address <ip>]");
    expect(stdout).toContain("--config <path>");
  });

  it("an option another command takes is refused, not ignored", async () => {
    const { code, stderr } = await cli(["export-person", "acme", "42", "--with-key"]);
    expect(code).toBe(64);
    expect(stderr).toContain("--with-key");
    expect(stderr).toContain("usage: npm run export-person");
  });

  it.each(["--dry-run-api-switch", "--dry-run-migration"])(
    "sync %s (the API switch's dry run, under its name and its first one) needs a connector",
    async (flag) => {
      const { code, stderr } = await cli(["sync", "--approve", "1", flag]);
      expect(code).toBe(64);
      expect(stderr).toContain("--dry-run-api-switch goes with --connector");
    },
  );
});
