import { describe, expect, it } from "vitest";
import { DEFAULT_PATHS, InputError, readSettings, splitList } from "../../src/action/inputs.js";

const from = (m: Record<string, string>) => (n: string) => m[n] ?? "";

describe("readSettings", () => {
  it("applies defaults", () => {
    const s = readSettings(from({}));
    expect(s.paths).toEqual(DEFAULT_PATHS);
    expect(s).toMatchObject({ comment: "always", commentKey: "default", maxAnnotations: 10, auditIssue: false, auditLabel: "dataset-audit", thresholds: {} });
    expect(s.scope).toBeUndefined();
  });

  it("parses lists, enums and thresholds strictly", () => {
    const s = readSettings(from({ paths: "data/*.jsonl, more/**/*.jsonl.gz\n# comment\n", comment: "On-Failure", scope: "all", "audit-issue": "true", "max-duplicate-rate": " 5% ", "fail-on": "warning" }));
    expect(s.paths).toEqual(["data/*.jsonl", "more/**/*.jsonl.gz"]);
    expect(s.comment).toBe("on-failure");
    expect(s.scope).toBe("all");
    expect(s.auditIssue).toBe(true);
    expect(s.thresholds).toEqual({ "max-duplicate-rate": "5%", "fail-on": "warning" });
  });

  it("takes the privacy thresholds and the ignore file", () => {
    const s = readSettings(from({ "max-secrets": "2", "max-pii-share": "1%", "ignore-file": " .github/accepted-findings " }));
    expect(s.thresholds).toEqual({ "max-secrets": "2", "max-pii-share": "1%" });
    expect(s.ignoreFile).toBe(".github/accepted-findings");
    expect(readSettings(from({})).ignoreFile).toBeUndefined();
  });

  it.each([
    ["comment", "sometimes"],
    ["scope", "diff"],
    ["max-annotations", "-1"],
    ["max-annotations", "ten"],
    ["audit-issue", "maybe"],
    ["comment-key", "a b"],
    ["comment-key", "x-->"],
  ])("rejects %s=%s", (name, value) => {
    expect(() => readSettings(from({ [name]: value }))).toThrow(InputError);
  });

  it("splitList drops blanks", () => {
    expect(splitList(" a ,\n\n b,")).toEqual(["a", "b"]);
  });
});
