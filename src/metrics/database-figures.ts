import { attentionPerConnector } from "../connectors/registry.js";
import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import type { GroupBudgetReport } from "../lifecycle/group-budget.js";
import { peoplePerState } from "../sync/hr-list-store.js";
import { groupBudgetOfLastRuns, heldRunsPerConnector, lastSuccessPerConnector } from "../sync/run-store.js";

/** What the database gauges of /metrics show, as their stores read it. */
export interface DatabaseFigures {
  readonly lastSuccess: readonly { readonly connector: string; readonly at: string | null }[];
  readonly held: readonly { readonly connector: string; readonly held: number }[];
  readonly attention: readonly { readonly connector: string; readonly flagged: boolean }[];
  readonly people: readonly { readonly connector: string; readonly state: string; readonly people: number }[];
  readonly budgets: readonly { readonly connector: string; readonly budget: GroupBudgetReport }[];
}

/**
 * The database figures, read again only when the database may have changed since the last read: `data_version`
 * moves when another connection commits (a sync process, the CLI) and `total_changes()` when this connection writes
 * (the console, the sync service). Between runs and admin actions nothing they show changes, and Prometheus scrapes
 * every few seconds on the thread that serves Okta's pages, so a scrape then costs two counters instead of seven
 * queries (BENCHMARKS.md, "The gateway's serving targets").
 */
export function databaseFiguresOf(sqlite: Sqlite): () => DatabaseFigures {
  let seen: string | undefined;
  let figures: DatabaseFigures | undefined;
  return () => {
    const mark = changeMark(sqlite);
    if (figures === undefined || mark !== seen) {
      figures = readFigures(sqlite);
      seen = mark;
    }
    return figures;
  };
}

function changeMark(sqlite: Sqlite): string {
  const { version, changes } = prepared(
    sqlite,
    "SELECT (SELECT data_version FROM pragma_data_version) AS version, total_changes() AS changes",
  ).get() as { version: number; changes: number };
  return `${version}:${changes}`;
}

function readFigures(sqlite: Sqlite): DatabaseFigures {
  return {
    lastSuccess: lastSuccessPerConnector(sqlite),
    held: heldRunsPerConnector(sqlite),
    attention: attentionPerConnector(sqlite),
    people: peoplePerState(sqlite),
    budgets: groupBudgetOfLastRuns(sqlite),
  };
}
