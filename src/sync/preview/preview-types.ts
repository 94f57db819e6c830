import type { GroupBudgetReport } from "../../lifecycle/group-budget.js";
import type { PersonState } from "../../lifecycle/lifecycle-state.js";
import type { PersonHold, PlanCounts } from "../plan-types.js";

/**
 * A whole-run preview (dry run): what the next sync would change for Okta, computed from a real read of the source
 * and the directory's own diff in a transaction that is rolled back. Holds only what the SCIM API serves (plus
 * lifecycle reasons of served people): it is exported as CSV and JSON and kept in the database.
 */
export interface PreviewReport {
  readonly connectorId: string;
  readonly createdAt: string;
  /** The generation served when the preview was computed: the run it predicts starts from this one. */
  readonly baseGen: number;
  readonly summary: PreviewSummary;
  readonly people: readonly PersonPreview[];
  readonly groups: readonly GroupPreview[];
  /**
   * People the run would hold for approval (docs/holds.md) instead of changing them: the brake's deactivations and
   * bad data. Their changes are not in `people`: the run leaves them as Okta sees them.
   */
  readonly held: readonly PersonHold[];
  /** Why the brake would trip; null when it would not. */
  readonly brakeReason: string | null;
  /** The run's groups and /Groups pages against the connector's budget; absent in previews made before it existed. */
  readonly groupBudget?: GroupBudgetReport;
  /** The change-set digest (change-digest.ts): equal to the applying run's when it applied exactly this. */
  readonly digest: string;
}

/** The plan's counts (people listed, users served before and after, groups, problems), then the changes. */
export interface PreviewSummary extends PlanCounts {
  /** People per kind of change (see {@link PersonChange}). */
  readonly appears: number;
  readonly changes: number;
  readonly deactivates: number;
  readonly reactivates: number;
  readonly disappears: number;
  readonly lifecycleOnly: number;
  readonly groupsCreated: number;
  readonly groupsChanged: number;
  readonly groupsRemoved: number;
  /** Resources (users and groups) as the run's stats count them. */
  readonly created: number;
  readonly updated: number;
  readonly removed: number;
  /** People the run would hold for approval. */
  readonly held: number;
}

/**
 * appears: newly served · changes: attributes change, still as active · deactivates / reactivates: `active` turns
 * false / true · disappears: no longer served · lifecycle: the state changes but nothing Okta sees does.
 */
export type PersonChange = "appears" | "changes" | "deactivates" | "reactivates" | "disappears" | "lifecycle";

export interface FieldChange {
  /** SCIM attribute path, as the run history writes it ("name.givenName", "urn:…:User:department", "active"). */
  readonly field: string;
  readonly old: string | null;
  readonly new: string | null;
}

export interface PersonPreview {
  readonly change: PersonChange;
  /** The SCIM id Okta knows; null for someone who appears (the applying run gives them their id). */
  readonly scimId: string | null;
  /** The source's key for the person (SCIM externalId). */
  readonly externalId: string;
  /** Null for someone Okta neither sees now nor will see (lifecycle-only changes of unserved people). */
  readonly userName: string | null;
  readonly displayName: string | null;
  /** Lifecycle state before → after, when it changes. */
  readonly state: { readonly from: PersonState | null; readonly to: PersonState } | null;
  /** Why the person is in this state (docs/lifecycle.md); null for people Okta does not see. */
  readonly reason: string | null;
  /** Every changed attribute; for someone who appears, every attribute (old null). */
  readonly fields: readonly FieldChange[];
}

export type GroupChange = "created" | "changes" | "removed";

export interface GroupPreview {
  readonly change: GroupChange;
  /** Null for a group the run creates. */
  readonly scimId: string | null;
  readonly displayName: string;
  /** Members by display name. */
  readonly membersAdded: readonly string[];
  readonly membersRemoved: readonly string[];
  /** Other changed attributes (a renamed group's displayName). */
  readonly fields: readonly FieldChange[];
}
