import { eq } from "drizzle-orm";
import { type Db, drizzleOf, type Sqlite } from "../db/open.js";
import { connectors } from "../db/schema.js";
import { prepared } from "../db/statements.js";
import type { Clock } from "../clock.js";
import type {
  AfasSettings,
  LoketSettings,
  ConnectorConfig,
  ConnectorSettings,
  NmbrsRestSettings,
  NmbrsSoapSettings,
  YouforceSettings,
} from "../config/types.js";
import { isSecretFieldName } from "../logging/logger.js";
import { knownSecrets } from "../secrets/known-secrets.js";
import type { SecretBox } from "../secrets/secret-box.js";

/** Whether a connector of this id is stored, for tools that run without the registry (the person export). */
export function connectorExists(sqlite: Sqlite, id: string): boolean {
  return (
    drizzleOf(sqlite).select({ id: connectors.id }).from(connectors).where(eq(connectors.id, id)).get() !== undefined
  );
}

/** Why the connector waits for an admin (null: it does not), for runs that set or clear the flag. */
export function attentionOf(sqlite: Sqlite, id: string): string | null {
  return (
    drizzleOf(sqlite).select({ attention: connectors.attention }).from(connectors).where(eq(connectors.id, id)).get()
      ?.attention ?? null
  );
}

/** Sets or clears the connector's attention flag (a run's outcome; the registry itself sets "detached"). */
export function writeAttention(sqlite: Sqlite, id: string, attention: string | null, at: Date): void {
  drizzleOf(sqlite)
    .update(connectors)
    .set({ attention, updatedAt: at.toISOString() })
    .where(eq(connectors.id, id))
    .run();
}

/** Per connector, whether it waits for an admin (credentials, consent, removed from config.toml), for the metrics. */
export function attentionPerConnector(sqlite: Sqlite): { connector: string; flagged: boolean }[] {
  return drizzleOf(sqlite)
    .select({ connector: connectors.id, attention: connectors.attention })
    .from(connectors)
    .all()
    .map((row) => ({ connector: row.connector, flagged: row.attention !== null }));
}

/** The non-secret half of a connector as stored in `connectors.settings`. */
export interface StoredConnector {
  readonly settings: ConnectorSettings;
  readonly nmbrs: Omit<NmbrsSoapSettings, "token"> | null;
  readonly nmbrsRest: Omit<NmbrsRestSettings, "clientSecret" | "subscriptionKey"> | null;
  /** Absent in connectors stored before AFAS existed. */
  readonly afas?: Omit<AfasSettings, "token"> | null;
  /** Absent in connectors stored before Loket existed. */
  readonly loket?: Omit<LoketSettings, "clientSecret"> | null;
  /** Absent in connectors stored before Youforce existed. */
  readonly youforce?: Omit<YouforceSettings, "clientSecret"> | null;
}

/** The secret half, sealed into `connectors.secrets` (console-made connectors only). */
export interface ConnectorSecrets {
  readonly nmbrsToken?: string;
  readonly clientSecret?: string;
  readonly subscriptionKey?: string;
  readonly afasToken?: string;
  readonly loketClientSecret?: string;
  readonly youforceClientSecret?: string;
  /** Other secret state a source keeps (e.g. OAuth tokens), by the source's own keys. */
  readonly [key: string]: unknown;
}

export interface ConnectorRecord extends StoredConnector {
  readonly origin: "file" | "console";
  /** Why an admin must act, or null. */
  readonly attention: string | null;
  readonly currentGen: number;
}

export const DETACHED = "removed from config.toml: not served and not synced until it is declared again or deleted";

/**
 * Every connector the gateway knows: those declared in config.toml (secrets resolved from the file, env or
 * secret files, never stored) and those created in the console (secrets sealed in the database). Both resolve to
 * the same ConnectorConfig, so sync and SCIM never care where a connector came from.
 */
