/** Exit codes of every command: 0 done, 1 failed, 2 held for approval (sync only), 64 wrong usage (EX_USAGE). */
export const EXIT = { ok: 0, failed: 1, held: 2, usage: 64 } as const;

/** One subcommand of `cli.ts`: its line in `--help`, its own usage text, and what it does with its arguments. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  /** Resolves with the exit code; an operator error (ConfigError…) rejects and is printed as one line. */
  run(args: string[]): Promise<number>;
}

/** Wrong usage: the problem, then the command's usage, on stderr. */
export function usageError(problem: string, usage: string): number {
  console.error(`${problem}\n${usage}`);
  return EXIT.usage;
}
