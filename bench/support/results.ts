/** One figure a benchmark reports, with the target it is held against (if any). */
export interface Figure {
  readonly benchmark: string;
  readonly name: string;
  readonly value: string;
  /** e.g. "≤ 2 ms"; empty for figures reported for information. */
  readonly target: string;
  /** null: no target. */
  readonly met: boolean | null;
  /** A correctness check (errors, duplicates, gaps): failing it fails the run, smoke test included. */
  readonly check: boolean;
}

/** Everything a run measured, printed as it is measured (target beside each figure). */
export class Results {
  readonly figures: Figure[] = [];
  /** Findings worth keeping with the numbers: how something was measured, what missed and why. */
  readonly notes: string[] = [];

  section(benchmark: string): Section {
    console.log(`\n== ${benchmark}`);
    return new Section(this, benchmark);
  }
}

/** The figures of one benchmark. */
export class Section {
  constructor(
    private readonly results: Results,
    readonly benchmark: string,
  ) {}

  /** A measured figure, with its target when it has one (timing targets never fail the run). */
  add(name: string, value: string, target?: string, met?: boolean): void {
    this.record({ benchmark: this.benchmark, name, value, target: target ?? "", met: met ?? null, check: false });
  }

  /** A correctness check: `target` says what must hold. */
  check(name: string, value: string, target: string, ok: boolean): void {
    this.record({ benchmark: this.benchmark, name, value, target, met: ok, check: true });
  }

  private record(figure: Figure): void {
    this.results.figures.push(figure);
    const verdict = figure.target
      ? `target ${figure.target}: ${figure.met ? "met" : figure.check ? "FAILED" : "MISSED"}`
      : "";
    console.log(`  ${figure.name.padEnd(56)} ${figure.value.padStart(18)}  ${verdict}`);
  }

  note(text: string): void {
    this.results.notes.push(`${this.benchmark}: ${text}`);
    console.log(`  note: ${text}`);
  }
}

/** The value at quantile `q` (0…1) of `values` (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export const ms = (value: number, digits = 1): string => `${value.toFixed(digits)} ms`;
export const seconds = (valueMs: number): string => `${(valueMs / 1000).toFixed(2)} s`;
export const mb = (value: number): string => `${value.toFixed(0)} MB`;
export const count = (value: number): string => value.toLocaleString("en-US");
export const times = (value: number): string => `${value.toFixed(2)}×`;
