import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/**
 * Every setting of Node, V8 and glibc that HR Gateway's processes are started with: the one place. The launcher
 * (launch.ts: the image's command, `npm start`, `npm run sync`), the sync processes the gateway starts
 * (sync/process/sync-process.ts) and the benchmarks all take them from here. Each was measured: BENCHMARKS.md.
 */

/**
 * The kinds of process HR Gateway starts: the server, and sync work (a sync process of the server's, or the command
 * line, which runs one job and exits).
 */
export type Program = "gateway" | "sync";

/**
 * glibc's allocator reads its settings once, when a process starts, so they are set for every process. Allocations
 * from the bound up are served with mmap and go back to the system when freed. Without the setting glibc raises that
 * bound to the size of the first such block freed, and Okta's pages and SOAP replies then stay in a heap that
 * fragments and never shrinks (BENCHMARKS.md, round 6). The gateway's bound is 128 KB: lower, each socket read of
 * Okta's pages cost an mmap and markedly more CPU. A sync's is 64 KB, the size of a socket read: an HR answer arrives
 * in such reads, kept until the company's answer is complete, and from glibc's heap they left tens of MB behind for
 * the rest of the run; the mmap per read costs an unchanged run, which does little else, some CPU (BENCHMARKS.md,
 * "A first sync's memory and CPU").
 */
const ALLOCATOR_ENV: Readonly<Record<Program, Readonly<Record<string, string>>>> = {
  gateway: { MALLOC_MMAP_THRESHOLD_: "131072" },
  sync: { MALLOC_MMAP_THRESHOLD_: "65536" },
};

/**
 * One V8 helper thread instead of Node's four, in every process: on 2 cores, four helpers at normal priority
 * collecting a sync's heap starved the sync itself, and Okta's pages waited beside it longer (round 8). On more
 * cores, raise it.
 */
const V8_POOL = "--v8-pool-size=1";

const NODE_FLAGS: Readonly<Record<Program, readonly string[]>> = {
  /**
   * Semi-spaces smaller than V8's default: V8 starts a full collection once the old generation has less room left
   * than a young generation's worth, and with the default it collected the small serving heap every few dozen Okta
   * pages (round 5). The heap may grow by 100 % of what survived a full collection: V8 counts the buffers of the
   * pages it sends, and with less it also collected everything every few dozen pages (round 5). No memory reducer:
   * its collections while the gateway idles find none of the objects a request makes alive, so the compiled serving
   * code that assumed their shapes is thrown away, and the import Okta runs on a schedule, always after an idle
   * spell, paid for compiling it again (issue #24). Once imports have run, the reducer gave back almost nothing.
   */
  gateway: ["--max-semi-space-size=4", V8_POOL, "--heap-growing-percent=100", "--no-memory-reducer"],
  /**
   * The server's small young generation: V8's default one is room a sync's process holds on top of everything it
   * reads and plans, and in a process of its own (not a thread beside Okta's pages, where it cost markedly more CPU)
   * the smaller one cut the peak by about as much as all the people's strings at a few per cent more CPU (issue #24,
   * "Where a sync's memory is"); smaller still cost more CPU and memory. An old generation that grows by at most 25 %
   * past what survived a full collection: V8 otherwise lets it grow up to 4×, and a large sync's process grew far
   * past what it keeps alive, at no CPU saving (round 3).
   */
  sync: ["--max-semi-space-size=4", V8_POOL, "--heap-growing-percent=25"],
};

/**
 * The nice value of a sync process: a tenth of the CPU share of the serving process when both want a core (Linux
 * CFS weights), so Okta's pages and the console get the cores first and a sync takes longer instead.
 */
export const SYNC_NICE = 10;

/** The environment of a process of HR Gateway that runs `program`: the parent's, with the allocator's settings. */
export function tunedEnv(program: Program, inherited: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...inherited, ...ALLOCATOR_ENV[program] };
}

/**
 * The node flags that start `entry` (a file) as `program`. A .ts file (run from source: `npm start`, the tests) gets
 * tsx's loader too, by its full path: `--import tsx` would be looked up from the working directory.
 */
export function nodeFlagsFor(program: Program, entry: string): string[] {
  if (!entry.endsWith(".ts")) return [...NODE_FLAGS[program]];
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return [...NODE_FLAGS[program], "--import", tsx];
}
