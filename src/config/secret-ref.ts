import { readFileSync } from "node:fs";
import * as v from "valibot";
import { knownSecrets } from "../secrets/known-secrets.js";

/**
 * A secret in config.toml can be written three ways, so that it never has to sit in the file itself:
 *   token = "…"                 inline (fine for a demo, discouraged in production)
 *   token_env = "NMBRS_TOKEN"   the name of an environment variable
 *   token_file = "/run/secrets/nmbrs_token"   a file, e.g. a Docker secret (trailing newline ignored)
 */
export interface SecretRef {
  readonly inline?: string;
  readonly env?: string;
  readonly file?: string;
}

/** The three optional keys of one secret, for spreading into a valibot object schema. */
export function secretKeys<Name extends string>(name: Name) {
  return {
    [name]: v.optional(v.pipe(v.string(), v.nonEmpty("must not be empty"))),
    [`${name}_env`]: v.optional(
      v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name")),
    ),
    [`${name}_file`]: v.optional(v.pipe(v.string(), v.nonEmpty("must not be empty"))),
  } as unknown as Record<Name | `${Name}_env` | `${Name}_file`, v.OptionalSchema<v.GenericSchema<string>, undefined>>;
}

/** Picks the secret named `name` out of a validated raw object; at most one of its three forms may be present. */
export function secretRefOf(raw: Record<string, unknown>, name: string): SecretRef | null | "ambiguous" {
  const inline = raw[name] as string | undefined;
  const env = raw[`${name}_env`] as string | undefined;
  const file = raw[`${name}_file`] as string | undefined;
  const given = [inline, env, file].filter((value) => value !== undefined).length;
  if (given === 0) return null;
  if (given > 1) return "ambiguous";
  return { inline, env, file };
}

/** Where a secret comes from, in the file's own words and never its value: "from env NMBRS_TOKEN". */
export function describeSecretRef(ref: SecretRef, name: string): string {
  if (ref.env !== undefined) return `from env ${ref.env}`;
  if (ref.file !== undefined) return `from ${name}_file ${ref.file}`;
  return "written in config.toml";
}

/**
 * Reads the secret's value and registers it with knownSecrets, so no text shows it. Throws an Error whose message
 * names the variable or file, never the value.
 */
export function resolveSecret(ref: SecretRef, environment: NodeJS.ProcessEnv): string {
  const value = readSecretValue(ref, environment);
  knownSecrets.register(value);
  return value;
}

function readSecretValue(ref: SecretRef, environment: NodeJS.ProcessEnv): string {
  if (ref.inline !== undefined) return ref.inline;
  if (ref.env !== undefined) {
    const value = environment[ref.env];
    if (value === undefined || value === "") throw new Error(`environment variable ${ref.env} is not set`);
    return value;
  }
  if (ref.file !== undefined) {
    let text: string;
    try {
      text = readFileSync(ref.file, "utf8");
    } catch (error) {
      throw new Error(`cannot read ${ref.file} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
    const value = text.replace(/\r?\n$/, "");
    if (value === "") throw new Error(`${ref.file} is empty`);
    return value;
  }
  throw new Error("no value given");
}
