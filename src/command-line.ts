/** An error class whose messages are written for the operator (the boundary errors: ConfigError, StorageError…). */
type OperatorError = abstract new (...args: never[]) => Error;

/**
 * Runs a command-line entry point: its resolved number is the exit code; an operator-readable error is printed as
 * one line, anything else (a bug) with its stack trace, and exits with `failedCode`.
 */
export function runCommandLine(
  main: (argv: string[]) => Promise<number>,
  operatorErrors: readonly OperatorError[],
  failedCode: number,
): void {
  // exitCode, not exit(): output still in the pipe is written before the process ends.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const known = operatorErrors.some((type) => error instanceof type);
      console.error(known ? `error: ${(error as Error).message}` : error);
      process.exitCode = failedCode;
    },
  );
}
