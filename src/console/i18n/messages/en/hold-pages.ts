import type { HoldStatus } from "../../../../sync/holds/person-holds.js";
import type { HoldKind } from "../../../../sync/plan-types.js";
import { formatCount } from "../../../views/format.js";

const holds = (n: number) => `${formatCount(n, "en")} ${n === 1 ? "hold" : "holds"}`;

/** English: the Holds page, its sections and the confirmation page (docs/holds.md). nl/hold-pages.ts matches. */
export const holdPages = {
  title: (connector: string) => `Holds · ${connector}`,
  holds: "Holds",
  approvedTitle: (n: number) => `${holds(n)} approved`,
  approvedText: "A sync run started to apply them;",
  followIt: "follow it under Sync runs",
  approvedAfter: ". Okta sees the change at its next import.",
  rejectedTitle: (n: number) => `${holds(n)} rejected`,
  rejectedText: "These people stay as Okta sees them now, and later runs do not ask again until their HR data changes.",
  nobodyHeld: "Nobody is held: every change of the last run was applied.",
  nothingDecided: "Nothing decided",
  noLongerWaiting: "None of these holds is waiting for this decision any more.",
  tickSomeone: "Tick at least one person, or use a button for all of them.",
  /** How each kind of hold is named, and what approving it does. */
  kinds: {
    brake: {
      badge: "brake",
      title: "Deactivations held by the brake",
      approveMeans:
        "Approving applies the deactivation or removal at a sync that starts at once; Okta acts at its next import.",
    },
    email_domain: {
      badge: "e-mail domain",
      title: "E-mail address moved to another domain",
      approveMeans:
        "Approving serves the new address as the person's userName (Okta renames the account at its next import).",
    },
    emptied: {
      badge: "emptied",
      title: "Watched attribute became empty",
      approveMeans: "Approving serves the person without the emptied attribute.",
    },
    no_email: {
      badge: "no e-mail",
      title: "No usable e-mail address",
      approveMeans: "Okta cannot hold a user without one: approving deactivates the account until HR adds an address.",
    },
    no_name: {
      badge: "no name",
      title: "First or last name missing",
      approveMeans: "Okta cannot hold a user without one: approving deactivates the account until HR fixes the name.",
    },
    conflict: {
      badge: "conflict",
      title: "userName also claimed by someone else",
      approveMeans:
        "Approving deactivates this account (Okta would otherwise merge the two people); fix the address in HR to serve it again.",
    },
    mapping: {
      badge: "mapping",
      title: "A mapping expression failed for this person",
      approveMeans:
        "Approving deactivates this account until the expression or the HR data is fixed (docs/mapping.md).",
    },
  } satisfies Record<HoldKind, { badge: string; title: string; approveMeans: string }>,
  statuses: { pending: "waiting", approved: "approved", rejected: "rejected" } satisfies Record<HoldStatus, string>,
  rejectingKeeps: "Rejecting keeps the person as Okta sees them now.",
  holdsWhat: "holds",
  buttonsDecideAll: "the buttons per company and for all of them decide every one.",
  selectAll: (n: number) => `Select all ${formatCount(n, "en")} waiting`,
  select: (name: string) => `Select ${name}`,
  columns: {
    employeeNumber: "Employee no.",
    person: "Person",
    company: "Company",
    why: "Why",
    since: "Held since",
    decision: "Decision",
  },
  approveSelected: "Approve selected…",
  rejectSelected: "Reject selected…",
  company: (number: string) => `company ${number}`,
  whyBrake: "Why the brake tripped",
  run: (id: number) => `Run #${id}`,
  brakeUnrecorded: " held these deactivations (it was recorded before runs kept the brake's numbers).",
  halfEmpty:
    "A source that answers half empty looks exactly like a wave of leavers: check the people against HR before approving.",
  perCompany: "Held per company",
  companyColumns: { company: "Company", number: "Number", held: "Held" },
  ofCompany: (company: string) => `of ${company}`,
  ofEveryCompany: "of every company",
  approveAllOf: (what: string) => `Approve all ${what}`,
  rejectAllOf: (what: string) => `Reject all ${what}`,
  approveAll: "Approve all…",
  rejectAll: "Reject all…",
  confirm: {
    approveTitle: (n: number) => `Approve ${holds(n)}?`,
    rejectTitle: (n: number) => `Reject ${holds(n)}?`,
    changedTitle: "The holds changed",
    changedText: (confirmed: number, now: number) =>
      `You confirmed ${holds(confirmed)}; ${formatCount(now, "en")} match now (a run or another admin changed them). Nothing was decided: check the list again.`,
    rejectText:
      "Rejecting keeps these people as Okta sees them now; later runs do not ask again until their HR data changes.",
    people: "people",
    coversAll: (n: number) => `the decision covers all ${formatCount(n, "en")} of them.`,
    toApprove: "People to approve",
    toReject: "People to reject",
    approveButton: (n: number) => `Yes, approve ${holds(n)}`,
    rejectButton: (n: number) => `Yes, reject ${holds(n)}`,
    cancel: "Cancel",
  },
};

export type HoldPageMessages = typeof holdPages;
