import { describe, expect, it } from "vitest";
import { COMMENT_BUDGET_BYTES, contextFromEnv, renderMarkdown, type MarkdownContext } from "../../src/render/markdown.js";
import { shorten } from "../../src/render/shorten.js";
import { escapeInline, fenced } from "../../src/render/escape.js";
import { all, assertSafe, parse, text } from "./gfm.js";
import { fixtureReport, HOSTILE } from "./report-fixture.js";

const MARKER = "<!-- chatml-quality-gate:default -->";
const ctx = (over: Partial<MarkdownContext> = {}): MarkdownContext => ({
  owner: "o",
  repo: "r",
  sha: "abc123",
  serverUrl: "https://github.com",
  runUrl: "https://github.com/o/r/actions/runs/1",
  kind: "comment",
  marker: MARKER,
  ...over,
});
describe("escapeInline", () => {
  it("keeps hostile text as literal text in one table cell", () => {
    const md = `| a | b |\n| --- | --- |\n| ${escapeInline(HOSTILE, 1000)} | x |\n`;
    const tree = parse(md);
    const cells = all(tree, "tableCell");
    expect(cells).toHaveLength(4);
    const shown = text(cells[2]).replace(/\u200b/g, "");
    expect(shown).toContain("a | b | c");
    expect(shown).toContain("<script>alert(1)</script>");
    expect(shown).toContain("`code`");
    assertSafe(md);
  });

  it("truncates by code points", () => {
    expect(escapeInline("😀".repeat(10), 4)).toBe("😀😀😀…");
  });
});

describe("fenced", () => {
  it("cannot be closed by content", () => {
    const md = fenced("a\n```\n<!-- x -->\n````\n@user #1\n", "text");
    const tree = parse(md);
    expect(all(tree, "code")).toHaveLength(1);
    expect(all(tree, "html")).toHaveLength(0);
  });
});

describe("renderMarkdown", () => {
  it("renders every section for a full report, the details collapsed", () => {
    const md = renderMarkdown(fixtureReport(), ctx());
    expect(md.startsWith(MARKER + "\n")).toBe(true);
    for (const s of ["Findings by rule", "Gate: 2 checks", "Files: 2 files", "Exact duplicates", "Near-duplicates", "Train/eval leakage", "Dataset figures", "xychart-beta", "dataset_info"]) {
      expect(md).toContain(s);
    }
    expect(md).toContain("https://github.com/o/r/blob/abc123/data/part-0.jsonl#L1");
    // the commit, the run and the artifacts are named
    expect(md).toContain("Checked [`abc123`](https://github.com/o/r/commit/abc123)");
    expect(md).toContain("[workflow run](https://github.com/o/r/actions/runs/1)");
    expect(md).toContain("[report artifact](https://github.com/o/r/actions/runs/1#artifacts)");
    // every rule links its doc
    expect(md).toContain("[invalid\\-json](https://github.com/chatml-quality-gate/chatml-quality-gate/blob/main/docs/rules.md#invalid-json)");
    assertSafe(md);
  });

  it("escapes hostile dataset content and paths everywhere", () => {
    const report = fixtureReport({ message: HOSTILE, path: "data/we|ird <b> @x #1 (1).jsonl" });
    for (const kind of ["comment", "summary"] as const) assertSafe(renderMarkdown(report, ctx({ kind })));
    const md = renderMarkdown(report, ctx());
    expect(md).toContain("blob/abc123/data/we%7Cird%20%3Cb%3E%20%40x%20%231%20%281%29.jsonl#L1");
  });

  it("a failing check says its actual value, its limit and the files behind it, linked to the line", () => {
    const md = renderMarkdown(fixtureReport(), ctx());
    const row = md.split("\n").find((l) => l.startsWith("| ❌ max\\-errors"));
    expect(row).toBe("| ❌ max\\-errors | 4 | 0 | data/part\\-0.jsonl: 2 errors, first at [line 1](https://github.com/o/r/blob/abc123/data/part-0.jsonl#L1)<br>data/part\\-1.jsonl: 2 errors, first at [line 1](https://github.com/o/r/blob/abc123/data/part-1.jsonl#L1) |");
    expect(md.split("\n")[1]).toBe("### ❌ ChatML Quality Gate failed: max\\-errors");
  });

  it("stays within the comment budget by dropping detail in priority order", () => {
    const report = fixtureReport({ files: 300, findings: 60, message: "x".repeat(150) + HOSTILE });
    (report.datasetInfo as { text: string }).text = "y".repeat(200_000);
    const figures = { records: 100, validRecords: 70, errors: 30, warnings: 30 };
    report.comparison = {
      base: "2222222 (base of this pull request)",
      files: report.files.map((f) => ({ path: f.path, status: "changed" as const, base: { ...figures, records: 90 }, head: figures })),
      unchangedFiles: 0,
      newFindings: { errors: 9000, warnings: 9000, rules: { "invalid-json": 9000, "empty-message": 9000 }, approximate: false },
    };
    const md = renderMarkdown(report, ctx());
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(COMMENT_BUDGET_BYTES);
    expect(md.length).toBeLessThan(65_536);
    expect(md).not.toContain("dataset_info");
    expect(md).toContain("**Against 2222222 \\(base of this pull request\\):**");
    expect(md).toMatch(/_\d+ more changed files not listed\._/);
    expect(md).toContain("Some details were left out");
    expect(md).toContain("job summary");
    // the cause is still on the first screen
    expect(md).toContain("| ❌ max\\-errors | 9,000 | 0 |");
    expect(md).toMatch(/\*\*\[invalid\\-json\]\([^)]*\)\*\* ×9,000 in 300 files/);
    assertSafe(md);
    const summary = renderMarkdown(report, ctx({ kind: "summary", marker: undefined }));
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(summary.length).toBeGreaterThan(md.length);
  });

  it("is deterministic (sticky comment comparisons rely on it)", () => {
    expect(renderMarkdown(fixtureReport(), ctx())).toBe(renderMarkdown(fixtureReport(), ctx()));
  });

  it("says in one line why there is no comparison", () => {
    const md = renderMarkdown(fixtureReport(), ctx({ baseNote: "this push created the branch, so there is no earlier commit to compare with" }));
    expect(md).toContain("_No comparison with a base version: this push created the branch, so there is no earlier commit to compare with_");
  });

  it("the CLI's Markdown outside GitHub Actions has no links and no commit line", () => {
    const md = renderMarkdown(fixtureReport(), contextFromEnv({}, "summary"));
    expect(md).not.toContain("](https://github.com/o/");
    expect(md).not.toContain("Checked");
    expect(md).toContain("data/part\\-0.jsonl:1");
    const inActions = contextFromEnv({ GITHUB_REPOSITORY: "o/r", GITHUB_SHA: "abc123", GITHUB_SERVER_URL: "https://github.com", GITHUB_RUN_ID: "1" }, "comment");
    expect(renderMarkdown(fixtureReport(), inActions)).toContain("https://github.com/o/r/blob/abc123/data/part-0.jsonl#L1");
  });
});

