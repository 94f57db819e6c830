import type { AppliedChange, AppliedRun } from "./applied-run.js";
import type { PreviewReport } from "./preview-types.js";

/** How a stored preview compares with the run that applied after it. */
export interface RunComparison {
  readonly runId: number;
  /** not comparable: something else was applied between the preview and this run. */
  readonly verdict: "matches" | "differs" | "not comparable";
  readonly differences: readonly string[];
  /** What the comparison could rely on, in words for the admin. */
  readonly basis: string;
}

const BY_DIGEST = "the run's change-set digest, its counters and its history";
const BY_HISTORY =
  "the run's counters and its history (state changes and changed user attributes); the run recorded no change-set digest, so groups are compared by count only";

/**
 * Compares a preview with what a run recorded: created/updated/removed counts, every history row (state changes with
 * their reasons, every changed user attribute old → new) and, when the run recorded one, the change-set digest,
 * which covers every resource's content, groups included.
 */
export function compareWithRun(report: PreviewReport, run: AppliedRun): RunComparison {
  if (run.baseGen !== report.baseGen) {
    return {
      runId: run.id,
      verdict: "not comparable",
      differences: [
        `run #${run.id} started from generation ${run.baseGen ?? "?"}, the preview from generation ${report.baseGen}: something was applied in between`,
      ],
      basis: "",
    };
  }
  const differences: string[] = [];
  for (const counter of ["created", "updated", "removed"] as const) {
    const expected = report.summary[counter];
    const applied = run.stats?.[counter] ?? 0;
    if (expected !== applied) differences.push(`${counter} resources: preview ${expected}, run ${applied}`);
  }
  const hiddenReasons = new Set(
    report.people.filter((person) => person.state && person.reason === null).map((person) => person.externalId),
  );
  const applied = run.history.map((row) => historyLine(row, hiddenReasons.has(row.person)));
  const { missing, extra } = multisetDifference(expectedHistory(report), applied);
  for (const line of missing) differences.push(`in the preview, not applied: ${line}`);
  for (const line of extra) differences.push(`applied, not in the preview: ${line}`);
  if (run.digest !== null && run.digest !== report.digest)
    differences.push("the change-set digests differ: some resource was served with other content than previewed");
  return {
    runId: run.id,
    verdict: differences.length === 0 ? "matches" : "differs",
    differences,
    basis: run.digest !== null ? BY_DIGEST : BY_HISTORY,
  };
}

/** The person_changes rows the previewed run would write (sync/history.ts), one line each. */
export function expectedHistory(report: PreviewReport): string[] {
  const lines: string[] = [];
  for (const person of report.people) {
    if (person.state) {
      lines.push(
        historyLine(
          {
            person: person.externalId,
            field: "state",
            oldValue: person.state.from,
            newValue: person.state.to,
            reason: person.reason,
          },
          person.reason === null,
        ),
      );
    }
    // The history lists attributes of updated users only, and leaves `active` to the state row.
    if (person.change === "appears" || person.change === "disappears") continue;
    for (const field of person.fields) {
      if (field.field !== "active")
        lines.push(
          historyLine(
            { person: person.externalId, field: field.field, oldValue: field.old, newValue: field.new, reason: null },
            false,
          ),
        );
    }
  }
  return lines;
}

function historyLine(row: AppliedChange, withoutReason: boolean): string {
  const reason = row.reason !== null && !withoutReason ? ` (${row.reason})` : "";
  return `${row.person} ${row.field}: ${row.oldValue ?? "—"} → ${row.newValue ?? "—"}${reason}`;
}

function multisetDifference(
  expected: readonly string[],
  actual: readonly string[],
): { missing: string[]; extra: string[] } {
  const counts = new Map<string, number>();
  for (const line of expected) counts.set(line, (counts.get(line) ?? 0) + 1);
  const extra: string[] = [];
  for (const line of actual) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else extra.push(line);
  }
  const missing = [...counts].flatMap(([line, count]) => Array<string>(count).fill(line));
  return { missing, extra };
}
