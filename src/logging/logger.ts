import pino, { type DestinationStream, type Logger } from "pino";

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
  "headers[\"x-subscription-key\"]",
];

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
  const streams: pino.StreamEntry[] = [{ stream: pino.destination({ fd: 1, sync: false }), level: stdoutLevel as pino.Level }];
  if (options.also) streams.push({ stream: options.also.stream, level: options.also.level as pino.Level });
  const levels = streams.map((entry) => pino.levels.values[entry.level as string] ?? 30);
  return pino(
    {
      level: pino.levels.labels[Math.min(...levels)] ?? stdoutLevel,
      base: { service: "hr-gateway" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.multistream(streams),
  );
}

/** A logger that writes nowhere, for unit tests of code that logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
