// The JSON report (--format json) is what later steps and other tools consume: it must match the documented schema.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { FORMATS, ROOT } from "./helpers/paths.js";
import { good, jsonl, runCli, tempDir } from "./helpers/run.js";

const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "report.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe("report schema", () => {
  it("validates the report of a run with duplicates, leakage and broken records", () => {
    const train = jsonl(...Array.from({ length: 15 }, (_, i) => good(i)), good(3), "{broken");
    const val = jsonl(good(5), good(100), good(101));
    const dir = tempDir({ "data/train.jsonl": train, "data/validation.jsonl": val });
    const r = runCli(["check", "data", "--format", "json"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.duplicates.exact.duplicateRecords).toBe(1); // good(3) twice in train (good(5) in validation is a leak, counted by max-leakage only)
    expect(report.files.map((f: { records: number; validRecords: number }) => [f.records, f.validRecords])).toEqual([[17, 16], [3, 3]]);
    expect(report.summary).toMatchObject({ records: 20, validRecords: 19 });
    expect(validate({ ...report, summary: { ...report.summary, validRecords: undefined } })).toBe(false);
    expect(report.leakage).toEqual([expect.objectContaining({ train: "data/train.jsonl", eval: "data/validation.jsonl", exact: 1 })]);
    expect(report.files[1].findings.map((f: { rule: string; line: number }) => `${f.rule}@${f.line}`)).toContain("leakage@1");
  });

  it("validates the report of every format fixture (tests/fixtures/formats) and of examples/", () => {
    for (const [args, cwd] of [[["check", ".", "--format", "json"], FORMATS], [["check", "examples", "--format", "json"], ROOT]] as const) {
      const r = runCli([...args], cwd);
      expect([0, 1]).toContain(r.code);
      const report = JSON.parse(r.stdout);
      expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      // Per-file token figures add up to the run's total (within rounding of the per-file estimates).
      const perFile = report.files.reduce((s: number, f: { stats?: { tokens?: number } }) => s + (f.stats?.tokens ?? 0), 0);
      expect(Math.abs(perFile - report.tokens.total)).toBeLessThanOrEqual(Math.max(report.files.length, report.tokens.total * 0.001));
    }
  });
});
