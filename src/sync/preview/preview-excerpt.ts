import type { Sqlite } from "../../db/open.js";
import { appliedRunAfter } from "./applied-run.js";
import { compareWithRun, type RunComparison } from "./compare-with-run.js";
import { readPreview, type PreviewRecord } from "./preview-store.js";
import type { GroupPreview, PreviewReport } from "./preview-types.js";

/**
 * Entries the preview page shows per section (people, held, groups, a group's members). A first sync previews every
 * person: 50,000 rows are a page of tens of megabytes no browser shows usefully; the downloads hold everyone.
 */
export const PREVIEW_ROWS_SHOWN = 200;

/** A group as the page shows it: its members cut like the sections, with how many there are in all. */
export interface GroupExcerpt extends GroupPreview {
  readonly membersAddedTotal: number;
  readonly membersRemovedTotal: number;
}

/** What the preview page shows of a stored preview: the first rows of each section, the totals, the comparison. */
export interface PreviewExcerpt {
  readonly record: PreviewRecord;
  /** The report with at most `shown` entries per section. */
  readonly report: Omit<PreviewReport, "groups"> & { readonly groups: readonly GroupExcerpt[] };
  /** How many entries each section holds in the whole report. */
  readonly totals: { readonly people: number; readonly held: number; readonly groups: number };
  /** Null while no run has applied since the preview. */
  readonly comparison: RunComparison | null;
  readonly shown: number;
}

/**
 * Reads a stored preview and cuts it for the page. Unzipping and parsing the whole report and comparing it with the
 * run after it take seconds for a large one, so this runs on the console's reader thread (src/reader/).
 */
export function readPreviewExcerpt(
  sqlite: Sqlite,
  connectorId: string,
  previewId: number,
  shown = PREVIEW_ROWS_SHOWN,
): PreviewExcerpt | null {
  const found = readPreview(sqlite, connectorId, previewId);
  if (!found) return null;
  const { record, report } = found;
  const run = appliedRunAfter(sqlite, record);
  return {
    record,
    report: {
      ...report,
      people: report.people.slice(0, shown),
      held: report.held.slice(0, shown),
      groups: report.groups.slice(0, shown).map((group) => ({
        ...group,
        membersAdded: group.membersAdded.slice(0, shown),
        membersRemoved: group.membersRemoved.slice(0, shown),
        membersAddedTotal: group.membersAdded.length,
        membersRemovedTotal: group.membersRemoved.length,
      })),
    },
    totals: { people: report.people.length, held: report.held.length, groups: report.groups.length },
    comparison: run ? compareWithRun(report, run) : null,
    shown,
  };
}
