import { isIP } from "node:net";
import * as v from "valibot";
import { WATCHABLE_ATTRIBUTES } from "../lifecycle/data-holds.js";
import { DEFAULT_GROUP_BUDGET } from "../lifecycle/group-budget.js";
import { GROUP_KINDS, type GroupKind, groupTemplateProblem } from "../lifecycle/groups.js";
import { cronScheduleProblem } from "./cron-schedule.js";
import { loketSchema } from "./loket-schema.js";
import { secretKeys } from "./secret-ref.js";
import { youforceSchema } from "./youforce-schema.js";

/**
 * The shape of config.toml, validated before anything starts. Every key is documented in config.example.toml;
 * unknown keys are errors, because a typo in a lifecycle setting should stop start-up, not be ignored.
 * Connector settings are shared with the console (connectors created there are validated by the same schema).
 */

// Every check carries its own message: the console shows them next to the field, so valibot's generic "Invalid value:
// Expected >=0 but received -5" must never reach an admin.
const positiveInt = (max: number) =>
  v.pipe(
    v.number("must be a number"),
    v.integer("must be a whole number"),
    v.minValue(0, "must be 0 or more"),
    v.maxValue(max, `must be at most ${max}`),
  );

// The group kinds are lifecycle's (it makes the groups); the console's forms read them here with the other enums.
export { GROUP_KINDS, type GroupKind };

export const CONNECTOR_KINDS = ["nmbrs-soap", "nmbrs-rest", "afas-profit", "loket", "youforce"] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

const connectorId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be lowercase letters, digits and dashes (it is part of the SCIM URL)"),
);

/** Validated by croner itself, the library that runs it (cron-schedule.ts), with the reason as the message. */
const cronExpression = v.pipe(
  v.string("must be a cron expression"),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = cronScheduleProblem(dataset.value);
    if (problem) addIssue({ message: problem });
  }),
);

const timeZone = v.pipe(
  v.string(),
  v.check((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as "Europe/Amsterdam"'),
);

const url = v.pipe(v.string(), v.url("must be a URL"), v.regex(/^https?:\/\//, "must start with http:// or https://"));

const identitySchema = v.strictObject({
  /** Where userName comes from, in order of preference. */
  user_name_from: v.optional(
    v.pipe(
      v.array(v.picklist(["work", "private", "generated"], 'must be "work", "private" or "generated"')),
      v.minLength(1, "must name at least one address"),
      v.check((from) => new Set(from).size === from.length, "must name each address once"),
    ),
    ["work", "private"],
  ),
  /** Rewrites the domain of the userName, e.g. { "oldname.nl" = "newname.nl" } after a rebrand. */
  domain_rewrite: v.optional(v.record(v.string(), v.string()), {}),
  /** The domain of generated logins; required when user_name_from lists "generated" (load.ts checks). */
  generated_domain: v.optional(
    v.pipe(
      v.string("must be a domain (a text)"),
      v.regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i, 'must be a domain such as "acme.nl"'),
    ),
  ),
  /** CEL giving the part before the @ (mapping/login-format.ts; load.ts compiles it). */
  generated_format: v.optional(v.string("must be a CEL expression (a text)")),
});

/** A group name template; placeholders {name}, {code}, {company} (lifecycle/groups.ts renders it). */
const groupTemplate = v.pipe(
  v.string("must be a text"),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = groupTemplateProblem(dataset.value);
    if (problem) addIssue({ message: problem });
  }),
);

/** A group served for everyone a CEL condition holds for (mapping/connector-mapping.ts compiles it). */
const groupRuleSchema = v.strictObject({
  name: v.pipe(v.string("must be a text"), v.trim(), v.nonEmpty("required")),
  when: v.string("must be a CEL expression (a text)"),
});
/** A megabyte as max_page_mb counts it. */
export const MB = 1024 * 1024;

const groupsSchema = v.strictObject({
  kinds: v.optional(v.array(v.picklist(GROUP_KINDS, `must be one of ${GROUP_KINDS.join(", ")}`)), [
    "department",
    "company",
  ]),
  /** Display-name templates per kind. */
  templates: v.optional(
    v.strictObject(
      Object.fromEntries(GROUP_KINDS.map((kind) => [kind, v.optional(groupTemplate)])) as Record<
        GroupKind,
        v.OptionalSchema<typeof groupTemplate, undefined>
      >,
    ),
    {},
  ),
  rules: v.optional(v.array(groupRuleSchema), []),
  /** The group budget (lifecycle/group-budget.ts): groups and /Groups pages above it are reported, never cut. */
  max_members: v.optional(
    v.pipe(
      v.number("must be a number"),
      v.integer("must be a whole number"),
      v.minValue(1, "must be at least 1"),
      v.maxValue(10_000_000, "must be at most 10000000"),
    ),
    DEFAULT_GROUP_BUDGET.maxMembers,
  ),
  max_page_mb: v.optional(
    v.pipe(
      v.number("must be a number of megabytes"),
      v.minValue(0.1, "must be at least 0.1 (MB)"),
      v.maxValue(1024, "must be at most 1024 (MB)"),
    ),
    DEFAULT_GROUP_BUDGET.maxPageBytes / MB,
  ),
});

const nmbrsSoapSchema = v.strictObject({
  endpoint: v.optional(url, "https://api.nmbrs.nl/soap/v3"),
  /** The Nmbrs user the API token belongs to: Nmbrs logs in with an e-mail address (docs of AuthHeaderWithDomain). */
  username: v.pipe(v.string(), v.nonEmpty("required"), v.email("must be the e-mail address of the Nmbrs user")),
  ...secretKeys("token"),
  /** The environment's subdomain ("acme" for acme.nmbrs.nl), one DNS label; Nmbrs answers 1001 to the full host. */
  domain: v.pipe(
    v.string(),
    v.nonEmpty("required"),
    v.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i, 'must be only the part before .nmbrs.nl, e.g. "acme"'),
  ),
  /** Company ids or numbers to read; empty = every company the token can see. */
  companies: v.optional(v.array(v.union([v.string(), v.number()])), []),
  timeout_seconds: v.optional(positiveInt(600), 60),
});

