import { defineConfig } from "vitest/config";

// CHATML_GATE_TEST_REPORT=FILE adds a JSON report (CI counts passed and failed tests from it).
const jsonReport = process.env.CHATML_GATE_TEST_REPORT;

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/helpers/real-data-notice.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: jsonReport ? ["default", ["json", { outputFile: jsonReport }]] : ["default"],
  },
});