describe("shorten", () => {
  const cmd = "the file is a JSON array of 2 records, not JSON Lines (one record per line): convert it with `jq -c '.[]' data/a b.jsonl > data/a b.converted.jsonl`";
  it("keeps whole clauses and never cuts a command, a path or a number", () => {
    expect(shorten(cmd, 500)).toBe(cmd);
    expect(shorten(cmd, 100)).toBe("the file is a JSON array of 2 records, not JSON Lines (one record per line) …");
    expect(shorten(cmd, 50)).toBe("the file is a JSON array of 2 records …");
    expect(shorten("invalid JSON at column 1,234: Unexpected token", 32)).toBe("invalid JSON at column 1,234 …");
    expect(shorten("invalid JSON at column 1,234: Unexpected token", 30)).toBe("invalid JSON at column …");
    // no clause fits: cut between words outside code and quotes; no word break: whole
    expect(shorten("see `a very long command with spaces inside it` now", 20)).toBe("see …");
    expect(shorten("x".repeat(40), 10)).toBe("x".repeat(40));
  });
});

describe("findings by rule", () => {
  it("an error past the listing cap is still on the first screen, before 99,999 warnings of another rule", () => {
    const report = fixtureReport({ files: 1, findings: 0 });
    const f = report.files[0];
    f.findings = Array.from({ length: 1000 }, (_, i) => ({ rule: "consecutive-same-role", severity: "warning" as const, line: 2, message: `messages ${i} and ${i + 1} are both 'user'` }));
    f.findingCounts = { "consecutive-same-role": 99_999, "invalid-role": 1 };
    f.errors = 1;
    f.warnings = 99_999;
    f.findingsTruncated = true;
    const md = renderMarkdown(report, ctx());
    const lines = md.split("\n").filter((l) => l.startsWith("- "));
    expect(lines[0]).toMatch(/^- ❌ \*\*\[invalid\\-role\]\([^)]+#invalid-role\)\*\* ×1 in \[data\/part\\-0\.jsonl\]\([^)]+\) \(not listed: over max-findings; the counts are complete\)\\$/);
    expect(lines[1]).toMatch(/^- ⚠️ \*\*\[consecutive\\-same\\-role\]\([^)]+\)\*\* ×99,999: \[data\/part\\-0\.jsonl:2\]/);
    expect(md).toContain("A message's role is not one the format allows.");
    assertSafe(md);
  });
});

describe("compared with a base", () => {
  it("names each file once with its lines, and says when everything was already on the base", () => {
    const report = fixtureReport();
    report.comparison = { base: "2222222 (base of this pull request)", files: [], unchangedFiles: 2, newFindings: { errors: 0, warnings: 0, rules: {}, approximate: false } };
    const md = renderMarkdown(report, ctx());
    const url = (f: number, l: number) => `https://github.com/o/r/blob/abc123/data/part-${f}.jsonl#L${l}`;
    expect(md).toContain(`×4 in 2 files · already on the base: [data/part\\-0.jsonl:1](${url(0, 1)}), line [3](${url(0, 3)}); [data/part\\-1.jsonl:1](${url(1, 1)}) and 1 more\\`);
    expect(md).toContain("**nothing new**\\\n_Everything found was already on the base: `fail-on-new: true` fails only on what a change brings._");
    expect(md).toContain("**Against 2222222 \\(base of this pull request\\):** no dataset figure changed in 2 files.");
    assertSafe(md);
    report.gate.failOnNew = true;
    expect(renderMarkdown(report, ctx())).not.toContain("Everything found was already");
  });
});
