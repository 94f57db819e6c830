import { cpuMsOf, type NodeChild } from "./support/processes.js";
import { CONNECTOR, METRICS_TOKEN } from "./support/gateway-config.js";
import { count, ms, quantile, type Section } from "./support/results.js";

/**
 * Benchmark 9: `/metrics` scraped as Prometheus scrapes it, one request at a time, on the gateway of benchmarks 2, 3
 * and 5. A scrape reads the database gauges (people per state, runs, budgets) then and only then, on the thread that
 * serves Okta's pages: its round trip is how long a page can wait behind it, so it is held to the page p99's target.
 * The people served must add up in `hrgw_users`, so the smoke run checks the figures as well as the timing.
 */
export async function scrapeBench(
  section: Section,
  gatewayUrl: string,
  server: NodeChild,
  options: { readonly served: number; readonly scrapes: number },
): Promise<void> {
  const scrape = async () => {
    const started = performance.now();
    const response = await fetch(`${gatewayUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
    return { ms: performance.now() - started, text };
  };
  // The first scrapes compile the exposition code; Prometheus scrapes every 15 s for as long as the gateway runs.
  for (let warmUp = 0; warmUp < 5; warmUp++) await scrape();
  const cpuBefore = cpuMsOf(server.pid);
  const trips: number[] = [];
  let last = "";
  for (let run = 0; run < options.scrapes; run++) {
    const { ms: took, text } = await scrape();
    trips.push(took);
    last = text;
  }
  const cpuPerScrape = (cpuMsOf(server.pid) - cpuBefore) / options.scrapes;
  const servedInMetrics = ["active", "inactive"]
    .map((state) =>
      Number(
        new RegExp(`^hrgw_users\\{connector="${CONNECTOR}",state="${state}"\\} (\\d+)$`, "m").exec(last)?.[1] ?? 0,
      ),
    )
    .reduce((sum, people) => sum + people, 0);
  const p99 = quantile(trips, 0.99);
  section.check(
    "hrgw_users active + inactive = users served",
    count(servedInMetrics),
    count(options.served),
    servedInMetrics === options.served,
  );
  section.add(`scrapes (one at a time, after 5 warm-up scrapes)`, count(options.scrapes));
  section.add("response size", `${(Buffer.byteLength(last) / 1024).toFixed(1)} KB`);
  section.add("scrape p50 (round trip on 127.0.0.1)", ms(quantile(trips, 0.5), 2));
  section.add("scrape p99", ms(p99, 2), "≤ 10 ms", p99 <= 10);
  section.add("server CPU per scrape (/proc)", ms(cpuPerScrape, 2));
}