export class ConnectorRegistry {
  private readonly declared = new Map<string, ConnectorConfig>();

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  /**
   * Records the connectors of config.toml. A connector that disappeared from the file is kept (its people and
   * their SCIM ids must survive a mistaken edit, or Okta would see everyone as new) but detached: not served, not
   * synced, flagged in the console.
   */
  declareFromConfig(connectors: readonly ConnectorConfig[]): void {
    const now = this.clock().toISOString();
    const sqlite = this.db.sqlite;
    const upsert = sqlite.prepare(
      `INSERT INTO connectors (id, kind, origin, settings, secrets, current_gen, attention, created_at, updated_at)
       VALUES (@id, @kind, 'file', @settings, NULL, 0, NULL, @now, @now)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, origin = 'file', settings = excluded.settings,
         attention = CASE WHEN connectors.attention = @detached THEN NULL ELSE connectors.attention END,
         updated_at = @now`,
    );
    sqlite.transaction(() => {
      this.declared.clear();
      for (const connector of connectors) {
        this.declared.set(connector.settings.id, connector);
        upsert.run({
          id: connector.settings.id,
          kind: connector.settings.kind,
          settings: JSON.stringify(storedPart(connector)),
          now,
          detached: DETACHED,
        });
      }
      const ids = [...this.declared.keys()];
      sqlite
        .prepare(
          `UPDATE connectors SET attention = ?, updated_at = ? WHERE origin = 'file' AND attention IS NOT ?
           AND id NOT IN (SELECT value FROM json_each(?))`,
        )
        .run(DETACHED, now, DETACHED, JSON.stringify(ids));
    })();
  }

  list(): ConnectorRecord[] {
    const rows = this.db.sqlite
      .prepare("SELECT id, origin, settings, attention, current_gen FROM connectors ORDER BY id")
      .all() as Row[];
    return rows.map(toRecord);
  }

  get(id: string): ConnectorRecord | undefined {
    const row = prepared(
      this.db.sqlite,
      "SELECT id, origin, settings, attention, current_gen FROM connectors WHERE id = ?",
    ).get(id) as Row | undefined;
    return row && toRecord(row);
  }

  /** Serves SCIM and runs syncs: declared in the file now, or made in the console. */
  isLive(record: ConnectorRecord): boolean {
    return record.attention !== DETACHED;
  }

  /** {@link isLive} by id, for every SCIM request: reads the one column it needs instead of parsing the settings. */
  isLiveById(id: string): boolean {
    // pluck(): the statement is shared by its text (db/statements.ts), and other readers of this column pluck it too.
    const attention = prepared(this.db.sqlite, "SELECT attention FROM connectors WHERE id = ?").pluck().get(id) as
      | string
      | null
      | undefined;
    return attention !== undefined && attention !== DETACHED;
  }

  /** The full connector with its secrets, ready to build a source. */
  resolve(id: string): ConnectorConfig | undefined {
    const declared = this.declared.get(id);
    if (declared) return declared;
    const row = this.db.sqlite.prepare("SELECT settings, secrets, origin FROM connectors WHERE id = ?").get(id) as
      | { settings: string; secrets: Buffer | null; origin: string }
      | undefined;
    if (row?.origin !== "console") return undefined;
    const stored = JSON.parse(row.settings) as StoredConnector;
    const secrets = this.readSecrets(id, row.secrets);
    return {
      settings: stored.settings,
      nmbrs: stored.nmbrs && { ...stored.nmbrs, token: secrets.nmbrsToken ?? "" },
      nmbrsRest: stored.nmbrsRest && {
        ...stored.nmbrsRest,
        clientSecret: secrets.clientSecret ?? "",
        subscriptionKey: secrets.subscriptionKey ?? "",
      },
      afas: stored.afas ? { ...stored.afas, token: secrets.afasToken ?? "" } : null,
      loket: stored.loket ? { ...stored.loket, clientSecret: secrets.loketClientSecret ?? "" } : null,
      youforce: stored.youforce ? { ...stored.youforce, clientSecret: secrets.youforceClientSecret ?? "" } : null,
      scim: { username: null, password: null, bearerToken: null },
    };
  }

  /** Creates or replaces a console-made connector. File connectors cannot be changed here. */
  saveConsoleConnector(stored: StoredConnector, secrets: ConnectorSecrets): void {
    const id = stored.settings.id;
    if (this.declared.has(id) || this.get(id)?.origin === "file") {
      throw new Error(`connector ${id} is declared in config.toml and can only be changed there`);
    }
    const now = this.clock().toISOString();
    this.db.sqlite
      .prepare(
        `INSERT INTO connectors (id, kind, origin, settings, secrets, current_gen, attention, created_at, updated_at)
         VALUES (@id, @kind, 'console', @settings, @secrets, 0, NULL, @now, @now)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, settings = excluded.settings,
           secrets = excluded.secrets, updated_at = @now`,
      )
      .run({
        id,
        kind: stored.settings.kind,
        settings: JSON.stringify(stored),
        secrets: this.sealSecrets(id, secrets),
        now,
      });
  }

