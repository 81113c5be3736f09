// The PR comment for a failing and a passing pull request, rendered from real files checked by the real engine against
// the base version, compared with golden files (tests/fixtures/pr/*.comment.md). A change to the layout shows up here
// as a diff to review; regenerate with UPDATE_GOLDEN=1 npx vitest run tests/render/golden.test.ts once it is intended.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/engine/check.js";
import { defaultConfig } from "../../src/config/config.js";
import type { Report } from "../../src/engine/report.js";
import { renderMarkdown, type MarkdownContext } from "../../src/render/markdown.js";
import { ROOT } from "../helpers/paths.js";
import { assertSafe, MARKER } from "./gfm.js";

const FIX = join(ROOT, "tests", "fixtures", "pr");
const HEAD = "1111111111111111111111111111111111111111";
const ctx: MarkdownContext = {
  owner: "o",
  repo: "r",
  sha: HEAD,
  serverUrl: "https://github.com",
  runUrl: "https://github.com/o/r/actions/runs/99",
  kind: "comment",
  marker: MARKER,
  reportName: "chatml-gate-report.json",
  commitNote: "head of this pull request",
};
const LINKS = /^https:\/\/github\.com\/(o\/r\/(blob\/1{40}\/|actions\/runs\/99(#artifacts)?$|commit\/1{40}$)|chatml-quality-gate\/chatml-quality-gate\/blob\/main\/docs\/rules\.md#[a-z0-9-]+$)/;

const files = (dir: string) => readdirSync(join(FIX, dir, "data")).sort().map((f) => `data/${f}`);
const run = (dir: string, base?: Report) => check({ files: files(dir), config: defaultConfig(), cwd: join(FIX, dir), date: "2026-01-01", base, baseLabel: "2222222 (base of this pull request)" });

function golden(name: string, md: string): void {
  const path = join(FIX, `${name}.comment.md`);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, md);
  expect(md).toBe(readFileSync(path, "utf8"));
}

/** The lines before the first collapsed block: what a reviewer reads without a click. */
const firstScreen = (md: string) => md.slice(0, md.indexOf("<details>"));

let base: Report;
beforeAll(async () => {
  base = await run("base");
});

describe("PR comment golden files", () => {
  it("failing PR: the failed checks with the files behind them, then the findings by rule, errors first", async () => {
    const report = await run("failing", base);
    expect(report.passed).toBe(false);
    const md = renderMarkdown(report, ctx);
    golden("failing", md);
    assertSafe(md, LINKS);
    const screen = firstScreen(md);
    // errors judge each file (the check names it); the leaked record is leakage only, not also a duplicate
    expect(screen.split("\n")[1]).toBe("### ❌ ChatML Quality Gate failed: max\\-errors \\(data/chat\\-logs.jsonl\\), max\\-errors \\(data/train.jsonl\\), max\\-leakage");
    // each failed check: actual, limit, and the line to look at
    expect(screen).toContain("| ❌ max\\-leakage | 1 | 0 | data/validation.jsonl: 1 of 10 evaluation records also in data/train.jsonl, first at [line 5](https://github.com/o/r/blob/1111111111111111111111111111111111111111/data/validation.jsonl#L5) |");
    // every rule that fired, errors before warnings; the LFS pointer of the new file is not lost among the rest
    const rules = [...screen.matchAll(/^- (❌|⚠️) \*\*\[([a-z-\\]+)\]/gm)].map((m) => `${m[1]} ${m[2].replace(/\\/g, "")}`);
    expect(rules).toEqual(["❌ invalid-json", "❌ leakage", "❌ lfs-pointer", "❌ missing-assistant", "⚠️ consecutive-same-role", "⚠️ exact-duplicate"]);
    expect(screen).toContain("· already on the base: [data/train.jsonl:14]");
    expect(screen).toContain("[data/chat\\-logs.jsonl](https://github.com/o/r/blob/1111111111111111111111111111111111111111/data/chat-logs.jsonl) 🆕 new file");
    // messages are whole: the fix command is there
    expect(screen).toContain("run \\`git lfs pull\\`");
  });

  it("passing PR: fits one screen, says what changed against the base, details collapsed", async () => {
    const report = await run("passing", base);
    expect(report.passed).toBe(true);
    const md = renderMarkdown(report, ctx);
    golden("passing", md);
    assertSafe(md, LINKS);
    const screen = firstScreen(md);
    expect(screen.split("\n").filter((l) => l.trim() !== "").length).toBeLessThanOrEqual(16);
    expect(screen).toContain("**nothing new**");
    expect(screen).toContain("**Against 2222222 \\(base of this pull request\\):**");
    expect(screen).toContain("| data/train.jsonl](https://github.com/o/r/blob/1111111111111111111111111111111111111111/data/train.jsonl) | 21 → 25 (+4) |".slice(2));
    // no empty section: no duplicate or leakage block when there are none
    expect(md).not.toMatch(/Exact duplicates|Train\/eval leakage|Near-duplicates:/);
    expect(md).toContain("<details><summary>Gate: 10 checks</summary>");
  });
});
