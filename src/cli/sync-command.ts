import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { systemClock } from "../clock.js";
import { loadConfig } from "../config/load.js";
import { recordAudit } from "../audit/audit-store.js";
import { openDatabase } from "../db/open.js";
import { createLogger } from "../logging/logger.js";
import { Notifier } from "../notify/notifier.js";
import { apiSwitchReportText } from "../sync/api-switch/report-text.js";
import { createPreview } from "../sync/preview/create-preview.js";
import type { PreviewReport } from "../sync/preview/preview-types.js";
import { previewCsv } from "../sync/preview/preview-csv.js";
import { previewText } from "../sync/preview/preview-text.js";
import { decisionAuditDetail, holdsText, parseHoldSelection } from "../sync/holds/hold-decisions.js";
import { openHoldsMatching, readHolds } from "../sync/holds/person-holds.js";
import { excludePerson, includePerson } from "../sync/exclusions/exclude-person.js";
import { SyncError } from "../sync/sync-error.js";
import { createSyncService, wireFromConfig } from "../wiring.js";
import { type Command, EXIT, usageError } from "./command.js";

const USAGE = `usage:
  npm run sync -- --connector <id>      run one sync now (exit 1: failed, 2: held for approval)
  npm run sync -- --connector <id> --dry-run [--format text|json|csv]
                                        what the next sync would change (stored as a preview); changes nothing
  npm run sync -- --connector <id> --dry-run-api-switch   (formerly --dry-run-migration, still accepted)
                                        what switching to the other Nmbrs API would do; changes nothing
                                        (exit 0: everyone matched, 2: the switch would wait for approval)
  npm run sync -- --holds --connector <id>
                                        list the people held for approval (exit 2: some wait for a decision)
  npm run sync -- --approve-holds <all|ids> --connector <id> [--kind <kind>] [--company <number>]
                                        approve holds (all of them, of a kind/company, or ids like 12,13) and
                                        run a sync that applies them
  npm run sync -- --reject-holds <all|ids> --connector <id> [--kind <kind>] [--company <number>]
                                        keep those people as Okta sees them and stop asking
  npm run sync -- --exclude <employee number|SCIM id> --connector <id> --reason "<why>"
                                        freeze a person exactly as Okta sees them now, whatever HR says
  npm run sync -- --include <employee number|SCIM id> --connector <id>
                                        end an exclusion: HR's changes apply at the next sync
  npm run sync -- --approve <run id>    apply a held run (a switch between Nmbrs APIs) as it was reviewed
  npm run sync -- --reject <run id>     discard a held run
options:
  --config <path>   config file (default: $HRGW_CONFIG, else ./config.toml)
  --by <name>       who approves or rejects (default: the OS user)`;

/**
 * `sync`: runs, dry runs, previews, holds and approvals of one connector: parse, then call what the server calls.
 * Exit codes: 0 done, 1 failed, 2 held for approval (a whole run, or people), 64 wrong usage.
 */
export const syncCommand: Command = {
  summary: "run, preview or dry-run a sync; list and decide holds; approve held runs",
  usage: USAGE,
  run: sync,
};