  /** The decrypted secrets of a console-made connector (for editing and for sources that keep state there). */
  secretsOf(id: string): ConnectorSecrets {
    const sealed = this.db.sqlite.prepare("SELECT secrets FROM connectors WHERE id = ?").pluck().get(id) as
      | Buffer
      | null
      | undefined;
    return this.readSecrets(id, sealed ?? null);
  }

  /** Replaces the sealed secrets of a connector (console connectors, or source state such as OAuth tokens). */
  updateSecrets(id: string, secrets: ConnectorSecrets): void {
    this.db.sqlite
      .prepare("UPDATE connectors SET secrets = ?, updated_at = ? WHERE id = ?")
      .run(this.sealSecrets(id, secrets), this.clock().toISOString(), id);
  }

  /**
   * Changes some of a connector's sealed secrets and keeps the rest, in one IMMEDIATE transaction: the server and
   * `npm run sync` both write source state here (a refreshed OAuth token, the birth-date key), and neither may lose
   * what the other wrote. Returns the secrets as stored.
   */
  changeSecrets(id: string, change: (secrets: ConnectorSecrets) => ConnectorSecrets): ConnectorSecrets {
    return this.db.sqlite
      .transaction(() => {
        const changed = change(this.secretsOf(id));
        this.updateSecrets(id, changed);
        return changed;
      })
      .immediate();
  }

  setAttention(id: string, attention: string | null): void {
    writeAttention(this.db.sqlite, id, attention, this.clock());
  }

  /** Deletes a connector with everything served for it. Its people's SCIM ids are gone for good. */
  delete(id: string): void {
    this.db.sqlite.prepare("DELETE FROM connectors WHERE id = ?").run(id);
    this.declared.delete(id);
  }

  /**
   * Key rotation: re-seals every stored secret with `next`. Values `next` already sealed are left alone, so a
   * rotation that was interrupted can simply run again. Call inside a transaction. Returns the values re-sealed.
   */
  resealSecrets(next: SecretBox): number {
    const rows = this.db.sqlite.prepare("SELECT id, secrets FROM connectors WHERE secrets IS NOT NULL").all() as {
      id: string;
      secrets: Buffer;
    }[];
    const update = this.db.sqlite.prepare("UPDATE connectors SET secrets = ? WHERE id = ?");
    let resealed = 0;
    for (const row of rows) {
      if (next.owns(row.secrets)) continue;
      update.run(next.seal(this.box.open(row.secrets, sealContext(row.id)), sealContext(row.id)), row.id);
      resealed++;
    }
    return resealed;
  }

  /** Every secret passing through here (typed in, refreshed, opened) is registered, so no text can show it. */
  private sealSecrets(id: string, secrets: ConnectorSecrets): Buffer {
    knownSecrets.registerFields(secrets, isSecretFieldName);
    return this.box.seal(JSON.stringify(secrets), sealContext(id));
  }

  private readSecrets(id: string, sealed: Buffer | null): ConnectorSecrets {
    const secrets = sealed ? (JSON.parse(this.box.open(sealed, sealContext(id))) as ConnectorSecrets) : {};
    knownSecrets.registerFields(secrets, isSecretFieldName);
    return secrets;
  }
}

interface Row {
  id: string;
  origin: "file" | "console";
  settings: string;
  attention: string | null;
  current_gen: number;
}

function toRecord(row: Row): ConnectorRecord {
  const stored = JSON.parse(row.settings) as StoredConnector;
  return { ...stored, origin: row.origin, attention: row.attention, currentGen: row.current_gen };
}

function storedPart(connector: ConnectorConfig): StoredConnector {
  const { token: _token, ...nmbrs } = connector.nmbrs ?? ({} as NmbrsSoapSettings);
  const {
    clientSecret: _secret,
    subscriptionKey: _key,
    ...nmbrsRest
  } = connector.nmbrsRest ?? ({} as NmbrsRestSettings);
  const { token: _afasToken, ...afas } = connector.afas ?? ({} as AfasSettings);
  const { clientSecret: _loketSecret, ...loket } = connector.loket ?? ({} as LoketSettings);
  const { clientSecret: _youforceSecret, ...youforce } = connector.youforce ?? ({} as YouforceSettings);
  return {
    settings: connector.settings,
    nmbrs: connector.nmbrs ? nmbrs : null,
    nmbrsRest: connector.nmbrsRest ? nmbrsRest : null,
    afas: connector.afas ? afas : null,
    loket: connector.loket ? loket : null,
    youforce: connector.youforce ? youforce : null,
  };
}

/** Binds sealed secrets to their connector, so a sealed blob copied to another row fails to open. */
function sealContext(id: string): string {
  return `connector:${id}`;
}
