// Property test on synthetic data with planted defects: every planted invalid record is reported with its rule at
// its line, every planted warning too, and no clean record gets an error.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../helpers/run.js";
import { GEN } from "../helpers/paths.js";
import { check } from "../../src/engine/check.js";
import { defaultConfig } from "../../src/config/config.js";

interface Truth {
  invalid: { line: number; rule: string }[];
  warnings: { line: number; rule: string }[];
}

describe.each([1, 2, 3, 11])("gen-chatml seed %i", (seed) => {
  it("reports exactly the planted defects", async () => {
    const dir = tempDir();
    execFileSync(process.execPath, [GEN, "--examples", "3000", "--out", join(dir, "d.jsonl"), "--truth", join(dir, "t.json"), "--seed", String(seed), "--invalid-rate", "0.03", "--warn-rate", "0.03"], { stdio: "ignore" });
    const truth = JSON.parse(readFileSync(join(dir, "t.json"), "utf8")) as Truth;
    const config = defaultConfig();
    config.maxFindings = 1e6;
    const report = await check({ files: ["d.jsonl"], config, cwd: dir, validateOnly: true });
    const f = report.files[0];
    const at = new Map<number, string[]>();
    for (const x of f.findings) at.set(x.line, [...(at.get(x.line) ?? []), `${x.rule}:${x.severity}`]);
    expect(truth.invalid.length).toBeGreaterThan(20);
    for (const { line, rule } of truth.invalid) expect(at.get(line) ?? [], `line ${line}`).toContain(`${rule}:error`);
    for (const { line, rule } of truth.warnings) {
      expect(at.get(line) ?? [], `line ${line}`).toContain(`${rule}:warning`);
      expect((at.get(line) ?? []).filter((r) => r.endsWith(":error")), `line ${line} is valid`).toEqual([]);
    }
    const invalidLines = new Set(truth.invalid.map((i) => i.line));
    const wrongErrors = f.findings.filter((x) => x.severity === "error" && !invalidLines.has(x.line));
    expect(wrongErrors).toEqual([]);
    expect(f.records).toBe(3000);
  });
});