async function sync(rest: string[]): Promise<number> {
  let values: {
    connector?: string;
    approve?: string;
    reject?: string;
    config?: string;
    by?: string;
    "dry-run"?: boolean;
    format?: string;
    "dry-run-api-switch"?: boolean;
    "dry-run-migration"?: boolean;
    holds?: boolean;
    "approve-holds"?: string;
    "reject-holds"?: string;
    kind?: string;
    company?: string;
    exclude?: string;
    include?: string;
    reason?: string;
  };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        connector: { type: "string" },
        approve: { type: "string" },
        reject: { type: "string" },
        config: { type: "string" },
        by: { type: "string" },
        "dry-run": { type: "boolean" },
        format: { type: "string" },
        "dry-run-api-switch": { type: "boolean" },
        // The flag's first name, from when the switch between Nmbrs APIs was called a migration: scripts may use it.
        "dry-run-migration": { type: "boolean" },
        holds: { type: "boolean" },
        "approve-holds": { type: "string" },
        "reject-holds": { type: "string" },
        kind: { type: "string" },
        company: { type: "string" },
        exclude: { type: "string" },
        include: { type: "string" },
        reason: { type: "string" },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  const actions = [values.connector, values.approve, values.reject].filter((value) => value !== undefined);
  if (actions.length !== 1) return usage("give exactly one of --connector, --approve, --reject");
  const runId = Number(values.approve ?? values.reject);
  if (values.connector === undefined && !Number.isInteger(runId)) return usage("a run id is a number");
  const dryRunApiSwitch = values["dry-run-api-switch"] || values["dry-run-migration"];
  if (dryRunApiSwitch && values.connector === undefined) return usage("--dry-run-api-switch goes with --connector");
  if (values["dry-run"] && values.connector === undefined) return usage("--dry-run goes with --connector");
  const holdValue = values["approve-holds"] ?? values["reject-holds"];
  if ((values.holds || holdValue !== undefined) && values.connector === undefined)
    return usage("--holds, --approve-holds and --reject-holds go with --connector");
  if (values["approve-holds"] !== undefined && values["reject-holds"] !== undefined)
    return usage("give one of --approve-holds, --reject-holds");
  const holdSelection = holdValue === undefined ? null : parseHoldSelection(holdValue, values.kind, values.company);
  if (holdSelection && "error" in holdSelection) return usage(holdSelection.error);
  if ((values.kind !== undefined || values.company !== undefined) && holdValue === undefined)
    return usage("--kind and --company go with --approve-holds or --reject-holds");
  const exclusion = exclusionUsage(values);
  if (exclusion) return usage(exclusion);
  const format = values.format ?? "text";
  if (!isPreviewFormat(format)) return usage("--format is text, json or csv");
  if (values.format !== undefined && !values["dry-run"]) return usage("--format goes with --dry-run");

  const config = loadConfig({ path: values.config });
  // A first sync of a connector declared in the file may create the database (and its key); anything else needs a
  // database that exists, so a mistyped --config or --connector leaves nothing on disk.
  const declared = config.connectors.some((connector) => connector.settings.id === values.connector);
  if (!declared && !existsSync(config.storage.path)) {
    const noFile = "no config file was found at --config, $HRGW_CONFIG or ./config.toml";
    const noDatabase = `there is no database at ${config.storage.path}`;
    throw new SyncError(
      values.connector === undefined
        ? `there is no run ${runId}: ${noDatabase}${config.source ? "" : ` (${noFile})`}`
        : `there is no connector "${values.connector}": ${config.source ? `${config.source} does not declare it` : noFile}, and ${noDatabase}`,
      {},
    );
  }
  const logger = createLogger({ level: config.log.level });
  const db = openDatabase(config.storage.path);
  const wiring = wireFromConfig(config, { db, clock: systemClock, logger });
  const { registry } = wiring;
  const notifier = new Notifier({ smtp: config.smtp, logger });
  const service = createSyncService(wiring, {
    logger,
    notifier,
    // Okta imports are served by the server process, which knows which generations they read: keep every row
    // here (pruning nothing) and let the server prune after its next run.
    oldestPinnedGeneration: () => 0,
  });
  try {
    service.recoverInterruptedRuns();
    const by = values.by ?? `${userInfo().username} (cli)`;
    // The follow-up commands it prints must reach the same database.
    const configArgument = values.config === undefined ? "" : `--config ${values.config} `;
    if (values.approve !== undefined || values.reject !== undefined) {
      const approve = values.approve !== undefined;
      const run = approve ? await service.approve(runId, by) : service.reject(runId, by);
      // The same trail entry the console writes, so an approval from a shell is as visible as one from the browser.
      recordAudit(
        db.sqlite,
        {
          action: approve ? "run_approve" : "run_reject",
          actor: by,
          address: null,
          connectorId: run.connectorId,
          detail: `run ${runId}`,
        },
        systemClock(),
      );
      return report(`run ${runId} ${approve ? "approved and applied" : "rejected"}`, run.status);
    }
    if (values.holds) {
      const holds = readHolds(db.sqlite, values.connector!);
      console.log(holdsText(holds));
      return holds.some((hold) => hold.status === "pending") ? EXIT.held : EXIT.ok;
    }
    if (holdSelection) {
      const approve = values["approve-holds"] !== undefined;
      // "all" with nothing open is a decision already made (or never needed), not a failure; listed ids that are not
      // open are a mistake and fail below.
      if (
        "all" in holdSelection &&
        openHoldsMatching(db.sqlite, values.connector!, holdSelection, approve ? "approved" : "rejected").length ===
          0 &&
        registry.get(values.connector!)
      ) {
        console.log(`nothing to ${approve ? "approve" : "reject"}: no open hold of ${values.connector!} matches`);
        return EXIT.ok;
      }
      const { decided, applied } = service.decideHolds(
        values.connector!,
        holdSelection,
        approve ? "approved" : "rejected",
        by,
      );
      recordAudit(
        db.sqlite,
        {
          action: approve ? "hold_approve" : "hold_reject",
          actor: by,
          address: null,
          connectorId: values.connector!,
          detail: decisionAuditDetail(decided),
        },
        systemClock(),
      );
      console.log(`${decided.length} ${decided.length === 1 ? "hold" : "holds"} ${approve ? "approved" : "rejected"}`);
      if (!applied) return EXIT.ok;
      const outcome = await applied;
      console.log(`run ${outcome.runId} ${outcome.status}: ${outcome.message}`);
      return outcome.status === "failed"
        ? EXIT.failed
        : outcome.holds && outcome.holds.pending > 0
          ? EXIT.held
          : EXIT.ok;
    }
    if (values.exclude !== undefined || values.include !== undefined) {
      const request = { actor: by, address: null, at: systemClock() };
      const connectorId = values.connector!;
      if (values.include !== undefined) {
        const ended = includePerson(db.sqlite, { connectorId, ref: values.include }, request);
        console.log(`${ended.label} is included again; HR's changes apply at the next sync`);
        return EXIT.ok;
      }
      const { exclusion, added } = excludePerson(
        db.sqlite,
        { connectorId, ref: values.exclude!, reason: values.reason! },
        request,
      );
      console.log(
        added
          ? `${exclusion.label} is excluded: served exactly as Okta sees them now until --include`
          : `${exclusion.label} was already excluded since ${exclusion.since} by ${exclusion.excludedBy}: ${exclusion.reason}`,
      );
      return EXIT.ok;
    }
    if (dryRunApiSwitch) {
      const report = await service.dryRunApiSwitch(values.connector!);
      recordAudit(
        db.sqlite,
        {
          action: "migration_dry_run",
          actor: by,
          address: null,
          connectorId: values.connector!,
          detail: `${report.to}: ${report.matched} matched`,
        },
        systemClock(),
      );
      console.log(apiSwitchReportText(report));
      return report.holdReason ? EXIT.held : EXIT.ok;
    }
    if (values["dry-run"]) {
      const { id, report } = await createPreview(wiring.previewDeps, values.connector!, by);
      const { created, updated, removed } = report.summary;
      recordAudit(
        db.sqlite,
        {
          action: "sync_preview",
          actor: by,
          address: null,
          connectorId: values.connector!,
          detail: `preview ${id}: ${created} created, ${updated} updated, ${removed} removed`,
        },
        systemClock(),
      );
      console.log(PREVIEW_FORMATS[format](report));
      process.stderr.write(`preview ${id} stored; in the console: /connectors/${values.connector!}/previews/${id}\n`);
      return EXIT.ok;
    }
    service.on("progress", (progress) =>
      process.stderr.write(
        `\r${progress.companiesDone}/${progress.companiesTotal} companies, ${progress.employeesRead} employees read`,
      ),
    );
    recordAudit(
      db.sqlite,
      { action: "sync_now", actor: by, address: null, connectorId: values.connector! },
      systemClock(),
    );
    const outcome = await service.runNow(values.connector!, "cli");
    process.stderr.write("\n");
    console.log(`run ${outcome.runId} ${outcome.status}: ${outcome.message}`);
    if (outcome.status === "held")
      console.log(`approve with: npm run sync -- ${configArgument}--approve ${outcome.runId}`);
    if (outcome.holds && outcome.holds.pending > 0)
      console.log(`review with: npm run sync -- ${configArgument}--holds --connector ${outcome.connectorId}`);
    if (outcome.status === "failed") return EXIT.failed;
    return outcome.status === "held" || (outcome.holds?.pending ?? 0) > 0 ? EXIT.held : EXIT.ok;
  } finally {
    notifier.close();
    db.close();
  }
}

const PREVIEW_FORMATS = {
  text: previewText,
  json: (report: PreviewReport) => JSON.stringify(report, null, 2),
  csv: (report: PreviewReport) => previewCsv(report).trimEnd(),
} as const;

function isPreviewFormat(format: string): format is keyof typeof PREVIEW_FORMATS {
  return Object.hasOwn(PREVIEW_FORMATS, format);
}

/** What is wrong with how --exclude, --include and --reason were combined, or null. */
function exclusionUsage(values: {
  connector?: string;
  exclude?: string;
  include?: string;
  reason?: string;
}): string | null {
  if (values.exclude !== undefined && values.include !== undefined) return "give one of --exclude, --include";
  if ((values.exclude ?? values.include) !== undefined && values.connector === undefined)
    return "--exclude and --include go with --connector";
  if (values.exclude !== undefined && !values.reason?.trim()) return '--exclude needs --reason "<why>"';
  if (values.reason !== undefined && values.exclude === undefined) return "--reason goes with --exclude";
  return null;
}

function report(message: string, status: string): number {
  console.log(`${message} (status ${status})`);
  return EXIT.ok;
}

function usage(problem: string): number {
  return usageError(problem, USAGE);
}
