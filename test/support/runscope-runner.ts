import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";

/** The parts of a Runscope export step the Okta SPEC test uses. */
interface RunscopeStep {
  readonly step_type: "request" | "pause";
  readonly note?: string;
  readonly method?: string;
  readonly url?: string;
  readonly headers?: Record<string, string[]>;
  readonly body?: string;
  readonly assertions?: { comparison: string; source: string; property?: string; value: string | null }[];
  readonly variables?: { name: string; property: string }[];
  readonly scripts?: string[];
}

export interface AssertionResult {
  readonly step: number;
  readonly note: string;
  readonly assertion: string;
  readonly passed: boolean;
}

export interface StepResult {
  readonly step: number;
  readonly note: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly body: unknown;
  readonly assertions: AssertionResult[];
}

/**
 * Runs a Runscope (BlazeMeter API test) export the way Runscope does: {{variables}} substituted, query values
 * URL-encoded, comparisons evaluated, variables captured from JSON responses, test scripts run. Pauses are skipped.
 */
export async function runRunscopeSuite(file: string, variables: Record<string, string>): Promise<StepResult[]> {
  const suite = JSON.parse(readFileSync(file, "utf8")) as { steps: RunscopeStep[] };
  const vars = { ...variables };
  const substitute = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole);
  const results: StepResult[] = [];
  let number = 0;
  for (const step of suite.steps) {
    if (step.step_type !== "request") continue;
    number += 1;
    const url = encodeQuery(substitute(step.url!));
    const headers = Object.fromEntries(
      Object.entries(step.headers ?? {}).map(([name, values]) => [name, substitute(values[0] ?? "")]),
    );
    const started = performance.now();
    const response = await fetch(url, {
      method: step.method!,
      headers,
      ...(step.body ? { body: substitute(step.body) } : {}),
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    const note = step.note ?? "";
    const assertions = (step.assertions ?? []).map((assertion) => {
      const actual =
        assertion.source === "response_status"
          ? response.status
          : assertion.source === "response_time"
            ? elapsed
            : property(json, assertion.property!);
      const expected = assertion.value === null ? null : substitute(assertion.value);
      return {
        step: number,
        note,
        assertion:
          `${assertion.source}${assertion.property ? `.${assertion.property}` : ""} ${assertion.comparison} ${expected ?? ""}`.trim(),
        passed: compare(assertion.comparison, actual, expected),
      };
    });
    for (const script of (step.scripts ?? []).filter((source) => source.trim() !== "")) {
      assertions.push({ step: number, note, assertion: "script", passed: runScript(script, text) });
    }
    for (const variable of step.variables ?? []) {
      const value = property(json, variable.property);
      if (value !== undefined && value !== null) vars[variable.name] = String(value);
    }
    results.push({ step: number, note, method: step.method!, url, status: response.status, body: json, assertions });
  }
  return results;
}

function encodeQuery(url: string): string {
  const [path = "", query] = url.split("?", 2);
  if (query === undefined) return path;
  const encoded = query.split("&").map((pair) => {
    const [name = "", value = ""] = pair.split("=", 2);
    return `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  });
  return `${path}?${encoded.join("&")}`;
}

/** Runscope property paths: `Resources[0].name.familyName`. */
function property(json: unknown, path: string): unknown {
  let value: unknown = json;
  for (const part of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function compare(comparison: string, actual: unknown, expected: string | null): boolean {
  switch (comparison) {
    case "equal_number":
      return typeof actual === "number"
        ? actual === Number(expected)
        : Number(actual) === Number(expected) && actual !== undefined;
    case "equal":
      return actual !== undefined && actual !== null && String(actual) === expected;
    case "not_empty":
      return (
        actual !== undefined &&
        actual !== null &&
        String(actual) !== "" &&
        !(Array.isArray(actual) && actual.length === 0)
      );
    case "has_value":
    case "contains":
      return Array.isArray(actual)
        ? actual.includes(expected)
        : typeof actual === "string" && actual.includes(expected ?? "");
    case "is_a_number":
      return typeof actual === "number";
    case "is_less_than":
      return Number(actual) < Number(expected);
    default:
      throw new Error(`Runscope comparison ${comparison} is not implemented`);
  }
}

/** Runscope scripts see `response.body`, `assert` (chai-like: callable and .ok) and `log`. */
function runScript(script: string, body: string): boolean {
  const assert = Object.assign(
    (value: unknown, message?: string) => {
      if (!value) throw new Error(message ?? "assertion failed");
    },
    { ok: (value: unknown, message?: string) => assert(value, message) },
  );
  try {
    runInNewContext(script, { response: { body }, assert, log: () => undefined, JSON, Array }, { timeout: 1000 });
    return true;
  } catch {
    return false;
  }
}
