import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseToml, TomlError } from "smol-toml";
import * as v from "valibot";
import {
  configSchema,
  isPort,
  LOG_LEVEL_MESSAGE,
  LOG_LEVELS,
  MB,
  PORT_RANGE,
  type RawConfig,
  type RawConnector,
} from "./schema.js";
import { describeSecretRef, resolveSecret, secretRefOf } from "./secret-ref.js";
import { youforceSettings } from "./youforce-schema.js";
import { BUILT_IN_MAPPING, mappingProblems } from "../mapping/connector-mapping.js";
import { loketConnector } from "./loket-settings.js";
import { afasTokenXml, TOKEN_PROBLEM } from "../sources/afas/token.js";
import { knownSecrets } from "../secrets/known-secrets.js";
import { loginFormatProblem } from "../mapping/login-format.js";
import type { AfasSettings, Config, ConnectorConfig, ConnectorSettings, SecretOrigins, SmtpConfig } from "./types.js";

/** The one error type of the config boundary: one line per problem, each naming its key. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly source: string,
    readonly problems: readonly { key: string; message: string }[],
  ) {
    super(`${source}:\n${problems.map((problem) => `  ${problem.key}: ${problem.message}`).join("\n")}`);
  }
}

export interface LoadOptions {
  /** Value of --config, if given. */
  readonly path?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  /** Directory that relative paths (./config.toml, storage.path) are resolved against; the process's by default. */
  readonly cwd?: string;
}

/**
 * Finds, reads and validates the configuration: `--config`, else `HRGW_CONFIG`, else `./config.toml`.
 * Without any file the gateway still starts on defaults (no connectors; the console's first-run page), so a bare
 * container answers /healthz. A path that was asked for explicitly must exist.
 */
export function loadConfig(options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const explicit = options.path ?? env.HRGW_CONFIG;
  const cwd = options.cwd ?? process.cwd();
  const path = resolve(cwd, explicit ?? "config.toml");
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError(path, [{ key: "(file)", message: "not found" }]);
    return parseConfig({}, null, env, cwd);
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(path, [{ key: "(file)", message: `cannot read (${(error as NodeJS.ErrnoException).code})` }]);
  }
  let raw: unknown;
  try {
    raw = parseToml(text);
  } catch (error) {
    const where = error instanceof TomlError ? `line ${error.line}, column ${error.column}` : "(syntax)";
    throw new ConfigError(path, [{ key: where, message: firstLine((error as Error).message) }]);
  }
  return parseConfig(raw, path, env, cwd);
}

