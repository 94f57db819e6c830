import { randomUUID } from "node:crypto";
import type { Clock } from "../../clock.js";
import type { ResourceType } from "../../directory/resource.js";
import type { ConnectorState } from "./connector-state.js";

/** Who is scanning: the credential scopes a scan; user agent and address only help tell two scans apart. */
export interface ScanOrigin {
  readonly credentialId: number;
  readonly userAgent: string | null;
  readonly clientAddress: string;
}

/** One unfiltered list scan in progress, pinned to the generation it started on. */
export interface Scan {
  readonly id: string;
  /** Connector incarnation, resource type and credential: the scans a request may continue. */
  readonly scope: string;
  readonly connectorId: string;
  readonly type: ResourceType;
  readonly gen: number;
  readonly origin: ScanOrigin;
  readonly pageSize: number;
  readonly startedAt: Date;
  /** The startIndex of the page that would follow the last one served. */
  nextIndex: number;
  /** The startIndex of the last page served: a request for it again is a retry. */
  lastStartIndex: number;
  /** The seq of the last resource served: where the next page's keyset seek starts. */
  lastSeq: number;
  pages: number;
  served: number;
  lastUsedAt: number;
  /** When the scan was last started or continued, counted in requests: orders scans that the clock cannot. */
  lastTurn: number;
}

export interface ScanLimits {
  /** A scan that asks for no page for this long is forgotten and its generation released. */
  readonly idleMs: number;
  /** Live scans per credential and resource type: each pins a generation, so a client cannot pin without bound. */
  readonly maxScansPerCredential: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { idleMs: 15 * 60_000, maxScansPerCredential: 8 };

/** Which scan a page request reads, and whether it moves that scan on. */
export interface ScanChoice {
  readonly scan: Scan;
  /** True for a scan's first page and for the page it expects next; a retry or a jump only reads its generation. */
  readonly continues: boolean;
}

/**
 * Import-consistent paging. Okta reads 1,000 pages one after the other; if a sync commits in between, the positions
 * shift and a plain OFFSET would serve some users twice and skip others, which Okta then deactivates. So every
 * request at startIndex=1 starts a scan pinned to the current generation, and a scan is continued only by the
 * request for the page it expects next (same startIndex and count). Another client with the same credential (a
 * troubleshooting curl, a second import) starts a scan of its own and never moves a running one to a newer
 * generation. The sync asks `oldestPinnedGeneration` before pruning, so pinned rows stay until the scan ends or goes
 * idle.
 *
 * One registry per process, shared by the SCIM app and the sync service.
 */
export class ScanRegistry {
  /**
   * Live scans per connector incarnation, resource type and credential, oldest first. Keys come only from credentials
   * that verified, so there are few.
   */
  private readonly scopes = new Map<string, Scan[]>();
  private turns = 0;

  constructor(
    private readonly clock: Clock,
    private readonly limits: ScanLimits = DEFAULT_SCAN_LIMITS,
  ) {}

  /**
   * The scan a page request belongs to. startIndex=1 starts a new one. Otherwise the scans of the scope that expect
   * exactly this page (same startIndex and count) or that served it last (a retry) are candidates; the one whose
   * client looks most like the caller (user agent, then address) wins, a continuation before a retry, then the
   * scan used most recently: a client whose request is in flight has its scan just served, whereas an abandoned scan
   * (a curl, a restarted import) has waited since. Without a candidate, a jump reads the generation of the caller's
   * likeliest scan. Undefined when the scope has no live scan.
   */
  choose(
    connector: ConnectorState,
    type: ResourceType,
    origin: ScanOrigin,
    startIndex: number,
    count: number,
  ): ScanChoice | undefined {
    if (startIndex === 1 && count > 0) return { scan: this.start(connector, type, origin, count), continues: true };
    const scans = this.liveScans(scopeKey(connector, type, origin));
    const expects = (scan: Scan) => scan.nextIndex === startIndex && scan.pageSize === count;
    const repeats = (scan: Scan) => scan.pages > 0 && scan.lastStartIndex === startIndex && scan.pageSize === count;
    const rank = (scan: Scan) => [likeness(scan.origin, origin), expects(scan) ? 1 : 0, scan.lastTurn];
    const candidates = scans.filter((scan) => expects(scan) || repeats(scan));
    const chosen = best(candidates.length > 0 ? candidates : scans, rank);
    return chosen ? { scan: chosen, continues: expects(chosen) } : undefined;
  }

