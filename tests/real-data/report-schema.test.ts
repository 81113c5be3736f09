// Real-data suite (CHATML_GATE_REAL_DATA; skipped when not set): the JSON report of every real public file matches
// the documented schema.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { REAL, ROOT } from "../helpers/paths.js";
import { runCli } from "../helpers/run.js";

const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "report.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe.skipIf(!REAL)("report schema on real public files", () => {
  it("validates the report of every real public dataset", () => {
    const r = runCli(["check", ".", "--format", "json"], REAL as string);
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(report.files.length).toBeGreaterThanOrEqual(12);
    // Per-file token figures add up to the run's total (within rounding of the per-file estimates).
    const perFile = report.files.reduce((s: number, f: { stats?: { tokens?: number } }) => s + (f.stats?.tokens ?? 0), 0);
    expect(Math.abs(perFile - report.tokens.total)).toBeLessThanOrEqual(Math.max(report.files.length, report.tokens.total * 0.001));
  });
});
