import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { resolve } from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { systemClock } from "../clock.js";
import { loadConfig } from "../config/load.js";
import { type Db, openDatabase } from "../db/open.js";
import { backupDatabase } from "../ops/backup.js";
import { exportPerson } from "../ops/export-person.js";
import { rotateKey } from "../ops/rotate-key.js";
import { unlockAdmin } from "../ops/unlock-admin.js";
import { loadOrCreateKey, parseKey } from "../secrets/key-file.js";
import { type Command, EXIT, usageError } from "./command.js";

const CONFIG_OPTION = "  --config <path>   config file (default: $HRGW_CONFIG, else ./config.toml)";

/** The maintenance commands (src/ops): each parses its arguments, then calls its module. */

export const backupCommand: Command = {
  summary: "online backup of the database (the gateway may keep running)",
  usage: `usage: npm run backup -- <file> [--with-key]
options:
${CONFIG_OPTION}
  --with-key        also write the encryption key beside the backup as <file>.key (keep the two apart!)`,
  async run(args) {
    const parsed = parse(args, this.usage, { "with-key": { type: "boolean" } });
    if (typeof parsed === "number") return parsed;
    const { values, positionals } = parsed;
    if (positionals.length !== 1) return usageError("give the backup file", this.usage);
    const config = loadConfig({ path: values.config });
    return withDatabase(config.storage.path, async (db) => {
      const key = values["with-key"] ? loadOrCreateKey(config.storage.path, config.storage.encryptionKey) : null;
      const result = await backupDatabase(db, {
        target: resolve(positionals[0]!),
        key,
        actor: actor(),
        clock: systemClock,
      });
      console.log(`backup written: ${result.file} (${result.bytes.toLocaleString("en-US")} bytes)`);
      console.log(
        result.keyFile
          ? `encryption key written: ${result.keyFile} (store it apart from the backup)`
          : "the encryption key is not in the backup: back up encryption.key separately",
      );
      return EXIT.ok;
    });
  },
};

export const rotateKeyCommand: Command = {
  summary: "re-seal stored secrets with a new encryption key (stop the gateway first)",
  usage: `usage: npm run rotate-key -- [--new-key-file <file>]
options:
${CONFIG_OPTION}
  --new-key-file    the new key (base64 or 64 hex characters); required when config.toml names the key`,
  async run(args) {
    const parsed = parse(args, this.usage, { "new-key-file": { type: "string" } });
    if (typeof parsed === "number") return parsed;
    const { values, positionals } = parsed;
    if (positionals.length !== 0) return usageError("rotate-key takes no arguments besides its options", this.usage);
    const file = values["new-key-file"];
    const newKey = typeof file === "string" ? parseKey(readFileSync(file, "utf8")) : null;
    if (typeof file === "string" && !newKey)
      return usageError(`${file} does not hold a 32-byte key (base64 or 64 hex characters)`, this.usage);
    const rotation = rotateKey({
      config: loadConfig({ path: values.config }),
      newKey,
      actor: actor(),
      clock: systemClock,
    });
    console.log(`${rotation.resealed} stored secrets re-sealed with the new key`);
    console.log(
      rotation.keyFile
        ? `new key: ${rotation.keyFile}; back it up now`
        : "now point storage.encryption_key at the new key, then start the gateway",
    );
    return EXIT.ok;
  },
};

export const exportPersonCommand: Command = {
  summary: "everything held about one person, as JSON on stdout",
  usage: `usage: npm run export-person -- <connector> <scim id | employee number>
options:
${CONFIG_OPTION}`,
  async run(args) {
    const parsed = parse(args, this.usage, {});
    if (typeof parsed === "number") return parsed;
    const { values, positionals } = parsed;
    if (positionals.length !== 2) return usageError("give the connector and a SCIM id or employee number", this.usage);
    const [connectorId, ref] = positionals as [string, string];
    return withDatabase(loadConfig({ path: values.config }).storage.path, async (db) => {
      const exported = exportPerson(db.sqlite, { connectorId, ref, actor: actor(), clock: systemClock });
      console.log(JSON.stringify(exported, null, 2));
      return EXIT.ok;
    });
  },
};

export const unlockAdminCommand: Command = {
  summary: "let an admin sign in again now (the gateway may keep running)",
  usage: `usage: npm run unlock-admin -- <username> [--address <ip>]
options:
${CONFIG_OPTION}
  --address         also clear that address, when the whole address is refused`,
  async run(args) {
    const parsed = parse(args, this.usage, { address: { type: "string" } });
    if (typeof parsed === "number") return parsed;
    const { values, positionals } = parsed;
    if (positionals.length !== 1) return usageError("give the admin's user name", this.usage);
    const address = typeof values.address === "string" ? values.address : undefined;
    return withDatabase(loadConfig({ path: values.config }).storage.path, async (db) => {
      const unlocked = unlockAdmin(db.sqlite, {
        username: positionals[0]!,
        ...(address ? { address } : {}),
        actor: actor(),
        clock: systemClock,
      });
      console.log(
        `${unlocked.username} may sign in again: ${unlocked.accountFailures} failed sign-ins of the account forgotten`,
      );
      if (address) console.log(`${unlocked.addressFailures} failed sign-ins from ${address} forgotten`);
      return EXIT.ok;
    });
  },
};

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The command's options plus --config, or the usage error's exit code. */
function parse(args: string[], usage: string, options: Options) {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...options, config: { type: "string" } },
    });
    return { values: values as Record<string, string | boolean | undefined> & { config?: string }, positionals };
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
}

/** Who the audit trail names for a command typed in a shell. */
function actor(): string {
  return `${userInfo().username} (cli)`;
}

async function withDatabase(path: string, job: (db: Db) => Promise<number>): Promise<number> {
  const db = openDatabase(path);
  try {
    return await job(db);
  } finally {
    db.close();
  }
}
