import { FaultRules, type FaultRuleOf } from "../fault-rules.js";

/**
 * Failures tests switch on and off while the simulator runs. A rule matches by operation (`"Service.Operation"`,
 * e.g. `"EmployeeService.List_GetByCompany"`) and/or company id; without either it matches every call.
 */

export type SimFault =
  /**
   * An Nmbrs business fault (HTTP 500, `---> code: …`). `echoRequest` appends the request's AuthHeader, token and
   * all, to the fault text, as a server that quotes the request it could not handle does.
   */
  | { readonly kind: "nmbrs"; readonly code: number; readonly message?: string; readonly echoRequest?: boolean }
  /** A bare HTTP error without a SOAP body, as a load balancer would send. */
  | { readonly kind: "http"; readonly status: number }
  /** Answer normally after `ms` (or never, if the client gives up first). */
  | { readonly kind: "delay"; readonly ms: number }
  /** Answer normally once `until` settles: a slow Nmbrs whose answer the test releases at the moment it needs. */
  | { readonly kind: "hold"; readonly until: Promise<void> }
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

/** A SOAP fault rule: operations are named `"Service.Operation"`. */
export type FaultRule = FaultRuleOf<SimFault>;

export class FaultController extends FaultRules<SimFault> {
  private authRevoked = false;

  override clear(): this {
    this.authRevoked = false;
    return super.clear();
  }

  /** From now on every call fails with 1001, as if the API token was revoked mid-run. */
  revokeAuth(): this {
    this.authRevoked = true;
    return this;
  }

  get isAuthRevoked(): boolean {
    return this.authRevoked;
  }
}
