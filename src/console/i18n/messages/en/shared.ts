import type { PersonState } from "../../../../lifecycle/lifecycle-state.js";
import { formatCount } from "../../../views/format.js";

/** English: bits several pages share (cut lists, secrets, person states, the CSRF refusal). nl/shared.ts matches. */
export const shared = {
  /** "Showing the first 200 of 52,000 people;" — the page adds where the rest are. */
  rowsShown: (shown: number, total: number, what: string) =>
    `Showing the first ${formatCount(shown, "en")} of ${formatCount(total, "en")} ${what};`,
  secretStored: "•••• stored",
  secretKeep: "•••• stored; leave empty to keep.",
  personStates: {
    pending: "pending",
    active: "active",
    inactive: "inactive",
    removed: "removed",
    problem: "problem",
  } satisfies Record<PersonState, string>,
  csrfRefused: "This form has expired or did not come from the console. Reload the page and try again.",
  cancel: "Cancel",
};

export type SharedMessages = typeof shared;
