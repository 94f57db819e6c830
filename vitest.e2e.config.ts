import { defineConfig } from "vitest/config";

// Browser tests: Debian's chromium driven by playwright-core against a real gateway (`npm run test:e2e`).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
