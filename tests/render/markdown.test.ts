import { describe, expect, it } from "vitest";
import { COMMENT_BUDGET_BYTES, renderMarkdown, type MarkdownContext } from "../../src/render/markdown.js";
import { escapeInline, fenced } from "../../src/render/escape.js";
import { all, parse, text } from "./gfm.js";
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
const ALLOWED_HTML = new Set([MARKER, "<details><summary>dataset_info</summary>", "</details>"]);

function assertSafe(md: string): void {
  const tree = parse(md);
  for (const t of all(tree, "table")) {
    const rows = t.children ?? [];
    const width = rows[0].children?.length;
    for (const r of rows) expect(r.children?.length).toBe(width);
  }
  for (const h of all(tree, "html")) expect(ALLOWED_HTML.has((h.value ?? "").trim())).toBe(true);
  expect(md.split(MARKER).length - 1).toBeLessThanOrEqual(1);
  for (const l of all(tree, "link")) expect(l.url).toMatch(/^https:\/\/github\.com\/o\/r\/(blob\/abc123\/|actions\/runs\/1)/);
  expect(all(tree, "image")).toHaveLength(0);
  expect(all(tree, "inlineMath")).toHaveLength(0);
  for (const t of all(tree, "text")) {
    expect(t.value).not.toMatch(/@[A-Za-z0-9]/); // mentions
    expect(t.value).not.toMatch(/#[0-9]/); // issue refs
    expect(t.value).not.toMatch(/[\u202a-\u202e]/);
  }
  for (const c of all(tree, "inlineCode")) expect(c.value).toMatch(/^[a-z-]+$|\.json$/);
  expect(all(tree, "delete")).toHaveLength(0);
  for (const e of all(tree, "emphasis")) expect(text(e)).toMatch(/^(…and \d+ more|Some details were left out)/);
}

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
  it("renders every section for a full report", () => {
    const md = renderMarkdown(fixtureReport(), ctx());
    expect(md.startsWith(MARKER + "\n")).toBe(true);
    for (const s of ["Gate", "Files", "Top findings", "Exact duplicates", "Near-duplicates", "Train/eval leakage", "Diversity", "Composition", "Tokens", "xychart-beta", "dataset_info"]) {
      expect(md).toContain(s);
    }
    expect(md).toContain("https://github.com/o/r/blob/abc123/data/part-0.jsonl#L1");
    assertSafe(md);
  });

  it("escapes hostile dataset content and paths everywhere", () => {
    const report = fixtureReport({ message: HOSTILE, path: "data/we|ird <b> @x #1 (1).jsonl" });
    for (const kind of ["comment", "summary"] as const) assertSafe(renderMarkdown(report, ctx({ kind })));
    const md = renderMarkdown(report, ctx());
    expect(md).toContain("blob/abc123/data/we%7Cird%20%3Cb%3E%20%40x%20%231%20%281%29.jsonl#L1");
  });

  it("renders quality deltas when present", () => {
    const report = Object.assign(fixtureReport(), { deltas: [{ metric: "duplicate-rate", base: 0.01, head: 0.03 }] });
    const md = renderMarkdown(report, ctx());
    expect(md).toContain("Quality deltas");
    expect(md).toContain("+0.02");
  });

  it("stays within the comment budget by dropping detail in priority order", () => {
    const report = fixtureReport({ files: 300, findings: 60, message: "x".repeat(150) + HOSTILE });
    (report.datasetInfo as { text: string }).text = "y".repeat(200_000);
    const md = renderMarkdown(report, ctx());
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(COMMENT_BUDGET_BYTES);
    expect(md.length).toBeLessThan(65_536);
    expect(md).not.toContain("<details>");
    expect(md).toContain("Some details were left out");
    expect(md).toContain("job summary");
    assertSafe(md);
    const summary = renderMarkdown(report, ctx({ kind: "summary", marker: undefined }));
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(summary.length).toBeGreaterThan(md.length);
  });

  it("is deterministic (sticky comment comparisons rely on it)", () => {
    expect(renderMarkdown(fixtureReport(), ctx())).toBe(renderMarkdown(fixtureReport(), ctx()));
  });
});
