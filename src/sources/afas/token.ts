/**
 * The AFAS token as the Authorization header needs it: the whole `<token><version>1</version><data>…</data></token>`
 * (how the App Connector shows it, once), or only its hex data part, which is wrapped. Anything else is refused at
 * load, so a pasted half or a token from another product fails start-up, not the first run. Never echoes the value.
 */
const WHOLE = /^<token>\s*<version>\d+<\/version>\s*<data>[0-9a-f]+<\/data>\s*<\/token>$/i;
const DATA_ONLY = /^[0-9a-f]{32,}$/i;

export const TOKEN_PROBLEM =
  "must be the whole token <token><version>1</version><data>…</data></token> from the App Connector, or only its data part (hex)";

/** The token XML to send, or null when the value is neither form. */
export function afasTokenXml(value: string): string | null {
  const trimmed = value.trim();
  if (WHOLE.test(trimmed)) return trimmed;
  if (DATA_ONLY.test(trimmed)) return `<token><version>1</version><data>${trimmed}</data></token>`;
  return null;
}
