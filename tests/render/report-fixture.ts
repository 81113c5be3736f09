// A Report shaped like the engine's, with analysis fields filled, for renderer tests.
import type { Report } from "../../src/engine/report.js";

export const HOSTILE = [
  "a | b | c",
  "line1\nline2\r\n| x | y |",
  "<script>alert(1)</script> <img src=x onerror=alert(1)>",
  "<!-- chatml-quality-gate:default -->",
  "`code` ``` fence",
  "@octocat @github/team hi",
  "fixes #123 and GH-7 and owner/repo#9",
  "[click](https://evil.example) ![img](https://evil.example/x.png)",
  "**bold** _em_ ~~strike~~ $x^2$",
  "</details><details open>",
  "\u202eevil\u202c bidi",
].join(" ");

export function fixtureReport(opts: { findings?: number; files?: number; message?: string; path?: string; passed?: boolean } = {}): Report {
  const nFiles = opts.files ?? 2;
  const files = Array.from({ length: nFiles }, (_, i) => {
    const path = i === 0 && opts.path ? opts.path : `data/part-${i}.jsonl`;
    const findings = Array.from({ length: opts.findings ?? 3 }, (_, j) => ({
      rule: j % 2 ? "empty-message" : "invalid-json",
      severity: (j % 2 ? "warning" : "error") as "warning" | "error",
      line: j + 1,
      message: opts.message ?? `problem ${j}`,
    }));
    return {
      path,
      format: "chatml" as const,
      records: 100,
      validRecords: Math.max(0, 100 - findings.filter((f) => f.severity === "error").length),
      bytes: 1000,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      findings,
      findingCounts: findings.reduce<Record<string, number>>((c, f) => ({ ...c, [f.rule]: (c[f.rule] ?? 0) + 1 }), {}),
      findingsTruncated: false,
      stats: { exactDuplicates: 2, nearDuplicates: 1, tokens: 5000 },
    };
  });
  const errors = files.reduce((n, f) => n + f.errors, 0);
  const warnings = files.reduce((n, f) => n + f.warnings, 0);
  const m = (i: number) => ({ path: files[i % nFiles].path, line: i + 1 });
  const passed = opts.passed ?? errors === 0;
  return {
    schemaVersion: 1,
    tool: { name: "chatml-quality-gate", version: "0.1.0" },
    passed,
    summary: { files: nFiles, records: 100 * nFiles, validRecords: files.reduce((n, f) => n + f.validRecords, 0), errors, warnings, bytes: 1000 * nFiles },
    files,
    gate: {
      passed,
      failOn: "error",
      checks: [
        { name: "max-errors", limit: 0, actual: errors, passed: errors === 0, level: "fail" },
        { name: "max-duplicate-rate", limit: 0.05, actual: 0.02, passed: true, level: "fail" },
      ],
    },
    duplicates: {
      exact: { duplicateRecords: 4, rate: 0.02, groups: [{ members: [m(0), m(1), m(2)] }, { members: [m(3), m(4)] }] },
      near: { duplicateRecords: 2, rate: 0.01, threshold: 0.85, groups: [{ similarity: 0.91, members: [m(5), m(6)] }] },
    },
    leakage: [{ train: files[0].path, eval: files[nFiles - 1].path, exact: 1, near: 2, rate: 0.015 }],
    diversity: {
      distinct2: 0.42,
      windowedDistinct2: 0.61,
      compressionRatio: 3.1,
      openings: { topShare: 0.12, top: [{ text: opts.message ?? "Sure! Here is", count: 12 }] },
      boilerplateShare: 0.03,
    },
    composition: { singleTurnShare: 0.7, roles: { system: 10, user: 100 } },
    tokens: { total: 10000, mean: 50, p50: 40, p95: 120, max: 300, histogram: [{ lo: 0, hi: 64, count: 40 }, { lo: 64, hi: 128, count: 50 }, { lo: 128, hi: 512, count: 10 }] },
    datasetInfo: { text: `dataset_info\n  features:\n  - name: messages\n${opts.message ?? ""}\n` },
  };
}
