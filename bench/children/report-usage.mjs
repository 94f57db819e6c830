// Preloaded (node --import) into a process the benchmark measures, e.g. `node dist/cli.js sync`: at exit it writes the
// process's peak RSS and CPU time to $BENCH_USAGE_FILE. Plain JavaScript, so that the measured process runs the
// production build without a TypeScript loader beside it.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const usage = process.resourceUsage();
  const file = process.env.BENCH_USAGE_FILE;
  if (file)
    writeFileSync(
      file,
      JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
    );
});
