import { describe, expect, it } from "vitest";
import { renderText } from "../../src/render/text.js";
import { renderMarkdown, type MarkdownContext } from "../../src/render/markdown.js";
import { checkDir, jsonl } from "../helpers/run.js";

const ctx: MarkdownContext = { owner: "o", repo: "r", sha: "abc123", serverUrl: "https://github.com", kind: "summary" };

describe("token estimate wording", () => {
  it("says how many of the largest examples were measured apart", async () => {
    // One 12 MB answer among short ones: too large for the 1 MiB token sample, so its tokens are estimated from
    // pieces of it ("measured apart"); the line said "0 examples sampled" only, as if nothing had been counted.
    const short = Array.from({ length: 20 }, (_, i) => ({ messages: [{ role: "user", content: `question ${i}` }, { role: "assistant", content: `answer number ${i} here` }] }));
    const huge = { messages: [{ role: "user", content: "tell me" }, { role: "assistant", content: "word ".repeat(2_400_000) }] };
    const report = await checkDir({ "data.jsonl": jsonl(...short, huge) });
    const tok = report.tokens as { exact: boolean; sampledRecords: number };
    expect(tok.exact).toBe(false);
    expect(renderText(report, { color: false })).toMatch(/\(estimate ±[\d.]+%, \d+ examples sampled, \d+ of the largest measured apart\)/);
    expect(renderMarkdown(report, ctx)).toMatch(/±[\d.]+%, \d+ sampled, \d+ largest measured\*\*/);
  });

  it("says nothing of it when no example was measured apart", async () => {
    const short = Array.from({ length: 20 }, (_, i) => ({ messages: [{ role: "user", content: `question ${i}` }, { role: "assistant", content: `answer number ${i} here` }] }));
    const report = await checkDir({ "data.jsonl": jsonl(...short) });
    expect((report.tokens as { exact: boolean }).exact).toBe(true);
    expect(renderText(report, { color: false })).not.toContain("measured apart");
    // a report read back from JSON with a malformed strata list still renders
    (report.tokens as Record<string, unknown>).exact = false;
    (report.tokens as Record<string, unknown>).strata = [null, 3, { measuredRecords: "x" }];
    expect(renderText(report, { color: false })).toMatch(/examples sampled\)/);
    expect(renderMarkdown(report, ctx)).not.toContain("largest measured");
  });
});
