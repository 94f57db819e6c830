import { HOLD_KINDS, type HoldKind } from "../../sync/plan-types.js";

/**
 * The order the kinds of hold are shown in. How each is named and what approving it does is in the catalogue
 * (holdPages.kinds; docs/holds.md).
 */
export const HOLD_KIND_ORDER: readonly HoldKind[] = HOLD_KINDS;
