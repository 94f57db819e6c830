import { readdirSync, readFileSync } from "node:fs";

/** Resident set size of a process and, recursively, its running children (the gateway's sync process), from /proc. */
export function rssWithChildrenBytes(pid: number = process.pid): number {
  try {
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
    return kb * 1024 + children.reduce((sum, child) => sum + rssWithChildrenBytes(child), 0);
  } catch {
    return 0; // a child that ended between the listing and the read
  }
}
