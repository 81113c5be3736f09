// The one choice every cap makes (src/engine/findings-select.ts): errors before warnings, every rule before more rows of
// a rule already shown, a file's own problems before more rows from another file; output in input order.
import { describe, expect, it } from "vitest";
import { omittedByRule, selectFindings, selectReportFindings } from "../../src/engine/findings-select.js";
import type { Finding } from "../../src/engine/model.js";
import type { Report } from "../../src/engine/report.js";

const f = (rule: string, line: number, severity: "error" | "warning" = "warning"): Finding => ({ rule, severity, line, message: `${rule} at ${line}` });
const tag = (xs: Finding[]) => xs.map((x) => `${x.rule}@${x.line}`);

describe("selectFindings", () => {
  it("keeps the one error after 100,000 warnings of another rule", () => {
    const items = Array.from({ length: 100_000 }, (_, i) => f("consecutive-same-role", i + 1));
    items.push(f("invalid-role", 100_001, "error"));
    const picked = selectFindings(items, 1000);
    expect(picked).toHaveLength(1000);
    expect(picked.at(-1)).toMatchObject({ rule: "invalid-role", line: 100_001 });
    expect(tag(selectFindings(items, 1))).toEqual(["invalid-role@100001"]);
    expect(tag(selectFindings(items, 2))).toEqual(["consecutive-same-role@1", "invalid-role@100001"]);
  });

  it("shows every rule once before a second row of any, errors first, then the rules in turn", () => {
    const items = [f("a", 1), f("a", 2), f("a", 3), f("b", 4, "error"), f("b", 5, "error"), f("c", 6), f("a", 7), f("c", 8), f("b", 9, "error")];
    expect(tag(selectFindings(items, 3))).toEqual(["a@1", "b@4", "c@6"]);
    expect(tag(selectFindings(items, 4))).toEqual(["a@1", "b@4", "b@5", "c@6"]); // more errors before more warnings
    expect(tag(selectFindings(items, 5))).toEqual(["a@1", "b@4", "b@5", "c@6", "b@9"]);
    expect(tag(selectFindings(items, 7))).toEqual(["a@1", "a@2", "b@4", "b@5", "c@6", "c@8", "b@9"]); // a and c in turn
    expect(selectFindings(items, 100)).toEqual(items);
    expect(selectFindings(items, 0)).toEqual([]);
  });

  it("across files: the first finding of a rule in each file before more rows of it in one file", () => {
    const items = [
      { ...f("invalid-json", 1, "error"), path: "a.jsonl" },
      { ...f("invalid-json", 2, "error"), path: "a.jsonl" },
      { ...f("invalid-json", 3, "error"), path: "a.jsonl" },
      { ...f("lfs-pointer", 1, "error"), path: "b.jsonl" },
      { ...f("exact-duplicate", 4), path: "c.jsonl" },
      { ...f("invalid-json", 7, "error"), path: "c.jsonl" },
    ];
    const picked = selectFindings(items, 4, (x) => x.path);
    expect(picked.map((x) => `${x.path}:${x.line} ${x.rule}`)).toEqual(["a.jsonl:1 invalid-json", "b.jsonl:1 lfs-pointer", "c.jsonl:4 exact-duplicate", "c.jsonl:7 invalid-json"]);
  });

  it("the report-wide choice reads each file's listed findings; omittedByRule says what a list leaves out", () => {
    const file = (path: string, findings: Finding[], counts: Record<string, number>) => ({ path, findings, findingCounts: counts });
    const report = { files: [file("a.jsonl", [f("x", 1), f("x", 2)], { x: 9 }), file("b.jsonl", [f("y", 3, "error")], { y: 1 })] } as unknown as Report;
    expect(selectReportFindings(report, 2).map((x) => `${x.path}:${x.line}`)).toEqual(["a.jsonl:1", "b.jsonl:3"]);
    expect(omittedByRule(report.files[0])).toEqual({ x: 7 });
    expect(omittedByRule(report.files[1])).toEqual({});
  });
});
