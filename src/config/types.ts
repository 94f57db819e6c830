import type { WatchableAttribute } from "../lifecycle/data-holds.js";
import type { HoldScope } from "../lifecycle/hold-policy.js";
import type { GroupBudget } from "../lifecycle/group-budget.js";
import type { GroupKind, GroupRules } from "../lifecycle/groups.js";
import type { IdentityRules, UserNameSource } from "../lifecycle/identity.js";
import type { ServedAttributeRules } from "../lifecycle/user-resource.js";
import type { MappingSettings } from "../mapping/connector-mapping.js";
import type { ConnectorKind } from "./schema.js";
import type { YouforceSettings } from "./youforce-schema.js";

export type { ConnectorKind, GroupKind, UserNameSource, YouforceSettings };

/** How a connector turns HR data into Okta users: every rule the lifecycle and mapping read. */
export interface ConnectorSettings {
  readonly id: string;
  readonly kind: ConnectorKind;
  /** Shown in the console; defaults to the id. */
  readonly name: string;
  /** Cron expression (croner syntax), evaluated in `timezone`. */
  readonly schedule: string;
  readonly timezone: string;
  /** A person is served (active) from this many days before the first working day. */
  readonly daysBefore: number;
  /** …and stays active until this many days after the last working day. */
  readonly daysAfter: number;
  /** After that, served with active=false for this many days, then no longer served. */
  readonly retentionDays: number;
  /** A run that would deactivate or remove more than this share of served users is held for approval. */
  readonly maxDeactivationPercent: number;
  /** Which deactivations a tripped brake holds (lifecycle/hold-policy.ts brakeSlice). */
  readonly holdScope: HoldScope;
  /** Watched attributes: a served value HR suddenly empties holds the person (lifecycle/data-holds.ts). */
  readonly holdWhenEmptied: readonly WatchableAttribute[];
  /** Local time (HH:MM, in `timezone`) of the daily run that re-evaluates dates even when HR did not change. */
  readonly reevaluateAt: string;
  /** Days the per-person change history is kept. */
  readonly historyDays: number;
  readonly employeeNumberFormat: ServedAttributeRules["employeeNumberFormat"];
  readonly managers: boolean;
  /** Serve private e-mail and private mobile in the custom extension (the product sheet's mapping). */
  readonly privateContact: boolean;
  readonly identity: IdentityRules;
  readonly groups: GroupRules & { readonly budget: GroupBudget };
  /**
   * The admin's expressions: attribute mapping, scope, group rules (docs/mapping.md). Absent on connectors the
   * console stored before they existed: the built-in mapping.
   */
  readonly mapping?: MappingSettings;
  readonly notify: {
    readonly webhookUrl: string | null;
    readonly emailTo: readonly string[];
  };
}

export interface NmbrsSoapSettings {
  readonly endpoint: string;
  readonly username: string;
  readonly token: string;
  readonly domain: string;
  readonly companies: readonly string[];
  readonly timeoutSeconds: number;
}

export interface NmbrsRestSettings {
  readonly apiUrl: string;
  readonly identityUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly subscriptionKey: string;
  readonly companies: readonly string[];
  readonly timeoutSeconds: number;
}

/** `[connectors.afas]` (the AFAS spec §3). */
export interface AfasSettings {
  /** Ends in /ProfitRestServices, no trailing slash. */
  readonly baseUrl: string;
  /** The whole token XML, data-only values wrapped (sources/afas/token.ts). */
  readonly token: string;
  readonly integrationId: string | null;
  readonly employers: readonly string[];
  readonly pageSize: number;
  readonly timeoutSeconds: number;
}

/** `[connectors.loket]` (the Loket spec §3): the environment's hosts, or both explicit URLs of a fake. */
export interface LoketSettings {
  readonly environment: "production" | "acceptance";
  /** Ends in /v2, no trailing slash. */
  readonly apiUrl: string;
  /** Authorize at `oauthUrl + "/authorize"`, tokens at `oauthUrl + "/token"`; no trailing slash. */
  readonly oauthUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** employerNumbers or employer ids; empty = every employer the consenting user sees. */
  readonly employers: readonly string[];
  readonly pageSize: number;
  readonly timeoutSeconds: number;
}

/** Credentials Okta must present; declared in config.toml or generated in the console. */
export interface ScimCredentialConfig {
  readonly username: string | null;
  readonly password: string | null;
  readonly bearerToken: string | null;
}

/** A connector declared in config.toml, with its secrets resolved. */
export interface ConnectorConfig {
  readonly settings: ConnectorSettings;
  readonly nmbrs: NmbrsSoapSettings | null;
  readonly nmbrsRest: NmbrsRestSettings | null;
  /** Set for kind afas-profit; absent in connectors made before AFAS existed. */
  readonly afas?: AfasSettings | null;
  /** Set for kind loket; absent in connectors made before Loket existed. */
  readonly loket?: LoketSettings | null;
  /** Set for kind youforce; absent in connectors made before Youforce existed. */
  readonly youforce?: YouforceSettings | null;
  readonly scim: ScimCredentialConfig;
  /** Where config.toml takes each secret from, by its key within the connector; absent: not set. Set by the config
   * parser; shown only for connectors declared in the file (console-made ones keep sealed secrets instead). */
  readonly secretOrigins?: SecretOrigins;
}

/** "nmbrs.token" → "from env NMBRS_TOKEN": what the console shows of a config.toml secret instead of its value. */
export type SecretOrigins = Readonly<Record<string, string>>;

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly username: string | null;
  readonly password: string | null;
  readonly from: string;
}

export interface Config {
  /** Where the config came from (a path), or null when the defaults are used because there is no file. */
  readonly source: string | null;
  readonly server: {
    readonly host: string;
    readonly port: number;
    /** The URL Okta and browsers use, no trailing slash; null = the address the server listens on. */
    readonly publicUrl: string | null;
    readonly trustedProxies: readonly string[];
  };
  readonly storage: {
    readonly path: string;
    /** 32-byte key for stored secrets; null = generated into the data directory on first start. */
    readonly encryptionKey: Buffer | null;
  };
  readonly log: { readonly level: string };
  readonly metrics: { readonly host: string | null; readonly port: number | null; readonly token: string | null };
  readonly smtp: SmtpConfig | null;
  readonly connectors: readonly ConnectorConfig[];
}
