/**
 * The one error type of the maintenance commands (backup, rotate-key, export-person): a sentence the operator can
 * act on. The CLI prints it without a stack trace.
 */
export class OpsError extends Error {
  override readonly name = "OpsError";
}
