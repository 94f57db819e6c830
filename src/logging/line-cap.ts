/**
 * The longest log line written, in bytes. Every line goes to stdout (the container log) and to the log store, and
 * some carry text from outside (a query, a user agent, an HR system's fault text): without a cap, one request could
 * make one line as large as it likes. 8 KiB keeps a full stack trace and every line the gateway writes in practice.
 */
export const MAX_LINE_BYTES = 8 * 1024;
/** A line over the cap has each longer string cut to this many characters, with a marker saying how much went. */
export const MAX_STRING_CHARS = 1024;

/**
 * pino's streamWrite hook: a line within the cap is returned as it is; a longer one has its long strings truncated,
 * and one that is still too long (many fields) is replaced by its level, time and message and a note of its size.
 */
export function capLogLine(line: string): string {
  if (Buffer.byteLength(line) <= MAX_LINE_BYTES) return line;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(line) as Record<string, unknown>;
  } catch {
    // pino writes JSON; should something else come through, it is still cut rather than written whole.
    return `${truncated(line.trimEnd(), MAX_LINE_BYTES / 4)}\n`;
  }
  const shortened = `${JSON.stringify(shortenStrings(parsed))}\n`;
  if (Buffer.byteLength(shortened) <= MAX_LINE_BYTES) return shortened;
  const { level, time, service, pid, hostname, connector, msg } = parsed;
  const kept = {
    level,
    time,
    service,
    pid,
    hostname,
    connector,
    msg: typeof msg === "string" ? truncated(msg, MAX_STRING_CHARS) : msg,
  };
  return `${JSON.stringify({ ...kept, truncated: `a line of ${Buffer.byteLength(line)} bytes; only its message is kept` })}\n`;
}

function shortenStrings(value: unknown): unknown {
  if (typeof value === "string") return truncated(value, MAX_STRING_CHARS);
  if (Array.isArray(value)) return value.map(shortenStrings);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shortenStrings(inner)]));
  }
  return value;
}

function truncated(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…[truncated ${text.length - max} characters]`;
}
