import { describe, expect, it } from "vitest";
import { pairSplits } from "../../src/engine/analysis/splits.js";
import { runDuplicates } from "./helpers.js";

describe("pairSplits", () => {
  it("pairs train files with eval files of the same folder by name", () => {
    const paths = ["data/train.jsonl", "data/validation.jsonl", "data/test.jsonl.gz", "other/val.jsonl", "data/notes.jsonl", "data/sft_train.jsonl", "data/sft_val.jsonl", "b/training-v2.jsonl", "b/dev.jsonl", "b/contest.jsonl"];
    expect(pairSplits(paths)).toEqual([
      { train: 0, eval: 1 },
      { train: 0, eval: 2 },
      { train: 5, eval: 6 },
      { train: 7, eval: 8 },
    ]);
  });
  it("uses overrides (globs, basename globs) instead of names", () => {
    const paths = ["./a/big.jsonl", "a/holdout.jsonl", "a/x_train.jsonl", "b/holdout.jsonl"];
    expect(pairSplits(paths, [{ train: ["a/big.jsonl"], eval: ["holdout.jsonl"] }])).toEqual([
      { train: 0, eval: 1 },
      { train: 0, eval: 3 },
    ]);
  });
  it("returns nothing without eval files", () => {
    expect(pairSplits(["train.jsonl", "more.jsonl"])).toEqual([]);
  });
});

const rec = (u: string, a: string) => JSON.stringify({ messages: [{ role: "user", content: u }, { role: "assistant", content: a }] });
const words = (seed: number, n: number) => Array.from({ length: n }, (_, i) => `w${(i * 7919 + seed * 104729) % 100003}`).join(" ");

