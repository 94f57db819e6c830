import type { Clock } from "../../clock.js";
import { BoundedMap } from "../list/bounded-map.js";

export interface ThrottleLimits {
  /** Failed attempts allowed per client address within `windowMs`… */
  readonly maxFailures: number;
  readonly windowMs: number;
  /** …and how many addresses are remembered (the oldest are forgotten first). */
  readonly maxAddresses: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { maxFailures: 10, windowMs: 60_000, maxAddresses: 10_000 };

/**
 * Sliding window of failed authentications per client address. Each failure costs a 50 ms scrypt, so after a few
 * the address gets 429 before any hashing; Okta honours the integer Retry-After and backs off.
 */
export class FailedAuthThrottle {
  private readonly failures: BoundedMap<string, number[]>;

  constructor(
    private readonly clock: Clock,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
  ) {
    this.failures = new BoundedMap(limits.maxAddresses);
  }

  /** Whole seconds the address must wait before trying again; 0 when it may try now. */
  retryAfterSeconds(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.limits.maxFailures) return 0;
    const freeAt = recent[recent.length - this.limits.maxFailures]! + this.limits.windowMs;
    return Math.max(1, Math.ceil((freeAt - this.clock().getTime()) / 1000));
  }

  recordFailure(address: string): void {
    const recent = this.recent(address);
    recent.push(this.clock().getTime());
    this.failures.set(address, recent.slice(-this.limits.maxFailures));
  }

  private recent(address: string): number[] {
    const since = this.clock().getTime() - this.limits.windowMs;
    return (this.failures.get(address) ?? []).filter((at) => at > since);
  }
}
