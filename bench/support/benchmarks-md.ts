import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { ROOT } from "./processes.js";
import type { Results } from "./results.js";

const BEGIN = "<!-- bench:results:begin (written by `npm run bench`; edit outside these markers) -->";
const END = "<!-- bench:results:end -->";

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly commit: string;
}

export function machine(): Machine {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT }).toString().trim();
  const dirty = git("status", "--porcelain").length > 0;
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    commit: `${git("rev-parse", "--short", "HEAD")}${dirty ? " + uncommitted changes" : ""}`,
  };
}

/** Replaces the results block of BENCHMARKS.md (creating the file when there is none); the text around it stays. */
export function writeBenchmarksMd(results: Results, started: Date, durationMs: number): string {
  const path = join(ROOT, "BENCHMARKS.md");
  const host = machine();
  const rows = results.figures.map((figure) => {
    const verdict = figure.met === null ? "" : figure.met ? "met" : figure.check ? "**failed**" : "**missed**";
    return `| ${figure.benchmark} | ${figure.name} | ${figure.value} | ${figure.target} | ${verdict} |`;
  });
  const block = [
    BEGIN,
    "## Latest run",
    "",
    `- Date: ${started.toISOString().slice(0, 16).replace("T", " ")} UTC; the whole run took ${(durationMs / 60_000).toFixed(1)} min.`,
    `- Machine: ${host.cores} cores (${host.cpu}), ${host.memoryGiB} GiB memory, Node ${host.node}.`,
    `- Commit: ${host.commit}.`,
    "",
    "| Benchmark | Figure | Value | Target | |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    ...(results.notes.length > 0 ? ["Notes from the run:", "", ...results.notes.map((note) => `- ${note}`), ""] : []),
    END,
  ].join("\n");
  const current = existsSync(path) ? readFileSync(path, "utf8") : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    begin >= 0 && end > begin
      ? `${current.slice(0, begin)}${block}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
  return path;
}
