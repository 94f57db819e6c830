/**
 * Faults the simulator answers instead of data. `target` is an endpoint ("employers", "employees", "employments",
 * "organizationalentities", "departments", "functions") or "*"; `times` how many requests it hits (default all),
 * `page` the pageNumber it applies to (default every page).
 */
export type LoketFault =
  | { readonly kind: 401 | 403 | 404 | 500 | 503 }
  | { readonly kind: 429; readonly retryAfterSeconds: number }
  | { readonly kind: "garbage" }
  | { readonly kind: "no-embedded" };

export type LoketEndpoint =
  | "employers"
  | "employees"
  | "employments"
  | "organizationalentities"
  | "departments"
  | "functions";

export interface LoketFaultRule {
  readonly target: LoketEndpoint | "*";
  readonly fault: LoketFault;
  times?: number;
  readonly page?: number;
}

export class LoketFaults {
  private rules: LoketFaultRule[] = [];

  add(rule: LoketFaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any; counts it against the rule's `times`. */
  take(target: LoketEndpoint, page: number): LoketFault | null {
    const rule = this.rules.find(
      (candidate) =>
        (candidate.target === "*" || candidate.target === target) &&
        (candidate.page === undefined || candidate.page === page) &&
        (candidate.times === undefined || candidate.times > 0),
    );
    if (!rule) return null;
    if (rule.times !== undefined) rule.times--;
    return rule.fault;
  }
}

/** Loket's message list, in the envelope and (INFERRED) in error bodies: `{code, description, id, properties, type}`. */
export function loketMessages(description: string, type = "BrokenBusinessRule"): string {
  return JSON.stringify({ messages: [{ code: 0, description, id: null, properties: null, type }] });
}
