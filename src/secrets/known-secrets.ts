/**
 * The secret values this thread knows, so that any text can be cleaned of them before it is logged, stored or
 * shown, whatever produced it: an HR system that echoes the request in its fault text, an exception that quotes a
 * URL, a future source's error. Field-name redaction (logging/logger.ts) cannot see a secret inside a message.
 *
 * Whoever obtains a secret registers it: the config loader (every `*`, `*_env`, `*_file` secret), the connector
 * registry (sealed secrets as they are sealed or opened, OAuth tokens included), the SCIM verifier (a credential as
 * Okta presented it, once it proved valid). One registry per thread or process: a sync process gets the gateway's values with
 * its job and registers what it opens itself.
 */
export const REDACTED = "[redacted]";

/**
 * Shorter values are not registered: they would match ordinary words and numbers, and are not secrets worth the
 * name (config validation and generated credentials are far longer).
 */
export const MIN_SECRET_LENGTH = 8;

export class KnownSecrets {
  private readonly values = new Set<string>();
  private pattern: RegExp | null = null;

  /** Remembers a secret, with the forms it takes inside URLs, JSON and XML text; `undefined`/`null` are ignored. */
  register(value: string | null | undefined): void {
    if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH || this.values.has(value)) return;
    for (const form of encodedForms(value)) this.values.add(form);
    this.pattern = null;
  }

  /**
   * Registers the strings of a plain object (a sealed-secrets record with its OAuth token set) held in fields whose
   * name means a secret, at any depth; the rest (an identity service URL, who gave consent) is not secret.
   */
  registerFields(value: unknown, isSecretName: (name: string) => boolean): void {
    if (!value || typeof value !== "object") return;
    for (const [name, inner] of Object.entries(value)) {
      if (typeof inner === "string" && isSecretName(name)) this.register(inner);
      else this.registerFields(inner, isSecretName);
    }
  }

  /** Every value registered, for handing to a sync process. */
  list(): string[] {
    return [...this.values];
  }

  /** `text` with every known secret replaced by "[redacted]". */
  redact(text: string): string {
    if (this.values.size === 0) return text;
    this.pattern ??= new RegExp(
      // Longest first, so a secret that contains another is replaced whole.
      [...this.values]
        .sort((a, b) => b.length - a.length)
        .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("|"),
      "g",
    );
    return text.replace(this.pattern, REDACTED);
  }

  /** `redact` for a value that may be absent. */
  redactMaybe<T extends string | null | undefined>(text: T): T {
    return (typeof text === "string" ? this.redact(text) : text) as T;
  }
}

/** The value as it appears raw, URL-encoded, inside a JSON string and XML-escaped (not base64: docs/security.md). */
function encodedForms(value: string): string[] {
  const forms = [
    value,
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1),
    value
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;"),
    value
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;"),
  ];
  return [...new Set(forms)];
}

/** This thread's registry. */
export const knownSecrets = new KnownSecrets();
