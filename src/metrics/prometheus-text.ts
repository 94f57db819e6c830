/**
 * Just enough of the Prometheus text exposition format (version 0.0.4) for the gateway's dozen metrics: counters and
 * histograms kept in memory, gauges read when scraped. prom-client would bring a registry, default collectors and
 * cluster support we do not need; this is one screen and has no dependency.
 */

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  readonly labels: Labels;
  readonly value: number;
}

export const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

interface Metric {
  render(): string;
}

export class Counter implements Metric {
  private readonly series = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = seriesKey(labels);
    const entry = this.series.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.series.set(key, entry);
  }

  render(): string {
    return block(
      this.name,
      this.help,
      "counter",
      [...this.series.values()].map((entry) => line(this.name, entry.labels, entry.value)),
    );
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
    /** Upper bounds, ascending; +Inf is added. */
    private readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = seriesKey(labels);
    const entry = this.series.get(key) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((bound, index) => {
      if (value <= bound) entry.counts[index]! += 1;
    });
    entry.sum += value;
    entry.count += 1;
    this.series.set(key, entry);
  }

  render(): string {
    const lines: string[] = [];
    for (const entry of this.series.values()) {
      this.buckets.forEach((bound, index) =>
        lines.push(line(`${this.name}_bucket`, { ...entry.labels, le: String(bound) }, entry.counts[index]!)),
      );
      lines.push(line(`${this.name}_bucket`, { ...entry.labels, le: "+Inf" }, entry.count));
      lines.push(line(`${this.name}_sum`, entry.labels, entry.sum));
      lines.push(line(`${this.name}_count`, entry.labels, entry.count));
    }
    return block(this.name, this.help, "histogram", lines);
  }
}

/** A value read when scraped (from the database or the process), never stored here. */
export class Gauge implements Metric {
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly collect: () => readonly Sample[],
    private readonly type: "gauge" | "counter" = "gauge",
  ) {}

  render(): string {
    return block(
      this.name,
      this.help,
      this.type,
      this.collect().map((sample) => line(this.name, sample.labels, sample.value)),
    );
  }
}

export class MetricsRegistry {
  private readonly metrics: Metric[] = [];

  add<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }

  render(): string {
    return this.metrics.map((metric) => metric.render()).join("");
  }
}

function block(name: string, help: string, type: string, lines: readonly string[]): string {
  return `# HELP ${name} ${help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}\n# TYPE ${name} ${type}\n${lines.map((text) => `${text}\n`).join("")}`;
}

function line(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([key, text]) => `${key}="${escapeLabel(text)}"`);
  return `${name}${pairs.length > 0 ? `{${pairs.join(",")}}` : ""} ${formatValue(value)}`;
}

function escapeLabel(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  return String(value);
}

function seriesKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}
