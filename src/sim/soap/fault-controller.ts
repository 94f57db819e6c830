/**
 * Failures tests switch on and off while the simulator runs. A rule matches by operation (`"Service.Operation"`,
 * e.g. `"EmployeeService.List_GetByCompany"`) and/or company id; without either it matches every call.
 */

export type SimFault =
  /** An Nmbrs business fault (HTTP 500, `---> code: …`). */
  | { readonly kind: "nmbrs"; readonly code: number; readonly message?: string }
  /** A bare HTTP error without a SOAP body, as a load balancer would send. */
  | { readonly kind: "http"; readonly status: number }
  /** Answer normally after `ms` (or never, if the client gives up first). */
  | { readonly kind: "delay"; readonly ms: number }
  /** Destroy the socket before answering. */
  | { readonly kind: "reset" }
  /** The real answer, cut off after `afterBytes` bytes (default 300). */
  | { readonly kind: "truncated"; readonly afterBytes?: number }
  /** HTTP 200 with a body that is not XML. */
  | { readonly kind: "garbage" }
  /** A "billion laughs" DOCTYPE that expands to gigabytes in a parser that expands entities. */
  | { readonly kind: "entity-expansion" }
  /** A well-formed answer of `bytes` bytes, generated while it is sent (never held in memory). */
  | { readonly kind: "huge"; readonly bytes: number };

export interface FaultRule {
  readonly fault: SimFault;
  readonly operation?: string;
  readonly companyId?: number;
  /** Fail only this many matching calls, then answer normally ("fail next K calls then succeed"). */
  readonly times?: number;
}

interface ActiveRule extends FaultRule {
  remaining: number;
}

export class FaultController {
  private rules: ActiveRule[] = [];
  private authRevoked = false;

  add(rule: FaultRule): this {
    this.rules.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    return this;
  }

  clear(): this {
    this.rules = [];
    this.authRevoked = false;
    return this;
  }

  /** From now on every call fails with 1001, as if the API token was revoked mid-run. */
  revokeAuth(): this {
    this.authRevoked = true;
    return this;
  }

  get isAuthRevoked(): boolean {
    return this.authRevoked;
  }

  /** The fault for this call, if any; consumes one of a limited rule's failures. */
  take(operation: string, companyId: number | null): SimFault | undefined {
    const rule = this.rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.operation === undefined || candidate.operation === operation) &&
        (candidate.companyId === undefined || candidate.companyId === companyId),
    );
    if (!rule) return undefined;
    rule.remaining--;
    return rule.fault;
  }
}
