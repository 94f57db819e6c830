import type { RunTrigger } from "../../../../sync/run-store.js";
import { formatCount } from "../../../views/format.js";

/** English: the sync runs list, a run's page, a held run and its decision. nl/run-pages.ts is typed as this. */
export const runPages = {
  title: "Sync runs",
  connector: "Connector",
  allConnectors: "All connectors",
  show: "Show",
  none: "No sync runs yet.",
  columns: {
    run: "Run",
    connector: "Connector",
    started: "Started",
    trigger: "Trigger",
    status: "Status",
    duration: "Duration",
    result: "Result",
  },
  olderRuns: "Older runs",
  triggers: {
    schedule: "schedule",
    daily: "daily",
    manual: "manual",
    cli: "cli",
    approval: "approval",
  } satisfies Record<RunTrigger, string>,
  noSuchRunTitle: "No such run",
  noSuchRunText: "This sync run does not exist (it may have been purged).",
  runTitle: (id: number) => `Sync run #${id}`,
  approvedDone: "The run was approved and its changes are served to Okta now.",
  rejectedDone: "The run was rejected; nothing it planned was applied.",
  facts: {
    status: "Status",
    connector: "Connector",
    trigger: "Trigger",
    started: "Started",
    finished: "Finished",
    stillRunning: "still running",
    duration: "Duration",
    counts: "Counts",
    oktaLogin: "Okta login",
    sourceCalls: "Source calls",
    callsAndSize: (calls: number, kib: number) => `${formatCount(calls, "en")} calls, ${formatCount(kib, "en")} KiB`,
    message: "Message",
    brake: "Brake",
    brakeTripped: "The brake tripped:",
    decideHolds: "Decide the holds",
    decided: "Decided",
  },
  changesTitle: (count: number) => `Changes (${formatCount(count, "en")})`,
  nothingWhileHeld: "Nothing is applied while the run is held.",
  changedNothing: "This run changed nothing for anyone.",
  unchangedSince: (runId: number) =>
    `HR, the settings and the decisions were as run ${runId} read them: this run planned nothing and changed nothing.`,
  changesLabel: "Changes of this run",
  changeColumns: { person: "Person", field: "Field", before: "Before", after: "After", why: "Why" },
  moreChanges: "More changes",
  nothingToDecideTitle: "Nothing to decide",
  nothingToDecideText: "This run is not waiting for a decision.",
  couldNotApprove: (id: number) => `Could not approve run #${id}`,
  couldNotReject: (id: number) => `Could not reject run #${id}`,
  held: {
    title: "Waiting for approval",
    text: (count: number) =>
      `This run switches the connector to the other Nmbrs API, and ${formatCount(count, "en")} ${count === 1 ? "person" : "people"} could not be matched: Okta would see them deactivated, or as new users (marked "pending"). A switch is applied whole or not at all, so nothing is applied until you approve it. Check the list against HR first (docs/migrate-to-rest.md).`,
    people: "people",
    decidesAll: "approving or rejecting decides for all of them.",
    affectedLabel: "Affected people",
    columns: { person: "Person", from: "From", to: "To", why: "Why" },
    approve: "Approve…",
    reject: "Reject…",
  },
  confirm: {
    approveTitle: (id: number) => `Approve run #${id}?`,
    rejectTitle: (id: number) => `Reject run #${id}?`,
    crumb: (id: number) => `Run #${id}`,
    approveText: (count: number) =>
      `Applying this run deactivates or stops serving ${formatCount(count, "en")} ${count === 1 ? "person" : "people"} in Okta at its next import.`,
    rejectText:
      "Rejecting discards this run's plan; Okta keeps seeing what it sees now. The next scheduled run will be checked again.",
    approveButton: "Yes, approve and apply",
    rejectButton: "Yes, reject",
    cancel: "Cancel",
  },
};

export type RunPageMessages = typeof runPages;
