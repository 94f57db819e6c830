import { request } from "node:http";
import { join } from "node:path";
import { OktaImportSimulator } from "../testkit/okta-sim/import-simulator.js";
import { OKTA_HEADERS } from "../testkit/okta-sim/okta-scim-client.js";
import { startGateway } from "./support/gateway-command.js";
import { CONNECTOR, SCIM_TOKEN, writeGatewayConfig } from "./support/gateway-config.js";
import { firstJsonLine, freePort, startNode, stopChild, untilOk } from "./support/processes.js";
import { count, median, ms, quantile, type Results } from "./support/results.js";

/** Benchmark 7: `/Groups` at `people` people, for the default group kinds and for all kinds (docs/groups.md). */
export interface GroupsScale {
  readonly people: number;
  /** Requests per measured figure (the median is reported). */
  readonly repeats: number;
}

const SCENARIOS = [
  { name: "default kinds (department, company)", kinds: ["department", "company"] },
  { name: "all kinds", kinds: ["department", "company", "function", "employee_type", "cost_center"] },
] as const;

export async function groupsBench(results: Results, scale: GroupsScale, workDir: string): Promise<void> {
  for (const scenario of SCENARIOS) {
    const section = results.section(`7. /Groups at ${count(scale.people)} people, ${scenario.name}`);
    const dbPath = join(workDir, `groups-${scenario.kinds.length}.db`);
    const seeding = startNode([
      "--import",
      "tsx",
      "bench/children/seed-directory.ts",
      dbPath,
      String(scale.people),
      scenario.kinds.join(","),
    ]);
    await firstJsonLine<{ served: number }>(seeding);
    await seeding.exited;
    const port = await freePort();
    const configPath = writeGatewayConfig(join(workDir, `groups-${scenario.kinds.length}.toml`), { dbPath, port });
    const url = `http://127.0.0.1:${port}`;
    const gateway = startGateway(configPath);
    try {
      await untilOk(`${url}/readyz`, performance.now(), gateway);
      await measure(section, `${url}/scim/v2/${CONNECTOR}`, scale);
    } finally {
      await stopChild(gateway);
    }
  }
}

async function measure(section: ReturnType<Results["section"]>, base: string, scale: GroupsScale): Promise<void> {
  const page = "/Groups?startIndex=1&count=100";
  const full = await timed(base, page, "identity", scale.repeats);
  const zipped = await timed(base, page, "gzip,deflate", scale.repeats);
  const lean = await timed(base, `${page}&excludedAttributes=members`, "identity", scale.repeats);
  const list = JSON.parse(full.body.toString("utf8")) as { totalResults: number; Resources: GroupBody[] };
  const largest = Math.max(...list.Resources.map((group) => group.members?.length ?? 0));
  section.add("groups served", count(list.totalResults));
  section.add("largest group (members)", count(largest));
  section.add("page 1 with members: bytes", count(full.bytes));
  section.add("page 1 with members: time (median)", ms(full.medianMs));
  section.add("page 1 with members, gzip: bytes", count(zipped.bytes));
  section.add("page 1 with members, gzip: time (median)", ms(zipped.medianMs));
  section.add("page 1, excludedAttributes=members: bytes", count(lean.bytes));
  section.add(
    "page 1, excludedAttributes=members: time (median)",
    ms(lean.medianMs),
    "faster than with members",
    lean.medianMs < full.medianMs,
  );

  // Okta's import, as Okta's client sends it (gzip accepted): users first, then groups; every membership checked
  // against the members served.
  const simulator = new OktaImportSimulator({ baseUrl: base, authorization: `Bearer ${SCIM_TOKEN}` });
  try {
    const usersStarted = performance.now();
    await simulator.importUsers();
    const usersMs = performance.now() - usersStarted;
    const groupsStarted = performance.now();
    const imported = await simulator.importGroups();
    const groupsMs = performance.now() - groupsStarted;
    const served = await servedMemberCounts(base, list.totalResults);
    const wrong = [...served].filter(([id, members]) => simulator.directory.groups.get(id)?.members.size !== members);
    section.add("Okta user import (gzip accepted): whole import", ms(usersMs, 0));
    section.add("Okta group import (gzip accepted): whole import", ms(groupsMs, 0));
    section.check(
      "groups whose imported memberships differ from those served",
      count(wrong.length + imported.unresolvedMembers),
      "0",
      wrong.length === 0 && imported.unresolvedMembers === 0 && served.size === imported.scanned,
    );
  } finally {
    simulator.close();
  }
  const userPages = await userPageTimes(base, "gzip,deflate");
  section.add(
    `user pages with gzip accepted: p99 of ${count(userPages.length)}`,
    ms(quantile(userPages, 0.99)),
    "≤ 1 s",
    quantile(userPages, 0.99) <= 1000,
  );
}

/** Every group's member count as served, page by page. */
async function servedMemberCounts(base: string, total: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let start = 1; start <= total; start += 100) {
    const page = JSON.parse(
      (await get(`${base}/Groups?startIndex=${start}&count=100`, "identity")).toString("utf8"),
    ) as { Resources: GroupBody[] };
    for (const group of page.Resources) counts.set(group.id, group.members?.length ?? 0);
  }
  return counts;
}

interface GroupBody {
  readonly id: string;
  readonly members?: readonly unknown[];
}

interface Timed {
  readonly bytes: number;
  readonly medianMs: number;
  /** The body as received (decompressed only by the reader: this is the bytes on the wire). */
  readonly body: Buffer;
}

async function timed(base: string, path: string, encoding: string, repeats: number): Promise<Timed> {
  const times: number[] = [];
  let body: Buffer = Buffer.alloc(0);
  for (let run = 0; run < repeats; run++) {
    const started = performance.now();
    body = await get(`${base}${path}`, encoding);
    times.push(performance.now() - started);
  }
  return { bytes: body.length, medianMs: median(times), body };
}

async function userPageTimes(base: string, encoding: string): Promise<number[]> {
  const first = JSON.parse((await get(`${base}/Users?startIndex=1&count=100`, encoding)).toString("utf8")) as {
    totalResults: number;
  };
  const times: number[] = [];
  for (let start = 1; start <= first.totalResults; start += 100) {
    const started = performance.now();
    await get(`${base}/Users?startIndex=${start}&count=100`, encoding);
    times.push(performance.now() - started);
  }
  return times;
}

function get(url: string, encoding: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      { headers: { ...OKTA_HEADERS, "Accept-Encoding": encoding, Authorization: `Bearer ${SCIM_TOKEN}` } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          response.statusCode === 200
            ? resolve(Buffer.concat(chunks))
            : reject(new Error(`${url}: ${response.statusCode}`)),
        );
        response.on("error", reject);
      },
    );
    call.on("error", reject);
    call.end();
  });
}
