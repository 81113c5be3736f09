// The bundled CLI compared with a base version: --base REPORT.json, --fail-on-new, merge --base, --format comment.
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { ROOT } from "./helpers/paths.js";
import { good, jsonl, runCli, tempDir } from "./helpers/run.js";

const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas", "report.schema.json"), "utf8")));

const many = (n: number, from = 0) => Array.from({ length: n }, (_, i) => good(from + i));
const sameRole = { messages: [{ role: "user", content: "a" }, { role: "user", content: "b" }, { role: "assistant", content: "c" }] };

describe("check --base", () => {
  it("marks what the base lacks; --fail-on-new passes known debt and fails on a new error", () => {
    const dir = tempDir({ "data/train.jsonl": jsonl(...many(12), sameRole, "{old") });
    const base = runCli(["check", "data", "--format", "json", "--output", "base.json"], dir);
    expect(base.code).toBe(1);
    // the pull request moves the old records down and adds good ones
    writeFileSync(join(dir, "data/train.jsonl"), jsonl(...many(3, 50), ...many(12), sameRole, "{old"));
    const plain = runCli(["check", "data", "--base", "base.json", "--format", "json"], dir);
    expect(plain.code).toBe(1);
    const report = JSON.parse(plain.stdout);
    expect(report.comparison).toMatchObject({ base: "the base report base.json", newFindings: { errors: 0, warnings: 0, approximate: false } });
    expect(report.comparison.files).toEqual([{ path: "data/train.jsonl", status: "changed", base: expect.objectContaining({ records: 14 }), head: expect.objectContaining({ records: 17 }) }]);
    expect(report.files[0].findings.every((f: { new?: boolean }) => !f.new)).toBe(true);
    expect(runCli(["check", "data", "--base", "base.json", "--fail-on-new"], dir).code).toBe(0);

    writeFileSync(join(dir, "data/train.jsonl"), jsonl(...many(3, 50), ...many(12), sameRole, "{old", "{new"));
    const worse = runCli(["check", "data", "--base", "base.json", "--fail-on-new", "--format", "json"], dir);
    expect(worse.code).toBe(1);
    const w = JSON.parse(worse.stdout);
    expect(validate(w), JSON.stringify(validate.errors)).toBe(true); // comparison, new, fingerprint, failOnNew, known
    expect(w.gate.failOnNew).toBe(true);
    expect(w.files[0].findings.filter((f: { new?: boolean }) => f.new).map((f: { rule: string; line: number }) => `${f.rule}@${f.line}`)).toEqual(["invalid-json@18"]);
    expect(w.gate.checks.find((c: { name: string }) => c.name === "max-errors")).toMatchObject({ actual: 1, passed: false });

    const comment = runCli(["check", "data", "--base", "base.json", "--fail-on-new", "--format", "comment"], dir);
    expect(comment.stdout.split("\n")[0]).toBe("### ❌ ChatML Quality Gate failed: max\\-errors");
    expect(comment.stdout).toContain("**1 new** (1 error, 0 warnings) · fail-on: `error`, new findings only");
    expect(comment.stdout).toContain("**Against the base report base.json:**");
    expect(comment.stdout).toContain("×2 · **1 new**: data/train.jsonl:18 🆕, line 17\\"); // new first
    expect(comment.stdout).not.toContain("data/train.jsonl:18]("); // no repository named: no links to files, only to the rule docs
  });

  it("usage errors are one line and exit 2", () => {
    const dir = tempDir({ "d.jsonl": jsonl(...many(12)), "old.json": JSON.stringify({ schemaVersion: 1, summary: {}, gate: { checks: [] }, files: [{ path: "d.jsonl", findings: [{ rule: "x", severity: "error", line: 1, message: "m" }] }] }) });
    const cases: [string[], RegExp][] = [
      [["check", "d.jsonl", "--fail-on-new"], /^chatml-gate: --fail-on-new compares with a base version: give its JSON report with --base FILE/],
      [["check", "d.jsonl", "--base", "nope.json"], /^chatml-gate: cannot read --base nope\.json: /],
      [["check", "d.jsonl", "--base", "old.json"], /^chatml-gate: --base old\.json has findings without fingerprints \(it was written by an older chatml-gate\)/],
      [["check", "d.jsonl", "--base", "d.jsonl"], /^chatml-gate: cannot read the base report --base d\.jsonl: /],
      [["check", "d.jsonl", "--shard", "1/2", "--output", "p.json", "--base", "old.json"], /^chatml-gate: --base belongs on 'chatml-gate merge'/],
    ];
    for (const [args, re] of cases) {
      const r = runCli(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("merge --base compares the merged report like a single run", () => {
    const env = { CHATML_GATE_CHUNK_BYTES: String(16 * 1024) };
    const dir = tempDir({ "data/train.jsonl": jsonl(...many(300)) });
    expect(runCli(["check", "data", "--format", "json", "--output", "base.json"], dir, env).code).toBe(0);
    writeFileSync(join(dir, "data/train.jsonl"), jsonl(...many(300), "{x"));
    for (const i of [1, 2]) expect(runCli(["check", "data", "--shard", `${i}/2`, "--output", `p${i}.json`, "--fail-on-new"], dir, env).code).toBe(0);
    const merged = runCli(["merge", "p1.json", "p2.json", "--base", "base.json", "--format", "json"], dir, env);
    const single = runCli(["check", "data", "--base", "base.json", "--fail-on-new", "--format", "json"], dir, env);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toBe(single.stdout);
    expect(JSON.parse(merged.stdout).comparison.newFindings).toMatchObject({ errors: 1, rules: { "invalid-json": 1 } });
  });
});
