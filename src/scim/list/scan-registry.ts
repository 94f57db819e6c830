import { randomUUID } from "node:crypto";
import type { Clock } from "../../clock.js";
import type { ResourceType } from "../../directory/resource.js";
import { BoundedMap } from "./bounded-map.js";
import type { ConnectorState } from "./connector-state.js";

/** Who is scanning: the same connector, credential and resource type continue one scan. */
export interface ScanOrigin {
  readonly credentialId: number;
  readonly userAgent: string | null;
  readonly clientAddress: string;
}

/** One unfiltered list scan in progress, pinned to the generation it started on. */
export interface Scan {
  readonly id: string;
  readonly connectorId: string;
  readonly type: ResourceType;
  readonly gen: number;
  readonly origin: ScanOrigin;
  readonly pageSize: number;
  readonly startedAt: Date;
  /** The startIndex of the page that would follow the last one served. */
  nextIndex: number;
  /** The seq of the last resource served: where the next page's keyset seek starts. */
  lastSeq: number;
  pages: number;
  served: number;
  lastUsedAt: number;
}

export interface ScanLimits {
  /** A scan that asks for no page for this long is forgotten and its generation released. */
  readonly idleMs: number;
  readonly maxScans: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { idleMs: 15 * 60_000, maxScans: 256 };

/**
 * Import-consistent paging. Okta reads 1,000 pages one after the other; if a sync commits in between, the positions
 * shift and a plain OFFSET would serve some users twice and skip others, which Okta then deactivates. So a scan that
 * starts at startIndex=1 pins the generation it began on, and its following pages are read from that generation.
 * The sync asks `oldestPinnedGeneration` before pruning, so pinned rows stay until the scan ends or goes idle.
 *
 * One registry per process, shared by the SCIM app and the sync service.
 */
export class ScanRegistry {
  private readonly scans: BoundedMap<string, Scan>;

  constructor(
    private readonly clock: Clock,
    private readonly limits: ScanLimits = DEFAULT_SCAN_LIMITS,
  ) {
    this.scans = new BoundedMap(limits.maxScans);
  }

  /** Starts (or restarts) the scan of this origin, pinned to the connector's current generation. */
  start(connector: ConnectorState, type: ResourceType, origin: ScanOrigin, pageSize: number): Scan {
    const now = this.clock();
    const scan: Scan = {
      id: randomUUID(),
      connectorId: connector.id,
      type,
      gen: connector.gen,
      origin,
      pageSize,
      startedAt: now,
      nextIndex: 1,
      lastSeq: 0,
      pages: 0,
      served: 0,
      lastUsedAt: now.getTime(),
    };
    this.scans.set(scanKey(connector, type, origin), scan);
    return scan;
  }

  /** The live scan of this origin, if it has not gone idle. */
  find(connector: ConnectorState, type: ResourceType, origin: ScanOrigin): Scan | undefined {
    const key = scanKey(connector, type, origin);
    const scan = this.scans.get(key);
    if (!scan) return undefined;
    if (this.isIdle(scan)) {
      this.scans.delete(key);
      return undefined;
    }
    return scan;
  }

  /** Records a served page; a scan that reached the end releases its pin. */
  pageServed(connector: ConnectorState, scan: Scan, page: { nextIndex: number; lastSeq: number; items: number; complete: boolean }): void {
    scan.nextIndex = page.nextIndex;
    scan.lastSeq = page.lastSeq;
    scan.pages += 1;
    scan.served += page.items;
    scan.lastUsedAt = this.clock().getTime();
    if (page.complete) this.scans.delete(scanKey(connector, scan.type, scan.origin));
  }

  /** The oldest generation a live scan of the connector still reads; undefined when none does. */
  oldestPinnedGeneration(connectorId: string): number | undefined {
    this.scans.deleteWhere((scan) => this.isIdle(scan));
    let oldest: number | undefined;
    for (const scan of this.scans.values()) {
      if (scan.connectorId === connectorId && (oldest === undefined || scan.gen < oldest)) oldest = scan.gen;
    }
    return oldest;
  }

  private isIdle(scan: Scan): boolean {
    return this.clock().getTime() - scan.lastUsedAt > this.limits.idleMs;
  }
}

function scanKey(connector: ConnectorState, type: ResourceType, origin: ScanOrigin): string {
  return `${connector.id}\u0000${connector.incarnation}\u0000${type}\u0000${origin.credentialId}`;
}
