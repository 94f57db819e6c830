import { ConfigError } from "./config/load.js";
import { StorageError } from "./db/open.js";
import { OpsError } from "./ops/ops-error.js";
import { SecretBoxError } from "./secrets/secret-box.js";
import { SyncError } from "./sync/sync-error.js";
import { type Command, EXIT, usageError } from "./cli/command.js";
import { backupCommand, exportPersonCommand, rotateKeyCommand, unlockAdminCommand } from "./cli/ops-commands.js";
import { syncCommand } from "./cli/sync-command.js";

/**
 * The one command line: `node dist/cli.js <command> [options]`, or `npm run <command> -- [options]` (package.json's
 * aliases). Start-up only: each command parses its own arguments and calls the modules the server calls.
 */
const COMMANDS: Readonly<Record<string, Command>> = {
  sync: syncCommand,
  backup: backupCommand,
  "rotate-key": rotateKeyCommand,
  "export-person": exportPersonCommand,
  "unlock-admin": unlockAdminCommand,
};

/** Errors written for the operator: printed as one line, without a stack trace. */
const OPERATOR_ERRORS = [SyncError, OpsError, ConfigError, StorageError, SecretBoxError];

const HELP = `usage: node dist/cli.js <command> [options]   (or: npm run <command> -- [options])
commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(15)}${command.summary}`)
  .join("\n")}
\`<command> --help\` shows a command's options.`;

async function main([name, ...args]: string[]): Promise<number> {
  if (name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return EXIT.ok;
  }
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return usageError(name === undefined ? "give a command" : `unknown command "${name}"`, HELP);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(command.usage);
    return EXIT.ok;
  }
  return command.run(args);
}

// exitCode, not exit(): output still in the pipe is written before the process ends.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = OPERATOR_ERRORS.some((type) => error instanceof type);
    console.error(known ? `error: ${(error as Error).message}` : error);
    process.exitCode = EXIT.failed;
  },
);