/** Validates an already-parsed TOML document. Exported for tests and for the console's connector form. */
export function parseConfig(
  raw: unknown,
  source: string | null,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Config {
  const label = source ?? "(defaults)";
  const result = v.safeParse(configSchema, raw);
  if (!result.success) {
    throw new ConfigError(
      label,
      result.issues.map((issue) => ({ key: issuePath(issue), message: issueMessage(issue) })),
    );
  }
  const problems: { key: string; message: string }[] = [];
  const config = resolveConfig(result.output, source, env, cwd, problems);
  if (problems.length > 0) throw new ConfigError(label, problems);
  return config;
}

type Problems = { key: string; message: string }[];

function resolveConfig(
  raw: RawConfig,
  source: string | null,
  env: NodeJS.ProcessEnv,
  cwd: string,
  problems: Problems,
): Config {
  // HRGW_LISTEN replaces [server].listen (the image listens on all interfaces); PORT then replaces just the port,
  // the convention of container platforms and of our Docker smoke test.
  const listen = splitListen(env.HRGW_LISTEN ?? raw.server.listen);
  const host = listen.host;
  if (env.PORT && !isPort(env.PORT)) problems.push({ key: "PORT", message: `environment variable: ${PORT_RANGE}` });
  const port = env.PORT && isPort(env.PORT) ? Number(env.PORT) : listen.port;
  const publicUrl = raw.server.public_url?.replace(/\/+$/, "") ?? null;
  const secret = (rawObject: Record<string, unknown>, name: string, key: string, required: boolean) =>
    readSecret(rawObject, name, key, required, env, problems);

  const keyText = secret(raw.storage, "encryption_key", "storage.encryption_key", false);
  let encryptionKey: Buffer | null = null;
  if (keyText !== null) {
    encryptionKey = decodeKey(keyText);
    if (!encryptionKey)
      problems.push({ key: "storage.encryption_key", message: "must be 32 bytes as 64 hex characters or base64" });
  }

  const metricsListen = raw.metrics.listen ? splitListen(raw.metrics.listen) : null;
  const smtp: SmtpConfig | null = raw.smtp
    ? {
        host: raw.smtp.host,
        port: raw.smtp.port,
        secure: raw.smtp.secure,
        username: raw.smtp.username ?? null,
        password: secret(raw.smtp, "password", "smtp.password", false),
        from: raw.smtp.from,
      }
    : null;

  const ids = new Set<string>();
  const connectors = raw.connectors.map((connector, index) => {
    const at = `connectors[${index}]`;
    if (ids.has(connector.id)) problems.push({ key: `${at}.id`, message: `"${connector.id}" is used twice` });
    ids.add(connector.id);
    return resolveConnector(connector, at, secret, problems);
  });

  return {
    source,
    server: { host, port, publicUrl, trustedProxies: raw.server.trusted_proxies },
    // HRGW_STORAGE_PATH is only the default (the image points it at the /data volume); the file's value wins.
    storage: { path: resolve(cwd, raw.storage.path ?? env.HRGW_STORAGE_PATH ?? "./data/hr-gateway.db"), encryptionKey },
    log: { level: logLevel(env.HRGW_LOG_LEVEL, raw.log.level, problems) },
    metrics: {
      host: metricsListen?.host ?? null,
      port: metricsListen?.port ?? null,
      token: secret(raw.metrics, "token", "metrics.token", false),
    },
    smtp,
    connectors,
  };
}

type SecretReader = (raw: Record<string, unknown>, name: string, key: string, required: boolean) => string | null;

function resolveConnector(raw: RawConnector, at: string, secret: SecretReader, problems: Problems): ConnectorConfig {
  const settings = connectorSettingsFromRaw(raw);
  // Compiled here, by the library that will run them, so a typo stops start-up instead of holding every person.
  for (const problem of mappingProblems(settings.mapping ?? BUILT_IN_MAPPING))
    problems.push({
      key: `${at}.${problem.key}`,
      message: `${problem.message} (line ${problem.line}, column ${problem.column})`,
    });
  for (const problem of generatedLoginProblems(raw.identity))
    problems.push({ ...problem, key: `${at}.${problem.key}` });
  if (raw.kind === "nmbrs-soap" && !raw.nmbrs)
    problems.push({ key: `${at}.nmbrs`, message: "required for kind nmbrs-soap" });
  if (raw.kind === "nmbrs-rest" && !raw.nmbrs_rest) {
    problems.push({ key: `${at}.nmbrs_rest`, message: "required for kind nmbrs-rest" });
  }
  const nmbrs = raw.nmbrs
    ? {
        endpoint: raw.nmbrs.endpoint.replace(/\/+$/, ""),
        username: raw.nmbrs.username,
        token: secret(raw.nmbrs, "token", `${at}.nmbrs.token`, true) ?? "",
        domain: raw.nmbrs.domain,
        companies: raw.nmbrs.companies.map(String),
        timeoutSeconds: raw.nmbrs.timeout_seconds,
      }
    : null;
  const nmbrsRest = raw.nmbrs_rest
    ? {
        apiUrl: raw.nmbrs_rest.api_url.replace(/\/+$/, ""),
        identityUrl: raw.nmbrs_rest.identity_url.replace(/\/+$/, ""),
        clientId: raw.nmbrs_rest.client_id,
        clientSecret: secret(raw.nmbrs_rest, "client_secret", `${at}.nmbrs_rest.client_secret`, true) ?? "",
        subscriptionKey: secret(raw.nmbrs_rest, "subscription_key", `${at}.nmbrs_rest.subscription_key`, true) ?? "",
        companies: raw.nmbrs_rest.companies.map(String),
        timeoutSeconds: raw.nmbrs_rest.timeout_seconds,
      }
    : null;
  const afas = raw.afas ? afasSettings(raw.afas, `${at}.afas`, secret, problems) : null;
  if (raw.kind === "afas-profit" && !raw.afas)
    problems.push({ key: `${at}.afas`, message: "required for kind afas-profit" });
  const loket = loketConnector(raw, at, secret, problems);
  if (raw.kind === "youforce" && !raw.youforce)
    problems.push({ key: `${at}.youforce`, message: "required for kind youforce" });
  const password = secret(raw.scim, "password", `${at}.scim.password`, false);
  const bearerToken = secret(raw.scim, "bearer_token", `${at}.scim.bearer_token`, false);
  if (password !== null && !raw.scim.username) {
    problems.push({ key: `${at}.scim.username`, message: "required when a SCIM password is set" });
  }
  return {
    settings,
    nmbrs,
    nmbrsRest,
    afas,
    loket,
    youforce: raw.youforce ? youforceSettings(raw.youforce, `${at}.youforce`, secret) : null,
    scim: { username: raw.scim.username ?? null, password, bearerToken },
    secretOrigins: secretOriginsOf(raw),
  };
}

/**
 * `[connectors.afas]` with its token resolved and checked for its form (sources/afas/token.ts): the schema sees only
 * which of token / token_env / token_file is given, the value exists only after the secret is read.
 */
function afasSettings(
  raw: NonNullable<RawConnector["afas"]>,
  at: string,
  secret: SecretReader,
  problems: Problems,
): AfasSettings {
  const value = secret(raw, "token", `${at}.token`, true);
  const token = value === null ? null : afasTokenXml(value);
  if (value !== null && token === null) problems.push({ key: `${at}.token`, message: TOKEN_PROBLEM });
  // The Authorization header carries the token base64-encoded: a server echoing that header must be redacted too.
  if (token !== null) knownSecrets.register(Buffer.from(token, "utf8").toString("base64"));
  return {
    baseUrl: raw.base_url.replace(/\/+$/, ""),
    token: token ?? "",
    integrationId: raw.integration_id ?? null,
    employers: raw.employers.map((employer) => String(employer).trim()),
    pageSize: raw.page_size,
    timeoutSeconds: raw.timeout_seconds,
  };
}

/** Where each secret of the connector comes from, for the console's read-only view (which must not say "stored"). */
function secretOriginsOf(raw: RawConnector): SecretOrigins {
  const sections: [string, Record<string, unknown> | undefined, string[]][] = [
    ["nmbrs", raw.nmbrs, ["token"]],
    ["nmbrs_rest", raw.nmbrs_rest, ["client_secret", "subscription_key"]],
    ["afas", raw.afas, ["token"]],
    ["loket", raw.loket, ["client_secret"]],
    ["youforce", raw.youforce, ["client_secret"]],
    ["scim", raw.scim, ["password", "bearer_token"]],
  ];
  const origins: Record<string, string> = {};
  for (const [section, values, names] of sections) {
    for (const name of names) {
      const ref = values ? secretRefOf(values, name) : null;
      if (ref !== null && ref !== "ambiguous") origins[`${section}.${name}`] = describeSecretRef(ref, name);
    }
  }
  return origins;
}

/** The non-secret settings of a validated raw connector (config file or console form). */
export function connectorSettingsFromRaw(raw: RawConnector): ConnectorSettings {
  return {
    id: raw.id,
    kind: raw.kind,
    name: raw.name ?? raw.id,
    schedule: raw.schedule,
    timezone: raw.timezone,
    daysBefore: raw.days_before,
    daysAfter: raw.days_after,
    retentionDays: raw.retention_days,
    maxDeactivationPercent: raw.max_deactivation_percent,
    holdScope: raw.hold_scope,
    holdWhenEmptied: raw.hold_when_emptied,
    reevaluateAt: raw.reevaluate_at,
    historyDays: raw.history_days,
    employeeNumberFormat: raw.employee_number,
    managers: raw.managers,
    privateContact: raw.private_contact,
    identity: {
      userNameFrom: raw.identity.user_name_from,
      domainRewrite: Object.fromEntries(
        Object.entries(raw.identity.domain_rewrite).map(([from, to]) => [from.toLowerCase(), to]),
      ),
      generated: raw.identity.generated_domain
        ? { domain: raw.identity.generated_domain.toLowerCase(), format: raw.identity.generated_format ?? null }
        : null,
    },
    groups: {
      kinds: [...new Set(raw.groups.kinds)],
      templates: raw.groups.templates,
      budget: { maxMembers: raw.groups.max_members, maxPageBytes: Math.round(raw.groups.max_page_mb * MB) },
    },
    mapping: { attributes: raw.mapping, include: raw.scope.include ?? null, groupRules: raw.groups.rules },
    notify: { webhookUrl: raw.notify.webhook_url ?? null, emailTo: raw.notify.email_to },
  };
}

/** Generated logins need a domain, and their format must compile (in the environment the run compiles it in). */
function generatedLoginProblems(identity: RawConnector["identity"]): { key: string; message: string }[] {
  if (!identity.user_name_from.includes("generated")) return [];
  if (!identity.generated_domain)
    return [{ key: "identity.generated_domain", message: 'required when user_name_from lists "generated"' }];
  const problem = loginFormatProblem(identity.generated_format ?? null);
  return problem
    ? [
        {
          key: "identity.generated_format",
          message: `${problem.message} (line ${problem.line}, column ${problem.column})`,
        },
      ]
    : [];
}

function readSecret(
  raw: Record<string, unknown>,
  name: string,
  key: string,
  required: boolean,
  env: NodeJS.ProcessEnv,
  problems: Problems,
): string | null {
  const ref = secretRefOf(raw, name);
  if (ref === "ambiguous") {
    problems.push({ key, message: `give only one of ${name}, ${name}_env, ${name}_file` });
    return null;
  }
  if (ref === null) {
    if (required) problems.push({ key, message: `required (as ${name}, ${name}_env or ${name}_file)` });
    return null;
  }
  try {
    return resolveSecret(ref, env);
  } catch (error) {
    const form = ref.env !== undefined ? `${key}_env` : ref.file !== undefined ? `${key}_file` : key;
    problems.push({ key: form, message: (error as Error).message });
    return null;
  }
}

/** HRGW_LOG_LEVEL replaces [log].level; checked here, because pino would refuse it at start-up with a stack trace. */
function logLevel(fromEnv: string | undefined, fromFile: string, problems: Problems): string {
  if (fromEnv === undefined) return fromFile;
  if ((LOG_LEVELS as readonly string[]).includes(fromEnv)) return fromEnv;
  problems.push({ key: "HRGW_LOG_LEVEL", message: `environment variable: ${LOG_LEVEL_MESSAGE}` });
  return fromFile;
}

function splitListen(listen: string): { host: string; port: number } {
  const at = listen.lastIndexOf(":");
  return { host: listen.slice(0, at).replace(/^\[|\]$/g, ""), port: Number(listen.slice(at + 1)) };
}

function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  return key.length === 32 ? key : null;
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = "";
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === "number" ? `[${key}]` : path === "" ? String(key) : `.${String(key)}`;
  }
  return path || "(top level)";
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === "schema" && issue.received === "undefined") return "required";
  if (issue.type === "strict_object" && issue.expected === "never") return "unknown key";
  return issue.message;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
