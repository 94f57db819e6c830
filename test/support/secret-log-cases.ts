import { configSchema } from "../../src/config/schema.js";

/**
 * Every field name that carries a secret somewhere in the gateway, with a distinctive value each: the names of
 * config.toml's secrets (read from the schema, so a new secret key is covered without touching this file), the
 * connector secrets the registry seals, OAuth tokens, HTTP credential headers and the secret-bearing columns.
 */
export function secretFieldNames(): string[] {
  const fromConfig = new Set<string>();
  walk(configSchema as unknown as Schema, (key) => {
    if (key.endsWith("_env")) fromConfig.add(key.slice(0, -"_env".length));
  });
  const names = [
    ...fromConfig,
    "nmbrsToken",
    "clientSecret",
    "subscriptionKey",
    "accessToken",
    "refreshToken",
    "bearerToken",
    "encryptionKey",
    "secret",
    "secrets",
    "authorization",
    "Authorization",
    "cookie",
    "set-cookie",
    "x-subscription-key",
    "Ocp-Apim-Subscription-Key",
    "secret_hash",
    "password_hash",
    "csrf_token",
    "csrfToken",
    "sessionId",
    "apiKey",
  ];
  return [...new Set(names)];
}

export interface SecretLogCase {
  readonly name: string;
  readonly value: string;
}

export function secretLogCases(): SecretLogCase[] {
  return secretFieldNames().map((name, index) => ({
    name,
    value: `s3cr3t-${index}-${name.replace(/[^a-z]/gi, "")}-9f2c`,
  }));
}

type Schema = { entries?: Record<string, Schema>; wrapped?: Schema; item?: Schema; pipe?: Schema[] };

function walk(schema: Schema | undefined, visit: (key: string) => void): void {
  if (!schema) return;
  for (const [key, inner] of Object.entries(schema.entries ?? {})) {
    visit(key);
    walk(inner, visit);
  }
  walk(schema.wrapped, visit);
  walk(schema.item, visit);
  for (const step of schema.pipe ?? []) if (step !== schema) walk(step as Schema, visit);
}
