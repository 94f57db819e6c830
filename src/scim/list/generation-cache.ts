import type { Sqlite } from "../../db/open.js";
import { countInGeneration, seqsInGeneration } from "../../directory/read-generation.js";
import type { ResourceType } from "../../directory/resource.js";
import type { ConnectorState } from "./connector-state.js";
import { BoundedMap } from "./bounded-map.js";

/**
 * Facts about one generation that never change once it is committed: how many resources it has, and the seq at
 * each list position. Counting 100,000 rows for every page of an import would cost more than the page itself.
 */
export class GenerationCache {
  private readonly totals = new BoundedMap<string, number>(256);
  // Position indexes cost 8 bytes a resource; a few are enough for the imports running at one time.
  private readonly positions = new BoundedMap<string, Float64Array>(4);

  constructor(private readonly sqlite: Sqlite) {}

  total(connector: ConnectorState, type: ResourceType, gen: number): number {
    const key = cacheKey(connector, type, gen);
    let total = this.totals.get(key);
    if (total === undefined) {
      total = countInGeneration(this.sqlite, connector.id, type, gen);
      this.totals.set(key, total);
    }
    return total;
  }

  /** The seq of the resource at 1-based list `position`, via a position index built on first use. */
  seqAt(connector: ConnectorState, type: ResourceType, gen: number, position: number): number | undefined {
    const key = cacheKey(connector, type, gen);
    let seqs = this.positions.get(key);
    if (!seqs) {
      seqs = seqsInGeneration(this.sqlite, connector.id, type, gen);
      this.positions.set(key, seqs);
    }
    return seqs[position - 1];
  }
}

function cacheKey(connector: ConnectorState, type: ResourceType, gen: number): string {
  return `${connector.id}\u0000${connector.incarnation}\u0000${type}\u0000${gen}`;
}
