/**
 * Failures tests switch on and off while a simulator runs, for any kind of fault. A rule matches by operation name
 * and/or company id; without either it matches every call. Shared by the SOAP and the REST side.
 */
export interface FaultRuleOf<Fault> {
  readonly fault: Fault;
  readonly operation?: string;
  readonly companyId?: number;
  /** Fail only this many matching calls, then answer normally ("fail next K calls then succeed"). */
  readonly times?: number;
}

export class FaultRules<Fault> {
  private rules: (FaultRuleOf<Fault> & { remaining: number })[] = [];

  add(rule: FaultRuleOf<Fault>): this {
    this.rules.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    return this;
  }

  clear(): this {
    this.rules = [];
    return this;
  }

  /** The fault for this call, if any; consumes one of a limited rule's failures. */
  take(operation: string, companyId: number | null): Fault | undefined {
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
