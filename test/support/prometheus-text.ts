/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: every line must be a HELP, a TYPE or a
 * sample of a family announced before it, or it throws naming the line. What Prometheus would refuse, the tests
 * refuse too.
 */

export interface PromSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface PromFamily {
  readonly name: string;
  readonly help: string;
  readonly type: string;
  readonly samples: PromSample[];
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  histogram: ["_bucket", "_sum", "_count"],
  summary: ["_sum", "_count"],
};

export function parsePrometheusText(text: string): Map<string, PromFamily> {
  const families = new Map<string, PromFamily>();
  const helps = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const help = /^# HELP (\S+) (.*)$/.exec(line);
    if (help) {
      helps.set(help[1]!, unescapeText(help[2]!));
      continue;
    }
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      const name = type[1]!;
      if (families.has(name)) throw new Error(`${name} is announced twice`);
      families.set(name, { name, help: helps.get(name) ?? "", type: type[2]!, samples: [] });
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`not a Prometheus line: ${line}`);
    const [, name, labelText, valueText] = sample as unknown as [string, string, string | undefined, string];
    const family = familyOf(families, name);
    if (!family) throw new Error(`${name} has no TYPE line before it`);
    const value = parseValue(valueText);
    if (value === undefined) throw new Error(`not a number in: ${line}`);
    family.samples.push({ name, labels: parseLabels(labelText ?? "", line), value });
  }
  for (const family of families.values()) if (family.help === "") throw new Error(`${family.name} has no HELP`);
  return families;
}

/** The one sample of `family` whose labels are exactly `labels` (the series Prometheus would store). */
export function sampleValue(
  families: Map<string, PromFamily>,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  const family = familyOf(families, name);
  return family?.samples.find(
    (sample) => sample.name === name && JSON.stringify(Object.entries(sample.labels).sort()) === wanted,
  )?.value;
}

function familyOf(families: Map<string, PromFamily>, name: string): PromFamily | undefined {
  const exact = families.get(name);
  if (exact) return exact;
  for (const [type, suffixes] of Object.entries(SUFFIXES)) {
    for (const suffix of suffixes) {
      const family = name.endsWith(suffix) ? families.get(name.slice(0, -suffix.length)) : undefined;
      if (family?.type === type) return family;
    }
  }
  return undefined;
}

/**
 * As Prometheus reads a value (Go's strconv.ParseFloat): NaN and Inf in any case; prom-client writes "Nan" for an
 * event loop figure read right after its histogram was reset.
 */
function parseValue(text: string): number | undefined {
  const special = /^([+-]?)(inf|nan)$/i.exec(text);
  if (special) return special[2]!.toLowerCase() === "nan" ? Number.NaN : special[1] === "-" ? -Infinity : Infinity;
  const value = Number(text);
  return text.trim() === text && text !== "" && !Number.isNaN(value) ? value : undefined;
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (!match || match.index !== start) throw new Error(`bad labels in: ${line}`);
    if (match[1]! in labels) throw new Error(`label ${match[1]} twice in: ${line}`);
    labels[match[1]!] = unescapeText(match[2]!);
  }
  return labels;
}

function unescapeText(text: string): string {
  return text.replace(/\\(.)/g, (_, char: string) => (char === "n" ? "\n" : char));
}
