// One defect, one finding, one gate: a leaked evaluation record is `leakage` only and counts in max-leakage only;
// records that share a prompt by design (KTO labels, preference pairs) are not conflicting answers.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDir, good, jsonl } from "../helpers/run.js";
import { ROOT } from "../helpers/paths.js";
import type { Report } from "../../src/engine/report.js";

const fixture = (name: string) => readFileSync(join(ROOT, "tests", "fixtures", "shapes", name), "utf8");
const rules = (r: Report) => r.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.rule}`));
const check = (r: Report, name: string) => r.gate.checks.find((c) => c.name === name && c.level === "fail");

describe("one defect, one finding", () => {
  it("KTO completions (label / kto_tag true and false on one prompt) and preference pairs sharing a prompt are not conflicting answers", async () => {
    for (const name of ["kto-messages.jsonl", "kto-sharegpt.jsonl", "preference-shared-prompts.jsonl"]) {
      const r = await checkDir({ [name]: fixture(name) });
      expect(r.files[0].findingCounts, name).toEqual({});
      expect((r.duplicates as { exact: { conflictingAnswers: number } }).exact.conflictingAnswers, name).toBe(0);
    }
  });

  it("the same prompt answered two ways is still a conflicting answer in SFT data", async () => {
    const p = [{ role: "user", content: "What is the capital of Peru?" }];
    const r = await checkDir({ "sft.jsonl": jsonl({ messages: [...p, { role: "assistant", content: "Lima." }] }, { messages: [...p, { role: "assistant", content: "Cusco." }] }) });
    expect(rules(r)).toEqual(["sft.jsonl:2:conflicting-answers"]);
  });

  it("a leaked evaluation record is one leakage error, counted by max-leakage only: max-errors and the duplicate rate do not see it", async () => {
    const train = jsonl(...Array.from({ length: 12 }, (_, i) => good(i)));
    const val = jsonl(good(3), good(100), good(101));
    const r = await checkDir({ "d/train.jsonl": train, "d/val.jsonl": val });
    expect(rules(r)).toEqual(["d/val.jsonl:1:leakage"]);
    expect(r.summary.errors).toBe(1);
    expect(check(r, "max-leakage")).toMatchObject({ actual: 1, passed: false, scope: "run" });
    expect(check(r, "max-leakage")!.message).toContain("d/val.jsonl ← d/train.jsonl (1 exact, 0 near)");
    expect(r.gate.checks.filter((c) => c.name === "max-errors").every((c) => c.passed)).toBe(true);
    expect((r.duplicates as { exact: { duplicateRecords: number } }).exact.duplicateRecords).toBe(0);
    expect(r.files.map((f) => f.stats?.exactDuplicates)).toEqual([0, 0]);
    // so a tolerance for leakage is a tolerance: nothing else fails on the leaked record
    const tolerant = await checkDir({ "d/train.jsonl": train, "d/val.jsonl": val }, { config: { thresholds: { "max-leakage": 300 } } });
    expect(tolerant.passed).toBe(true);
  });
});
