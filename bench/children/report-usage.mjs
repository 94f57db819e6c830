// Preloaded (node --import) into a process the benchmark measures, e.g. `node dist/cli.js sync`: at exit it writes the
// process's peak RSS and CPU time to $BENCH_USAGE_FILE, and its main thread's own CPU clock ticks (Linux), so that
// the report can tell the JavaScript's thread from V8's helper threads (concurrent marking, sweeping, compiling), which
// are still running at exit. Plain JavaScript, so that the measured process runs the production build without a
// TypeScript loader beside it.
import { readFileSync, writeFileSync } from "node:fs";

process.on("exit", () => {
  const usage = process.resourceUsage();
  const file = process.env.BENCH_USAGE_FILE;
  if (file)
    writeFileSync(
      file,
      JSON.stringify({
        maxRssKb: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        mainThreadTicks: mainThreadTicks(),
      }),
    );
});

/** utime + stime of the main thread (its task id is the process id), in clock ticks; null where /proc has no tasks. */
function mainThreadTicks() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    // After the command name (which may hold spaces): utime is field 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}
