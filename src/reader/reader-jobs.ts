import type { Sqlite } from "../db/open.js";
import { readKeyedForecast, type KeyedForecast } from "../forecast/next-import.js";
import { readPageRows, type PagePlan, type PageRows } from "../scim/list/query-page.js";
import type { StatementCache } from "../scim/list/statement-cache.js";

/**
 * What a reader (reader-thread.ts) does: reads that may take seconds, which on the serving thread would hold up
 * every other request. Jobs and answers cross threads as structured clones, so they are plain data.
 */
export type ReaderJob =
  /** A SCIM list page whose filter or sort no index answers (src/scim/list/query-page.ts). */
  | { readonly kind: "page"; readonly plan: PagePlan }
  /** The forecast of a connector's next Okta import (src/forecast/), okta_links already recorded. */
  | { readonly kind: "forecast"; readonly connectorId: string };

export interface ReaderAnswers {
  readonly page: PageRows;
  readonly forecast: KeyedForecast;
}

export type ReaderAnswer<J extends ReaderJob> = ReaderAnswers[J["kind"]];

export function runReaderJob<J extends ReaderJob>(sqlite: Sqlite, statements: StatementCache, job: J): ReaderAnswer<J> {
  const answer = job.kind === "page" ? readPageRows(statements, job.plan) : readKeyedForecast(sqlite, job.connectorId);
  return answer as ReaderAnswer<J>;
}
