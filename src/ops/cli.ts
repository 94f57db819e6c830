import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { systemClock } from "../clock.js";
import { ConfigError, loadConfig } from "../config/load.js";
import { openDatabase, StorageError } from "../db/open.js";
import { loadOrCreateKey, parseKey } from "../secrets/key-file.js";
import { SecretBoxError } from "../secrets/secret-box.js";
import { backupDatabase } from "./backup.js";
import { exportPerson } from "./export-person.js";
import { OpsError } from "./ops-error.js";
import { rotateKey } from "./rotate-key.js";
import { unlockAdmin } from "./unlock-admin.js";
import { runCommandLine } from "../command-line.js";

const USAGE = `usage:
  npm run backup -- <file> [--with-key]       online backup of the database (the gateway may keep running)
  npm run rotate-key -- [--new-key-file <f>]  re-seal stored secrets with a new encryption key (stop the gateway first)
  npm run export-person -- <connector> <scim id | employee number>
                                              everything held about one person, as JSON on stdout
  npm run unlock-admin -- <username> [--address <ip>]
                                              let an admin sign in again now (the gateway may keep running)
options:
  --config <path>   config file (default: $HRGW_CONFIG, else ./config.toml)
  --with-key        also write the encryption key beside the backup as <file>.key (keep the two apart!)
  --new-key-file    the new key (base64 or 64 hex characters); required when config.toml names the key
  --address         also clear that address, when the whole address is refused`;

/** Exit codes: 0 done, 1 failed, 64 wrong usage. */
const EXIT = { ok: 0, failed: 1, usage: 64 } as const;

/** The maintenance commands: parse, then call src/ops. `npm run backup` runs `ops/cli.ts backup`, and so on. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let parsed: {
    values: { config?: string; "with-key"?: boolean; "new-key-file"?: string; address?: string };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        config: { type: "string" },
        "with-key": { type: "boolean" },
        "new-key-file": { type: "string" },
        address: { type: "string" },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  const actor = `${userInfo().username} (cli)`;

  if (command === "backup") {
    if (positionals.length !== 1) return usage("give the backup file");
    const config = loadConfig({ path: values.config });
    const db = openDatabase(config.storage.path);
    try {
      const key = values["with-key"] ? loadOrCreateKey(config.storage.path, config.storage.encryptionKey) : null;
      const result = await backupDatabase(db, { target: resolve(positionals[0]!), key, actor, clock: systemClock });
      console.log(`backup written: ${result.file} (${result.bytes.toLocaleString("en-US")} bytes)`);
      console.log(
        result.keyFile
          ? `encryption key written: ${result.keyFile} (store it apart from the backup)`
          : "the encryption key is not in the backup: back up encryption.key separately",
      );
      return EXIT.ok;
    } finally {
      db.close();
    }
  }

  if (command === "rotate-key") {
    if (positionals.length !== 0) return usage("rotate-key takes no arguments besides its options");
    const file = values["new-key-file"];
    const newKey = file === undefined ? null : parseKey(readFileSync(file, "utf8"));
    if (file !== undefined && !newKey)
      return usage(`${file} does not hold a 32-byte key (base64 or 64 hex characters)`);
    const rotation = rotateKey({ config: loadConfig({ path: values.config }), newKey, actor, clock: systemClock });
    console.log(`${rotation.resealed} stored secrets re-sealed with the new key`);
    console.log(
      rotation.keyFile
        ? `new key: ${rotation.keyFile}; back it up now`
        : "now point storage.encryption_key at the new key, then start the gateway",
    );
    return EXIT.ok;
  }

  if (command === "export-person") {
    if (positionals.length !== 2) return usage("give the connector and a SCIM id or employee number");
    const config = loadConfig({ path: values.config });
    const db = openDatabase(config.storage.path);
    try {
      const [connectorId, ref] = positionals as [string, string];
      console.log(JSON.stringify(exportPerson(db.sqlite, { connectorId, ref, actor, clock: systemClock }), null, 2));
      return EXIT.ok;
    } finally {
      db.close();
    }
  }

  if (command === "unlock-admin") {
    if (positionals.length !== 1) return usage("give the admin's user name");
    const config = loadConfig({ path: values.config });
    const db = openDatabase(config.storage.path);
    try {
      const unlocked = unlockAdmin(db.sqlite, {
        username: positionals[0]!,
        ...(values.address ? { address: values.address } : {}),
        actor,
        clock: systemClock,
      });
      console.log(
        `${unlocked.username} may sign in again: ${unlocked.accountFailures} failed sign-ins of the account forgotten`,
      );
      if (values.address) console.log(`${unlocked.addressFailures} failed sign-ins from ${values.address} forgotten`);
      return EXIT.ok;
    } finally {
      db.close();
    }
  }

  return usage(`unknown command "${command ?? ""}"`);
}

function usage(problem: string): number {
  console.error(`${problem}\n${USAGE}`);
  return EXIT.usage;
}

runCommandLine(main, [OpsError, ConfigError, StorageError, SecretBoxError], EXIT.failed);
