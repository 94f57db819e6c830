import { defineConfig } from "vitest/config";

// `npm test` = unit + integration: fast enough to run often. Browser, resilience and bench-smoke suites have their
// own configs and npm scripts (see package.json), and .ci/run runs them too.
export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
