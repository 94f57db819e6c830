import type Database from "better-sqlite3";
import type { Sqlite } from "../../db/open.js";
import { BoundedMap } from "./bounded-map.js";

/**
 * Prepared statements for SQL built from filters. Unlike db/statements.ts (a fixed set of hot statements), the
 * shapes here come from requests, so the cache is bounded.
 */
export class StatementCache {
  private readonly statements = new BoundedMap<string, Database.Statement>(200);

  constructor(private readonly sqlite: Sqlite) {}

  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
