import pino, { type DestinationStream, type Logger } from "pino";
import { knownSecrets } from "../secrets/known-secrets.js";
import { capLogLine } from "./line-cap.js";

export type { Logger };

/**
 * Every field name that can carry a secret, wherever it sits in a log object. pino removes them before a line is
 * written, so a secret that slips into a log call still never reaches disk or the console's log page.
 */
export const REDACTED_PATHS = [
  "password",
  "token",
  "secret",
  "authorization",
  "cookie",
  "accessToken",
  "refreshToken",
  "clientSecret",
  "subscriptionKey",
  "encryptionKey",
  "*.password",
  "*.token",
  "*.secret",
  "*.authorization",
  "*.cookie",
  "*.accessToken",
  "*.refreshToken",
  "*.clientSecret",
  "*.subscriptionKey",
  "*.encryptionKey",
  "req.headers.authorization",
  "req.headers.cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["x-subscription-key"]',
];

/**
 * Field names that carry a secret at any depth, compared without case, "-" and "_" (so `client_secret`,
 * `clientSecret` and `Client-Secret` are one name). The fixed paths above cover what pino can address by path;
 * this catches the same names nested deeper, e.g. `{ connector: { nmbrs: { token } } }`, and in child bindings.
 */
const SECRET_NAMES = new Set([
  "password",
  "secrets",
  "passwd",
  "token",
  "secret",
  "authorization",
  "proxyauthorization",
  "cookie",
  "setcookie",
  "apikey",
  "privatekey",
  "encryptionkey",
  "subscriptionkey",
  "xsubscriptionkey",
  "ocpapimsubscriptionkey",
  "clientsecret",
  "csrf",
  "sessionid",
]);
// Any name ending in one of these: accessToken, bearerToken, nmbrsToken, csrfToken, scimPassword, secretHash…
const SECRET_SUFFIXES = ["password", "secret", "token", "apikey", "hash"];
const MAX_DEPTH = 8;

export function isSecretFieldName(name: string): boolean {
  const folded = name.toLowerCase().replace(/[-_]/g, "");
  return SECRET_NAMES.has(folded) || SECRET_SUFFIXES.some((suffix) => folded.endsWith(suffix));
}

/**
 * A copy of `value` with every secret-named field replaced by "[redacted]"; objects without one are returned as they
 * are (no copy). Errors are left to pino's error serializer: their fields are set by our own code, never a secret.
 */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  if (value instanceof Error || value instanceof Date || Buffer.isBuffer(value) || ArrayBuffer.isView(value))
    return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => redactSecrets(item, depth + 1));
    return (items.some((item, index) => item !== value[index]) ? items : value) as T;
  }
  let copy: Record<string, unknown> | null = null;
  for (const [key, inner] of Object.entries(value)) {
    const replaced =
      isSecretFieldName(key) && inner !== undefined && inner !== null ? "[redacted]" : redactSecrets(inner, depth + 1);
    if (replaced !== inner) {
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = replaced;
    }
  }
  return (copy ?? value) as T;
}

export interface LoggerOptions {
  /** Level written to stdout. */
  level?: string;
  /**
   * Extra destination (the console's log page) with its own level: the console keeps debug lines so an admin can
   * look at them after the fact ("select Debug and apply the filter") while stdout stays at `level`.
   */
  also?: { stream: DestinationStream; level: string };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const stdoutLevel = options.level ?? "info";
  const streams: pino.StreamEntry[] = [
    { stream: pino.destination({ fd: 1, sync: false }), level: stdoutLevel as pino.Level },
  ];
  if (options.also) streams.push({ stream: options.also.stream, level: options.also.level as pino.Level });
  const levels = streams.map((entry) => pino.levels.values[entry.level as string] ?? 30);
  const logger = pino(
    {
      level: pino.levels.labels[Math.min(...levels)] ?? stdoutLevel,
      base: { service: "hr-gateway" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }), log: (object) => redactSecrets(object) },
      hooks: { streamWrite: finishedLine },
    },
    pino.multistream(streams),
  );
  // pino's formatters.bindings reaches the root's own bindings only; child bindings ({ connector }, a source's
  // settings…) are redacted here. Children inherit this method, so grandchildren are covered too.
  const child = logger.child;
  logger.child = function (this: Logger, bindings, options) {
    return child.call(this, redactSecrets(bindings), options);
  } as Logger["child"];
  return logger;
}

/**
 * The finished line, cleaned of every known secret value (secrets/known-secrets.ts) and then capped in size. Field
 * names cannot catch a token inside a message, an error's message or stack, or a URL: redacting the serialised line
 * covers them all at once. Redaction comes first so that the cap can never cut a secret in half and leave a prefix of
 * it that no longer matches.
 */
export function finishedLine(line: string): string {
  return capLogLine(knownSecrets.redact(line));
}

/** A logger that writes nowhere, for unit tests of code that logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
