/**
 * Faults the simulator answers instead of data, with AFAS's documented bodies (OAS-TS, OAS-SPEC components.responses).
 * `target` is a GetConnector id, "metainfo" (every metainfo call), or "*"; `times` how many requests it hits.
 */
export type AfasFault =
  | { readonly kind: 401 | 403 | 404 }
  | { readonly kind: 500; readonly message?: string }
  | { readonly kind: 503; readonly retryAfterSeconds: number }
  | { readonly kind: "garbage" }
  | { readonly kind: "no-rows" }
  | { readonly kind: "too-many-rows" }
  | { readonly kind: "hang" };

export interface AfasFaultRule {
  readonly target: string;
  readonly fault: AfasFault;
  /** Requests it applies to; default every one. */
  times?: number;
  /** The page (skip) it applies to; default every page. */
  readonly skip?: number;
}

export class AfasFaults {
  private rules: AfasFaultRule[] = [];

  add(rule: AfasFaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any; counts it against the rule's `times`. */
  take(target: string, skip: number | null): AfasFault | null {
    const rule = this.rules.find(
      (candidate) =>
        (candidate.target === "*" || candidate.target === target) &&
        (candidate.skip === undefined || candidate.skip === skip) &&
        (candidate.times === undefined || candidate.times > 0),
    );
    if (!rule) return null;
    if (rule.times !== undefined) rule.times--;
    return rule.fault;
  }
}

/** A 500 as Profit sends it: a generic errorNumber and the reference that finds the error in the logbook. */
export function profitError(message: string): string {
  return JSON.stringify({
    externalMessage: message,
    errorNumber: -2146232832,
    profitLogReference: "{4D8E0C6A-2B1F-4E55-9C3A-7F0E1D2B3C4A}",
  });
}