  /** Records a page served by a continuing scan; a scan that reached the end releases its pin. */
  pageServed(
    scan: Scan,
    page: { startIndex: number; nextIndex: number; lastSeq: number; items: number; complete: boolean },
  ): void {
    scan.lastStartIndex = page.startIndex;
    scan.nextIndex = page.nextIndex;
    scan.lastSeq = page.lastSeq;
    scan.pages += 1;
    scan.served += page.items;
    scan.lastUsedAt = this.clock().getTime();
    scan.lastTurn = ++this.turns;
    if (page.complete) this.forget(scan);
  }

  /** The oldest generation a live scan of the connector still reads; undefined when none does. */
  oldestPinnedGeneration(connectorId: string): number | undefined {
    let oldest: number | undefined;
    for (const key of [...this.scopes.keys()]) {
      for (const scan of this.liveScans(key)) {
        if (scan.connectorId === connectorId && (oldest === undefined || scan.gen < oldest)) oldest = scan.gen;
      }
    }
    return oldest;
  }

  private start(connector: ConnectorState, type: ResourceType, origin: ScanOrigin, pageSize: number): Scan {
    const now = this.clock();
    const key = scopeKey(connector, type, origin);
    const scans = this.liveScans(key);
    if (scans.length >= this.limits.maxScansPerCredential) this.forget(evictable(scans));
    const scan: Scan = {
      id: randomUUID(),
      scope: key,
      connectorId: connector.id,
      type,
      gen: connector.gen,
      origin,
      pageSize,
      startedAt: now,
      nextIndex: 1,
      lastStartIndex: 1,
      lastSeq: 0,
      pages: 0,
      served: 0,
      lastUsedAt: now.getTime(),
      lastTurn: ++this.turns,
    };
    this.scopes.set(key, [...this.liveScans(key), scan]);
    return scan;
  }

  /** The scope's scans that have not gone idle; idle ones are forgotten on the way. */
  private liveScans(key: string): Scan[] {
    const now = this.clock().getTime();
    const live = (this.scopes.get(key) ?? []).filter((scan) => now - scan.lastUsedAt <= this.limits.idleMs);
    if (live.length === 0) this.scopes.delete(key);
    else this.scopes.set(key, live);
    return live;
  }

  private forget(scan: Scan): void {
    const rest = (this.scopes.get(scan.scope) ?? []).filter((other) => other !== scan);
    if (rest.length === 0) this.scopes.delete(scan.scope);
    else this.scopes.set(scan.scope, rest);
  }
}

/**
 * The scan to drop when a credential starts one more than it may keep. The oldest running one is never chosen: that
 * is the import most likely to be Okta's, and the one a client that keeps restarting must not be able to push out.
 * Of the others, the one left unused longest goes: a running import asks for a page every few hundred milliseconds,
 * an abandoned curl or connection test never again.
 */
function evictable(scans: readonly Scan[]): Scan {
  return best(scans.slice(1), (scan) => [-scan.lastTurn]) ?? scans[0]!;
}

/** The scan ranking highest, comparing the ranks element by element. */
function best(scans: readonly Scan[], rank: (scan: Scan) => number[]): Scan | undefined {
  let chosen: { scan: Scan; rank: number[] } | undefined;
  for (const scan of scans) {
    const candidate = { scan, rank: rank(scan) };
    if (!chosen || outranks(candidate.rank, chosen.rank)) chosen = candidate;
  }
  return chosen?.scan;
}

function outranks(a: readonly number[], b: readonly number[]): boolean {
  const differs = a.findIndex((value, index) => value !== b[index]);
  return differs >= 0 && a[differs]! > b[differs]!;
}

/** 2 for the same user agent, plus 1 for the same address: Okta keeps its user agent, not always its address. */
function likeness(a: ScanOrigin, b: ScanOrigin): number {
  return (a.userAgent === b.userAgent ? 2 : 0) + (a.clientAddress === b.clientAddress ? 1 : 0);
}

function scopeKey(connector: ConnectorState, type: ResourceType, origin: ScanOrigin): string {
  return `${connector.id}\u0000${connector.incarnation}\u0000${type}\u0000${origin.credentialId}`;
}