describe("leakage", () => {
  const longA = words(1, 120);
  const longA2 = longA.replace(/^(\S+)/, "changed"); // one word replaced: Jaccard ~0.96
  const train = [rec("hello", "world"), rec("q", longA), rec("other", words(2, 80))].join("\n");
  const evalFile = [rec("hello ", " world"), rec("q", longA2), rec("fresh", words(3, 80)), rec("hello", "world")].join("\n");

  for (const order of ["train-first", "eval-first"] as const) {
    it(`finds exact and near leakage whatever the file order (${order})`, async () => {
      const paths = order === "train-first" ? ["d/train.jsonl", "d/val.jsonl"] : ["d/val.jsonl", "d/train.jsonl"];
      const texts = order === "train-first" ? [train, evalFile] : [evalFile, train];
      const splits = pairSplits(paths);
      const ev = order === "train-first" ? 1 : 0;
      const { report, addFindings } = await runDuplicates(texts, { paths, splits });
      const records = [
        { line: 1, related: { path: "d/train.jsonl", line: 1 }, kind: "exact" },
        { line: 2, related: { path: "d/train.jsonl", line: 2 }, kind: "near", similarity: expect.closeTo(0.95, 1) },
        { line: 4, related: { path: "d/train.jsonl", line: 1 }, kind: "exact" },
      ];
      expect(report.leakage).toEqual([{ train: "d/train.jsonl", eval: "d/val.jsonl", exact: 2, near: 1, evalRecords: 4, rate: 0.75, records }]);
      // One defect, one finding: each leaked pair is `leakage` only (not also an exact duplicate, a near duplicate or a
      // conflicting answer of its training copy), and counts in no duplicate rate; val:4 also repeats val:1, another defect.
      const all = [...addFindings.map((f) => `${f.file}:${f.line}:${f.rule}`), ...report.findings.map((f) => `${f.file}:${f.finding.line}:${f.finding.rule}`)].sort();
      expect(all).toEqual([`${ev}:1:leakage`, `${ev}:2:leakage`, `${ev}:4:exact-duplicate`, `${ev}:4:leakage`]);
      expect(addFindings.find((f) => f.rule === "exact-duplicate")!.message).toContain("Exact duplicate of d/val.jsonl:1 ");
      expect([report.exact.duplicateRecords, report.exact.conflictingAnswers, report.near.duplicateRecords]).toEqual([1, 0, 0]);
      expect(report.perFile[ev]).toEqual({ exactDuplicates: 1, nearDuplicates: 0 });
      expect(report.perFile[1 - ev]).toEqual({ exactDuplicates: 0, nearDuplicates: 0 });
      const leaks = report.findings.filter((f) => f.finding.rule === "leakage");
      expect(leaks.map((f) => [f.file, f.finding.line, f.finding.severity])).toEqual([[ev, 1, "error"], [ev, 2, "error"], [ev, 4, "error"]]);
      expect(leaks[0].finding.message).toContain("exact duplicate of training record d/train.jsonl:1");
      expect(leaks.map((f) => f.finding.related)).toEqual(records.map((r) => r.related));
      expect(leaks[1].finding.message).toMatch(/near duplicate \(Jaccard 0\.9\d of word 5-grams\) of training record d\/train\.jsonl:2/);
    });
  }

  it("reports near duplicates with findings naming the closest earlier record", async () => {
    const { report } = await runDuplicates([[rec("q", longA), rec("x", words(9, 50)), rec("r", longA2)].join("\n")]);
    expect(report.near.duplicateRecords).toBe(1);
    expect(report.near.groups).toHaveLength(1);
    expect(report.near.groups[0].members).toEqual([{ path: "data/f0.jsonl", line: 1 }, { path: "data/f0.jsonl", line: 3 }]);
    expect(report.findings[0].finding).toMatchObject({ rule: "near-duplicate", line: 3, severity: "warning", related: { path: "data/f0.jsonl", line: 1 } });
    expect(report.findings[0].finding.message).toMatch(/^Near duplicate \(Jaccard 0\.9\d of word 5-grams\) of data\/f0\.jsonl:1: /);
    expect(report.perFile).toEqual([{ exactDuplicates: 0, nearDuplicates: 1 }]);
  });

  it("a near duplicate that also answers the same prompt differently is one finding, conflicting-answers (still a near duplicate in the rate)", async () => {
    const { report, addFindings } = await runDuplicates([[rec("q", longA), rec("x", words(9, 50)), rec("q", longA2)].join("\n")]);
    expect(addFindings.map((f) => `${f.line}:${f.rule}`)).toEqual(["3:conflicting-answers"]);
    expect(addFindings[0].message).toContain("Same prompt as data/f0.jsonl:1 ");
    expect(report.findings).toEqual([]);
    expect(report.near.duplicateRecords).toBe(1);
    expect(report.near.groups[0].members).toEqual([{ path: "data/f0.jsonl", line: 1 }, { path: "data/f0.jsonl", line: 3 }]);
    expect(report.perFile).toEqual([{ exactDuplicates: 0, nearDuplicates: 1 }]);
  });

  it("a record copied across a train/eval pair and also repeated within training is a leak and a training duplicate", async () => {
    // eval first (dev.jsonl sorts before train.jsonl): train:2 repeats train:1, whose only earlier copy is in the eval split
    const dev = [rec("a", "b"), rec("c", words(4, 40))].join("\n");
    const tr = [rec("a", "b"), rec("a", "b"), rec("z", words(5, 40))].join("\n");
    const paths = ["d/dev.jsonl", "d/train.jsonl"];
    const { report, addFindings } = await runDuplicates([dev, tr], { paths, splits: pairSplits(paths) });
    expect(addFindings.map((f) => `${f.file}:${f.line}:${f.rule}`)).toEqual(["1:2:exact-duplicate"]);
    expect(addFindings[0].message).toContain("Exact duplicate of d/train.jsonl:1 ");
    expect(report.findings.map((f) => `${f.file}:${f.finding.line}:${f.finding.rule}`)).toEqual(["0:1:leakage"]);
    expect(report.exact.duplicateRecords).toBe(1);
    expect(report.exact.groups).toEqual([{ size: 3, members: [{ path: "d/dev.jsonl", line: 1 }, { path: "d/train.jsonl", line: 1 }, { path: "d/train.jsonl", line: 2 }] }]);
  });
});
