import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import newman, { type NewmanRunSummary } from "newman";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commit, group, users } from "../support/scim-fixtures.js";
import { startScimServer, type ScimTestServer } from "../support/scim-server.js";

const COLLECTION = fileURLToPath(new URL("../conformance/ms-scim-PostmanCollection.json", import.meta.url));
const CONFORMANCE_DOC = fileURLToPath(new URL("../../docs/conformance.md", import.meta.url));
// Everything but "Get Token", which calls a Microsoft-only /Token endpoint.
const FOLDERS = [
  "Endpoint tests",
  "User tests",
  "Group tests",
  "ComplexAttribute tests",
  "User tests with garbage",
  "Group tests with garbage",
  "Teardown garbage",
];
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface Outcome {
  readonly request: string;
  readonly method: string;
  readonly status: number | undefined;
  readonly assertion: string;
  readonly passed: boolean;
}

let server: ScimTestServer;
let dir: string;
let outcomes: Outcome[];
let summary: NewmanRunSummary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hrgw-newman-"));
  server = await startScimServer({ dir });
  const people = users(5);
  commit(server.db, "acme", [...people, group(1, "Sales", people)], server.clock());
  summary = await new Promise<NewmanRunSummary>((resolve, reject) =>
    newman.run(
      {
        collection: COLLECTION,
        envVar: [
          { key: "Protocol", value: "http" },
          { key: "Server", value: "127.0.0.1" },
          { key: "Port", value: `:${new URL(server.url).port}` },
          { key: "Api", value: "scim/v2/acme" },
          { key: "token", value: server.bearer.slice("Bearer ".length) },
        ],
        folder: FOLDERS,
        reporters: [],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  outcomes = summary.run.executions.flatMap((execution) =>
    (execution.assertions ?? []).map((assertion) => ({
      request: execution.item.name,
      method: execution.request.method,
      status: execution.response?.code,
      assertion: assertion.assertion,
      passed: !assertion.error,
    })),
  );
}, 60_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The expected failures are the table in docs/conformance.md, so the document and the test cannot disagree. */
function documentedFailures(): string[] {
  const text = readFileSync(CONFORMANCE_DOC, "utf8");
  const section = text.slice(
    text.indexOf("<!-- ms-postman-expected-failures -->"),
    text.indexOf("<!-- /ms-postman-expected-failures -->"),
  );
  return section
    .split("\n")
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const [, , request, assertion] = line.split("|").map((cell) => cell.trim());
      return `${request!.replace(/\\\|/g, "|")} — ${assertion}`;
    });
}

describe("Microsoft SCIM Postman collection via newman (test/conformance/ms-scim-PostmanCollection.json)", () => {
  it("runs 76 requests without a request error", () => {
    expect(summary.run.stats.requests).toMatchObject({ total: 76, failed: 0 });
    expect(
      summary.run.executions.filter((execution) => (execution as { requestError?: unknown }).requestError),
    ).toEqual([]);
  });

  it("fails exactly the assertions docs/conformance.md lists, with their reasons", () => {
    const failed = outcomes
      .filter((outcome) => !outcome.passed)
      .map((outcome) => `${outcome.request} — ${outcome.assertion}`);
    expect(failed).toEqual(documentedFailures());
  });

  it("answers every write with the documented 501", () => {
    const writes = summary.run.executions.filter((execution) => WRITES.has(execution.request.method));
    expect(writes).toHaveLength(50);
    expect(new Set(writes.map((execution) => execution.response?.code))).toEqual(new Set([501]));
  });

  it("passes every assertion of the reads that do not depend on the collection's own writes", () => {
    const independent = [
      "Get empty Users",
      "Get empty Groups",
      "Get ResourceTypes",
      "Get Schemas",
      "Get Groups",
      "Paginate",
      "get user attributes",
    ];
    const reads = outcomes.filter((outcome) => independent.includes(outcome.request));
    expect(reads.length).toBeGreaterThanOrEqual(9);
    expect(reads.filter((outcome) => !outcome.passed)).toEqual([]);
  });
});
