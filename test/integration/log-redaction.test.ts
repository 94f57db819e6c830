import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isSecretFieldName } from "../../src/logging/logger.js";
import { spawnTs } from "../support/child-process.js";
import { secretFieldNames, secretLogCases } from "../support/secret-log-cases.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-redaction-");

describe("log redaction", () => {
  it("knows every secret field name of the config schema, the sealed connector secrets and the credential headers", () => {
    const names = secretFieldNames();
    // Read from the schema: a secret key added to config.toml is covered (and tested) without touching the list.
    expect(names).toEqual(
      expect.arrayContaining([
        "token",
        "password",
        "bearer_token",
        "client_secret",
        "subscription_key",
        "encryption_key",
      ]),
    );
    expect(names.filter((name) => !isSecretFieldName(name))).toEqual([]);
  });

  it.each([["tokenFile"], ["token_env"], ["employeeNumber"], ["scimId"], ["connector"], ["status"]])(
    "leaves %s alone",
    (name) => {
      expect(isSecretFieldName(name)).toBe(false);
    },
  );

  it("keeps every secret field out of stdout and the log store, at any depth, in arrays and in child bindings", async () => {
    const path = join(tempDir(), "gw.db");
    const child = spawnTs("test/support/log-secrets-child.ts", [path]);
    expect((await child.exited).code, child.stderr()).toBe(0);
    const stdout = child.stdout();
    const db = new Database(path, { readonly: true });
    const stored = (
      db.prepare("SELECT msg || ' ' || coalesce(fields, '') FROM app_log").pluck().all() as string[]
    ).join("\n");
    db.close();

    const cases = secretLogCases();
    // Everything was logged (6 lines per name plus "done"), and each line still says where the secret was.
    expect(stdout.trim().split("\n")).toHaveLength(cases.length * 6 + 1);
    expect(stored.split("\n")).toHaveLength(cases.length * 6 + 1);
    expect(stdout).toContain('"[redacted]"');
    const leaked = cases
      .filter(({ value }) => stdout.includes(value) || stored.includes(value))
      .map(({ name }) => name);
    expect(leaked).toEqual([]);
  });
});
