// Base → head: finding fingerprints that survive line moves, new findings counted as a multiset, per-file deltas, and
// fail-on-new, on real files checked by the real engine.
import { describe, expect, it } from "vitest";
import { check } from "../../src/engine/check.js";
import { configFromObject } from "../../src/config/config.js";
import { compareWithBase, parseBaseReport } from "../../src/engine/deltas.js";
import { fingerprint, recordKey } from "../../src/engine/fingerprint.js";
import type { Report } from "../../src/engine/report.js";
import { good, jsonl, tempDir } from "../helpers/run.js";

const relaxed = { thresholds: { "max-opening-share": null, "max-compression-ratio": null, "min-windowed-distinct-2": null, "max-boilerplate-share": null, "min-examples": null, "min-length-uniqueness": null } };

async function run(files: Record<string, string>, config: object = relaxed, base?: Report): Promise<Report> {
  const dir = tempDir(files);
  return check({ files: Object.keys(files).sort(), config: configFromObject(config), cwd: dir, date: "2026-01-01", base, baseLabel: "base" });
}

const sameRole = { messages: [{ role: "user", content: "a" }, { role: "user", content: "b" }, { role: "assistant", content: "c" }] };
const noAnswer = { messages: [{ role: "user", content: "where is the answer?" }] };
const fps = (r: Report, path: string) => r.files.find((f) => f.path === path)!.findings.map((x) => `${x.rule}@${x.line}:${x.new ? "new" : "old"}`);