const nmbrsRestSchema = v.strictObject({
  api_url: v.optional(url, "https://api.nmbrsapp.com"),
  identity_url: v.optional(url, "https://identityservice.nmbrs.com"),
  client_id: v.pipe(v.string(), v.nonEmpty("required")),
  ...secretKeys("client_secret"),
  ...secretKeys("subscription_key"),
  companies: v.optional(v.array(v.union([v.string(), v.number()])), []),
  timeout_seconds: v.optional(positiveInt(600), 60),
});

const boundedInt = (min: number, max: number) =>
  v.pipe(
    v.number("must be a number"),
    v.integer("must be a whole number"),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

/** `[connectors.afas]`, pinned by the AFAS spec §3 (keys and limits). The token's form is checked at load. */
const afasSchema = v.strictObject({
  base_url: v.pipe(
    url,
    v.regex(
      /\/ProfitRestServices\/?$/i,
      'must end in /ProfitRestServices, e.g. "https://12345.rest.afas.online/ProfitRestServices"',
    ),
  ),
  ...secretKeys("token"),
  integration_id: v.optional(
    v.pipe(v.string(), v.regex(/^\d+_\d+$/, 'must be "<subscription>_<project>", e.g. "12345_678900"')),
  ),
  /** Werkgever codes to serve; empty = every employer found. */
  employers: v.optional(v.array(v.union([v.string(), v.number()], "must be employer codes")), []),
  /** 2 at least: consecutive pages overlap by one row. */
  page_size: v.optional(boundedInt(2, 10_000), 1000),
  /** 900 s is AFAS's own limit per request. */
  timeout_seconds: v.optional(boundedInt(1, 900), 60),
});

const scimSchema = v.strictObject({
  username: v.optional(v.pipe(v.string(), v.nonEmpty())),
  ...secretKeys("password"),
  ...secretKeys("bearer_token"),
});

const notifySchema = v.strictObject({
  webhook_url: v.optional(url),
  email_to: v.optional(v.array(v.pipe(v.string(), v.email("must be an e-mail address"))), []),
});

/** The non-secret part of a connector: lifecycle, identity, groups, safety, schedule. */
export const connectorSettingsEntries = {
  id: connectorId,
  kind: v.picklist(CONNECTOR_KINDS, `must be one of ${CONNECTOR_KINDS.join(", ")}`),
  name: v.optional(v.string()),
  schedule: v.optional(cronExpression, "15 * * * *"),
  timezone: v.optional(timeZone, "Europe/Amsterdam"),
  days_before: v.optional(positiveInt(365), 14),
  days_after: v.optional(positiveInt(365), 7),
  retention_days: v.optional(positiveInt(3650), 90),
  max_deactivation_percent: v.optional(
    v.pipe(v.number("must be a number"), v.minValue(0, "must be 0 or more"), v.maxValue(100, "must be at most 100")),
    10,
  ),
  /** Which deactivations a tripped brake holds: every one of the connector's, or only those of the companies over the limit. */
  hold_scope: v.optional(v.picklist(["connector", "company"], 'must be "connector" or "company"'), "connector"),
  /** Served attributes whose sudden emptying holds the person until HR fixes it or an admin approves. */
  hold_when_emptied: v.optional(
    v.array(v.picklist(WATCHABLE_ATTRIBUTES, `must be one of ${WATCHABLE_ATTRIBUTES.join(", ")}`)),
    ["department"],
  ),
  /** Local time of the daily re-evaluation of dates (a pre-hire becomes active at midnight, not at the next change). */
  reevaluate_at: v.optional(
    v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM, e.g. "00:05"')),
    "00:05",
  ),
  /** Days the per-person change history is kept. */
  history_days: v.optional(positiveInt(3650), 400),
  employee_number: v.optional(
    v.picklist(["plain", "company-prefixed"], 'must be "plain" or "company-prefixed"'),
    "plain",
  ),
  managers: v.optional(v.boolean(), false),
  private_contact: v.optional(v.boolean(), true),
  identity: v.optional(identitySchema, {}),
  groups: v.optional(groupsSchema, {}),
  /** Okta variable name → CEL expression (docs/mapping.md); compiled by load.ts, which names key and position. */
  mapping: v.optional(v.record(v.string(), v.string("must be a CEL expression (a text)")), {}),
  scope: v.optional(v.strictObject({ include: v.optional(v.string("must be a CEL expression (a text)")) }), {}),
  notify: v.optional(notifySchema, {}),
};

export const connectorSchema = v.strictObject({
  ...connectorSettingsEntries,
  nmbrs: v.optional(nmbrsSoapSchema),
  nmbrs_rest: v.optional(nmbrsRestSchema),
  afas: v.optional(afasSchema),
  loket: v.optional(loketSchema),
  youforce: v.optional(youforceSchema),
  scim: v.optional(scimSchema, {}),
});

const ipOrCidr = v.pipe(
  v.string(),
  v.check((entry) => {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  }, 'must be an IP address or CIDR, e.g. "10.0.0.0/8"'),
);

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"] as const;
export const LOG_LEVEL_MESSAGE = `must be one of ${LOG_LEVELS.join(", ")}`;

export const PORT_RANGE = "the port must be 0–65535 (0: any free port)";

/** A TCP port the socket accepts. */
export function isPort(text: string): boolean {
  return /^\d{1,5}$/.test(text) && Number(text) <= 65535;
}

const listenAddress = v.pipe(
  v.string(),
  v.regex(/^(\[[0-9a-fA-F:]+\]|[^\s:]+):\d{1,5}$/, 'must be host:port, e.g. "127.0.0.1:8080"'),
  // Otherwise the socket refuses it at start-up with a stack trace instead of this line.
  v.check((listen) => isPort(listen.slice(listen.lastIndexOf(":") + 1)), PORT_RANGE),
);

export const configSchema = v.strictObject({
  server: v.optional(
    v.strictObject({
      listen: v.optional(listenAddress, "127.0.0.1:8080"),
      public_url: v.optional(url),
      /** Addresses or CIDRs of reverse proxies whose X-Forwarded-* headers are believed. */
      trusted_proxies: v.optional(v.array(ipOrCidr), []),
    }),
    {},
  ),
  storage: v.optional(
    v.strictObject({
      path: v.optional(v.pipe(v.string(), v.nonEmpty())),
      ...secretKeys("encryption_key"),
    }),
    {},
  ),
  log: v.optional(
    v.strictObject({
      level: v.optional(v.picklist(LOG_LEVELS, LOG_LEVEL_MESSAGE), "info"),
    }),
    {},
  ),
  metrics: v.optional(
    v.strictObject({
      listen: v.optional(listenAddress),
      ...secretKeys("token"),
    }),
    {},
  ),
  smtp: v.optional(
    v.strictObject({
      host: v.pipe(v.string(), v.nonEmpty("required")),
      port: v.optional(positiveInt(65535), 587),
      secure: v.optional(v.boolean(), false),
      username: v.optional(v.string()),
      ...secretKeys("password"),
      from: v.pipe(v.string(), v.email("must be an e-mail address")),
    }),
  ),
  connectors: v.optional(v.array(connectorSchema), []),
});

export type RawConfig = v.InferOutput<typeof configSchema>;
export type RawConnector = v.InferOutput<typeof connectorSchema>;
