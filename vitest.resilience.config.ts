import { defineConfig } from "vitest/config";

// Resilience: Nmbrs faults through the simulator, SQLite under stress, load, backups and shutdown, against real
// processes where it matters (`npm run test:resilience`). One file at a time: the load test measures a process's
// memory and must not share the two CI cores with another suite.
export default defineConfig({
  test: {
    include: ["test/resilience/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