describe("fingerprints", () => {
  it("every listed finding has one; it keeps it when lines move or line endings change, not when the record changes", async () => {
    const base = await run({ "d.jsonl": jsonl(good(1), sameRole, good(2), "{broken") });
    const f = base.files[0].findings;
    expect(f.map((x) => x.rule)).toEqual(["consecutive-same-role", "invalid-json"]);
    for (const x of f) expect(x.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // three records inserted above, CRLF line endings
    const moved = await run({ "d.jsonl": jsonl(good(7), good(8), good(9), good(1), sameRole, good(2), "{broken").replace(/\n/g, "\r\n") });
    expect(moved.files[0].findings.map((x) => [x.line, x.fingerprint])).toEqual([
      [5, f[0].fingerprint],
      [7, f[1].fingerprint],
    ]);
    // the same problem in an edited record is another finding
    const edited = await run({ "d.jsonl": jsonl(good(1), { ...sameRole, id: 1 }, good(2), "{broken") });
    expect(edited.files[0].findings[0].fingerprint).not.toBe(f[0].fingerprint);
    expect(edited.files[0].findings[1].fingerprint).toBe(f[1].fingerprint);
  });

  it("analysis findings (duplicates, leakage) are keyed by their record's text, re-read after the pass", async () => {
    const files = { "data/train.jsonl": jsonl(good(1), good(2), good(1)), "data/validation.jsonl": jsonl(good(2), good(5)) };
    const r = await run(files);
    const train = r.files[0].findings.find((x) => x.rule === "exact-duplicate")!;
    const leak = r.files[1].findings.find((x) => x.rule === "leakage")!;
    expect(train.line).toBe(3);
    expect(train.fingerprint).toBe(fingerprint("exact-duplicate", "data/train.jsonl", recordKey(Buffer.from(JSON.stringify(good(1))))));
    expect(leak.fingerprint).toBe(fingerprint("leakage", "data/validation.jsonl", recordKey(Buffer.from(JSON.stringify(good(2))))));
    // a whole-file finding has no record
    const lfs = await run({ "x.jsonl": "version https://git-lfs.github.com/spec/v1\noid sha256:" + "a".repeat(64) + "\nsize 12345\n" });
    expect(lfs.files[0].findings[0].fingerprint).toBe(fingerprint("lfs-pointer", "x.jsonl"));
  });
});

describe("compared with a base version", () => {
  it("marks and counts the findings the base does not have (a multiset), and lists per-file deltas", async () => {
    const base = await run({ "data/a.jsonl": jsonl(good(1), sameRole, good(2), good(3)), "data/b.jsonl": jsonl(good(4), good(5)) });
    const head = await run(
      {
        "data/a.jsonl": jsonl(good(9), sameRole, good(1), sameRole, good(2), good(3), noAnswer),
        "data/b.jsonl": jsonl(good(4), good(5)),
        "data/c.jsonl": jsonl(good(6), "{x"),
      },
      relaxed,
      base,
    );
    // the known record moved to line 2; its identical copy at line 4 is a new finding (and a new exact duplicate)
    expect(fps(head, "data/a.jsonl")).toEqual(["consecutive-same-role@2:old", "consecutive-same-role@4:new", "exact-duplicate@4:new", "missing-assistant@7:new"]);
    expect(fps(head, "data/c.jsonl")).toEqual(["invalid-json@2:new"]);
    const c = head.comparison!;
    expect(c.newFindings).toEqual({ errors: 2, warnings: 2, rules: { "consecutive-same-role": 1, "exact-duplicate": 1, "missing-assistant": 1, "invalid-json": 1 }, approximate: false });
    expect(c.base).toBe("base");
    expect(c.unchangedFiles).toBe(1);
    expect(c.files.map((f) => [f.path, f.status, f.base?.records, f.head.records, f.base?.errors, f.head.errors])).toEqual([
      ["data/a.jsonl", "changed", 4, 7, 0, 1],
      ["data/c.jsonl", "added", undefined, 2, undefined, 1],
    ]);
    expect(head.deltas!.find((d) => d.metric === "records")).toEqual({ metric: "records", base: 6, head: 11 });
  });

  it("fail-on-new: only new errors fail, a check failing as on the base is known, one made worse fails", async () => {
    const failOnNew = { ...relaxed, "fail-on-new": true, thresholds: { ...relaxed.thresholds, "max-duplicate-rate": 0.05 } };
    const debt = jsonl(good(1), good(1), "{old", ...Array.from({ length: 10 }, (_, i) => good(10 + i)));
    const base = await run({ "d.jsonl": debt }, failOnNew);
    expect(base.passed).toBe(false);
    // same debt, lines moved, one good record added: passes
    const same = await run({ "d.jsonl": jsonl(good(30), good(1), good(1), "{old", ...Array.from({ length: 10 }, (_, i) => good(10 + i))) }, failOnNew, base);
    expect(same.passed).toBe(true);
    expect(same.gate.failOnNew).toBe(true);
    const errors = same.gate.checks.find((x) => x.name === "max-errors")!;
    expect(errors).toMatchObject({ actual: 0, passed: true, message: "0 new validation error(s) (1 in all; fail-on-new counts the new ones)" });
    const dup = same.gate.checks.find((x) => x.name === "max-duplicate-rate" && x.level === "fail")!;
    expect(dup).toMatchObject({ passed: true, known: true });
    // a new broken line fails; more duplicates fail the duplicate rate again
    const worse = await run({ "d.jsonl": debt + jsonl("{new", good(1)) }, failOnNew, base);
    expect(worse.passed).toBe(false);
    expect(worse.gate.checks.find((x) => x.name === "max-errors")).toMatchObject({ actual: 1, passed: false });
    expect(worse.gate.checks.find((x) => x.name === "max-duplicate-rate" && x.level === "fail")).toMatchObject({ passed: false });
    // without fail-on-new the same comparison fails on the old error too
    const plain = await run({ "d.jsonl": jsonl(good(30), good(1), good(1), "{old", ...Array.from({ length: 10 }, (_, i) => good(10 + i))) }, { ...failOnNew, "fail-on-new": false }, base);
    expect(plain.passed).toBe(false);
  });

  it("fail-on-new with every file new: nothing is known debt", async () => {
    const failOnNew = { ...relaxed, "fail-on-new": true };
    const empty = await run({}, failOnNew);
    const head = await run({ "d.jsonl": jsonl(good(1), "{x") }, failOnNew, empty);
    expect(head.passed).toBe(false);
    expect(head.comparison!.files).toEqual([expect.objectContaining({ path: "d.jsonl", status: "added" })]);
  });

  it("files with more findings than listed are counted by the growth of each rule", async () => {
    const cap = { ...relaxed, "max-findings": 2 };
    const base = await run({ "d.jsonl": jsonl(...Array.from({ length: 5 }, () => "{x")) }, cap);
    const head = await run({ "d.jsonl": jsonl(...Array.from({ length: 8 }, () => "{x")) }, cap, base);
    expect(head.comparison!.newFindings).toMatchObject({ errors: 3, approximate: true, rules: { "invalid-json": 3 } });
  });

  it("a base report from JSON: checked for fingerprints", () => {
    expect(() => parseBaseReport("{", "x.json")).toThrow(/cannot read the base report x.json/);
    expect(() => parseBaseReport('{"schemaVersion":1}', "x.json")).toThrow(/not a chatml-gate JSON report/);
    const old = { schemaVersion: 1, summary: {}, gate: { checks: [] }, files: [{ path: "a", findings: [{ rule: "r", severity: "error", line: 1, message: "m" }] }] };
    expect(() => parseBaseReport(JSON.stringify(old), "x.json")).toThrow(/without fingerprints/);
  });

  it("comparing a report with itself finds nothing new and no changed file", async () => {
    const r = await run({ "d.jsonl": jsonl(good(1), sameRole, "{x") });
    compareWithBase(r, structuredClone(r), configFromObject(relaxed), "itself");
    expect(r.comparison).toMatchObject({ files: [], unchangedFiles: 1, newFindings: { errors: 0, warnings: 0 } });
    expect(r.files[0].findings.some((x) => x.new)).toBe(false);
  });
});

describe("per-file deltas with estimated token counts", () => {
  it("a file whose only difference is its token estimate is not listed as changed", async () => {
    const base = await run({ "a.jsonl": jsonl(good(1), good(2)), "b.jsonl": jsonl(good(3)) });
    const head = structuredClone(base);
    for (const r of [base, head]) (r.tokens as { exact: boolean }).exact = false;
    head.files[0].stats!.tokens = (head.files[0].stats!.tokens ?? 0) + 7;
    compareWithBase(head, base, configFromObject(relaxed), "base");
    expect(head.comparison).toMatchObject({ files: [], unchangedFiles: 2 });
    // counted exactly, the same difference is a change
    for (const r of [base, head]) (r.tokens as { exact: boolean }).exact = true;
    compareWithBase(head, base, configFromObject(relaxed), "base");
    expect(head.comparison!.files.map((f) => f.path)).toEqual(["a.jsonl"]);
  });
});
