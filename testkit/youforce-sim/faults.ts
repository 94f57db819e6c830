/**
 * Faults the simulator answers instead of data. `target` is an endpoint (e.g. "persons"), "token" (the token
 * endpoint) or "*"; `times` how many requests it hits (default every one).
 */
export type YouforceFault =
  | { readonly kind: 401 | 403 | 404 | 500 | 503 }
  | { readonly kind: 429; readonly retryAfterSeconds?: number }
  | { readonly kind: "garbage" }
  | { readonly kind: "token-error"; readonly error: string; readonly status?: 400 | 401 };

export interface YouforceFaultRule {
  readonly target: string;
  readonly fault: YouforceFault;
  times?: number;
}

export class YouforceFaults {
  private rules: YouforceFaultRule[] = [];

  add(rule: YouforceFaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any; counts it against the rule's `times`. */
  take(target: string): YouforceFault | null {
    const rule = this.rules.find(
      (candidate) =>
        (candidate.target === "*" || candidate.target === target) &&
        (candidate.times === undefined || candidate.times > 0),
    );
    if (!rule) return null;
    if (rule.times !== undefined) rule.times--;
    return rule.fault;
  }
}
