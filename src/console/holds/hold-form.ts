import * as v from "valibot";
import type { HoldSelection } from "../../sync/holds/person-holds.js";
import type { HoldKind } from "../../sync/plan-types.js";
import { HOLD_KIND_ORDER } from "./hold-labels.js";

const holdForm = v.object({
  decision: v.picklist(["approve", "reject"], "choose approve or reject"),
  scope: v.optional(v.picklist(["selected", "all"]), "selected"),
  kind: v.optional(v.union([v.literal(""), v.picklist(HOLD_KIND_ORDER)]), ""),
  company: v.optional(v.pipe(v.string(), v.maxLength(64)), ""),
  id: v.optional(v.array(v.pipe(v.string(), v.regex(/^\d{1,15}$/, "hold ids are numbers"))), []),
  confirm: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,15}$/, "the confirmed count is a number"), v.transform(Number)),
  ),
});

/** The error of a form that ticked nobody: the one an admin makes by hand, so the page words it (holdPages.tickSomeone). */
export const NONE_TICKED = "tick at least one person, or use a button for all of them";

export interface HoldDecisionRequest {
  readonly status: "approved" | "rejected";
  readonly selection: HoldSelection;
  /** How many holds the admin confirmed deciding; undefined until they have seen the count. */
  readonly confirmed: number | undefined;
}

/**
 * The decision form: Approve/Reject for the ticked holds, or for all open holds of a kind (and company). A form
 * that names nothing is refused rather than read as "all". `confirm` carries the count the admin confirmed.
 */
export function parseHoldForm(
  body: Record<string, string | File | (string | File)[]>,
): HoldDecisionRequest | { readonly error: string } {
  const ids = body["id"] === undefined ? [] : ([] as unknown[]).concat(body["id"]);
  const parsed = v.safeParse(holdForm, { ...body, id: ids });
  if (!parsed.success) return { error: parsed.issues.map((issue) => issue.message).join("; ") };
  const { decision, scope, kind, company, id, confirm } = parsed.output;
  const status = decision === "approve" ? "approved" : "rejected";
  if (scope === "all") {
    return {
      status,
      selection: { all: true, kind: (kind || undefined) as HoldKind | undefined, companyNumber: company || undefined },
      confirmed: confirm,
    };
  }
  if (id.length === 0) return { error: NONE_TICKED };
  return { status, selection: { ids: id.map(Number) }, confirmed: confirm };
}
