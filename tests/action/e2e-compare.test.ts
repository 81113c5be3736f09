// End-to-end, the bundled action against the fake API: comparisons with the base version (pull requests, pushes,
// merged shards), fail-on-new, and the two-workflow recipe that comments on pull requests from forks.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST, gh, goodLines, MARKER, NODE, prComments, prPayload, runAction, useHarness, workspace } from "./harness.js";

useHarness();

const BASE = "2222222222222222222222222222222222222222";
const HEAD = "1111111111111111111111111111111111111111";

function git(ws: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: ws, encoding: "utf8" }).trim();
}

describe("pull request against its base", () => {
  it("per-file deltas, a new file, findings marked new; fail-on-new lets the known error pass and fails on a new one", async () => {
    const known = goodLines(12) + "{old broken\n";
    const ws = workspace({ "data/train.jsonl": goodLines(3, " first") + known, "data/extra.jsonl": goodLines(4, " extra") });
    gh.prFiles = [
      { filename: "data/train.jsonl", status: "modified" },
      { filename: "data/extra.jsonl", status: "added" },
    ];
    gh.contents.set(`${BASE}:data/train.jsonl`, known);
    const r = await runAction(ws, "pull_request", prPayload(40), { "fail-on-new": "true" });
    expect(r.code).toBe(0);
    expect(r.outputs["new-errors"]).toBe("0");
    const body = prComments(40)[0].body;
    expect(body).toContain("**nothing new**");
    expect(body).toContain("**Against 2222222 \\(base of this pull request\\):**");
    expect(body).toMatch(/\| \[data\/train\.jsonl\]\([^)]+\) \| 13 → 16 \(\+3\) \| 1 \|/);
    expect(body).toMatch(/\| \[data\/extra\.jsonl\]\([^)]+\) 🆕 new file \| 4 \|/);
    expect(body).toMatch(/\*\*\[invalid\\-json\]\([^)]+\)\*\* ×1 · already on the base: \[data\/train\.jsonl:16\]/);
    expect(body).toContain("fail-on: `error`, new findings only");
    const report = JSON.parse(readFileSync(r.outputs["report-path"], "utf8"));
    expect(report.gate.failOnNew).toBe(true);
    expect(report.comparison.newFindings).toMatchObject({ errors: 0, warnings: 0 });

    writeFileSync(join(ws, "data/extra.jsonl"), goodLines(4, " extra") + '{"messages": [}\n');
    const worse = await runAction(ws, "pull_request", prPayload(40), { "fail-on-new": "true" });
    expect(worse.code).toBe(1);
    expect(worse.outputs["new-errors"]).toBe("1");
    const after = prComments(40)[0].body;
    expect(after.split("\n")[1]).toBe("### ❌ ChatML Quality Gate failed: max\\-errors");
    expect(after).toMatch(/\| ❌ max\\-errors \| 1 \| 0 \| data\/extra\.jsonl: 1 new error, first at \[line 5\]/);
    expect(after).toMatch(/×2 in 2 files · \*\*1 new\*\*: \[data\/extra\.jsonl:5\]\([^)]+\) 🆕; \[data\/train\.jsonl:16\]/);
  });

  it("a base that cannot be read is one line, not a failure", async () => {
    const ws = workspace({ "data/chat.jsonl": goodLines() });
    gh.prFiles = [{ filename: "data/chat.jsonl", status: "modified" }];
    gh.failNext = 0;
    const r = await runAction(ws, "pull_request", prPayload(41), { "github-token": "" });
    expect(r.code).toBe(0);
    expect(r.summary).toContain("_No comparison with a base version: the base commit 2222222 is not in the checkout \\(use fetch\\-depth: 0\\) and there is no github\\-token to read it_");
  });
});

describe("push against the commit before it", () => {
  it("per-file deltas from git history; a push that creates the branch says why there is nothing to compare", async () => {
    const ws = workspace({ "data/train.jsonl": goodLines(12), "data/eval.jsonl": goodLines(5, " eval") });
    git(ws, "init", "-q");
    git(ws, "add", ".");
    git(ws, "commit", "-qm", "one");
    const before = git(ws, "rev-parse", "HEAD");
    writeFileSync(join(ws, "data/train.jsonl"), goodLines(12) + goodLines(2, " more") + "{broken\n");
    writeFileSync(join(ws, "data/new.jsonl"), goodLines(3, " new"));
    git(ws, "add", ".");
    git(ws, "commit", "-qm", "two");
    const after = git(ws, "rev-parse", "HEAD");
    const r = await runAction(ws, "push", { before, after }, {}, gh.url, { GITHUB_SHA: after });
    expect(r.code).toBe(1);
    expect(r.summary).toContain(`**Against ${before.slice(0, 7)} \\(before this push\\):**`);
    expect(r.summary).toMatch(/\| \[data\/train\.jsonl\]\([^)]+\) \| 12 → 15 \(\+3\) \| 0 → 1 \(\+1\) \|/);
    expect(r.summary).toMatch(/\| \[data\/new\.jsonl\]\([^)]+\) 🆕 new file \| 3 \|/);
    expect(r.summary).toContain("_1 file with the same figures not listed._");
    expect(r.stdout).toContain("file(s) read at the base (git)");
    expect(gh.count("GET", /contents/)).toBe(0);
    expect(r.outputs["new-errors"]).toBe("1");

    const created = await runAction(ws, "push", { before: "0".repeat(40), after, created: true }, {}, gh.url, { GITHUB_SHA: after });
    expect(created.summary).toContain("_No comparison with a base version: this push created the branch, so there is no earlier commit to compare with_");
    expect(created.outputs["new-errors"]).toBe("");
    // no dataset file changed since `before`: compared without a second check
    const same = await runAction(ws, "push", { before: after, after }, {}, gh.url, { GITHUB_SHA: after });
    expect(same.summary).toContain(`**Against ${after.slice(0, 7)} \\(before this push\\):** no dataset figure changed in 3 files.`);
    expect(same.stdout).not.toContain("read at the base");
  });
});

describe("merged shards against the base", () => {
  it("merge-partials on a pull request compares the merged report with the base version", async () => {
    const env = { ...process.env, CHATML_GATE_CHUNK_BYTES: String(64 * 1024) };
    const ws = workspace({ "data/train.jsonl": goodLines(1500, " s") + "{broken\n", "data/eval.jsonl": goodLines(100, " e") });
    const cli = resolve(DIST, "..", "cli.js");
    for (const i of [1, 2]) execFileSync(NODE, [cli, "check", "data", "--shard", `${i}/2`, "--output", `parts/part-${i}.json`], { cwd: ws, env, stdio: "ignore" });
    gh.prFiles = [{ filename: "data/train.jsonl", status: "modified" }];
    gh.contents.set(`${BASE}:data/train.jsonl`, goodLines(1500, " s"));
    const r = await runAction(ws, "pull_request", prPayload(42), { "merge-partials": "parts/*.json" });
    expect(r.code).toBe(1);
    const body = prComments(42)[0].body;
    expect(body).toContain("**Against 2222222 \\(base of this pull request\\):**");
    expect(body).toMatch(/\| \[data\/train\.jsonl\]\([^)]+\) \| 1,500 → 1,501 \(\+1\) \| 0 → 1 \(\+1\) \|/);
    expect(body).toContain("**1 new** (1 error, 0 warnings)");
    expect(gh.count("GET", /contents\/data\/eval\.jsonl/)).toBe(0); // unchanged: not fetched
  });
});

describe("fork pull requests: the two-workflow recipe", () => {
  const payload = (headSha = HEAD) => ({
    action: "completed",
    workflow_run: { id: 5, event: "pull_request", head_sha: headSha, head_branch: "feature", head_repository: { full_name: "someone/r", owner: { login: "someone" } }, pull_requests: [] },
    repository: { full_name: "o/r", name: "r", owner: { login: "o" } },
  });

  it("the pull_request run writes the comment file; the workflow_run run posts it on the PR whose head it checked, then updates it", async () => {
    // 1. pull_request from a fork: read-only token, comment: never. The comment is written to comment-path.
    const ws = workspace({ "data/chat.jsonl": goodLines() + "{broken\n" });
    gh.prFiles = [{ filename: "data/chat.jsonl", status: "added" }];
    gh.readOnly = true;
    const pr = await runAction(ws, "pull_request", prPayload(30, true), { comment: "never" });
    expect(pr.code).toBe(1);
    expect(gh.requests.every((q) => q.method === "GET")).toBe(true);
    const written = readFileSync(pr.outputs["comment-path"], "utf8");
    expect(written.startsWith(MARKER + "\n### ❌ ChatML Quality Gate failed")).toBe(true);

    // 2. workflow_run in the base repository: the artifact downloaded into its workspace, then posted.
    gh.reset();
    gh.pulls = [{ number: 30, head: { sha: HEAD, ref: "feature", label: "someone:feature" } }];
    const priv = workspace({});
    const artifact = (from: string) => {
      mkdirSync(join(priv, "comment"), { recursive: true });
      copyFileSync(from, join(priv, "comment", "chatml-gate-comment.md"));
    };
    artifact(pr.outputs["comment-path"]);
    const post = await runAction(priv, "workflow_run", payload(), { "post-comment": "comment/chatml-gate-comment.md" });
    expect(post.code).toBe(0);
    expect(prComments(30)).toHaveLength(1);
    expect(prComments(30)[0].body).toBe(written);
    expect(post.outputs["comment-url"]).toBe(prComments(30)[0].html_url);
    expect(gh.requests.some((q) => q.path.startsWith("/repos/o/r/pulls?") && q.path.includes("head=someone%3Afeature"))).toBe(true);

    // 3. The fork pushes a fix: the next pair of runs updates the same comment in place.
    writeFileSync(join(ws, "data/chat.jsonl"), goodLines());
    gh.readOnly = true;
    const fixed = await runAction(ws, "pull_request", prPayload(30, true), { comment: "never" });
    expect(fixed.code).toBe(0);
    gh.reset();
    artifact(fixed.outputs["comment-path"]);
    await runAction(priv, "workflow_run", payload(), { "post-comment": "comment/chatml-gate-comment.md" });
    expect(gh.count("PATCH", /issues\/comments\//)).toBe(1);
    expect(gh.count("POST", /comments/)).toBe(0);
    expect(prComments(30)).toHaveLength(1);
    expect(prComments(30)[0].body).toContain("### ✅ ChatML Quality Gate passed");
  });

  it("posts nothing for a head no open pull request has, refuses a file that is not ours, and defuses mentions", async () => {
    gh.pulls = [{ number: 31, head: { sha: HEAD, ref: "feature", label: "someone:feature" } }];
    const priv = workspace({ "c.md": `${MARKER}\n### ✅ ChatML Quality Gate passed\n\nhi @octocat and @org/team\n`, "other.md": "hello @octocat\n" });
    const stale = await runAction(priv, "workflow_run", payload("9".repeat(40)), { "post-comment": "c.md" });
    expect(stale.code).toBe(0);
    expect(stale.stdout).toContain("::warning::The PR comment was not posted: no open pull request has head 9999999");
    expect(gh.count("POST", /comments/)).toBe(0);

    const spoofed = await runAction(priv, "workflow_run", payload(), { "post-comment": "c.md", "pull-request": "31" });
    expect(spoofed.code).toBe(0);
    expect(prComments(31)[0].body).toBe(`${MARKER}\n### ✅ ChatML Quality Gate passed\n\nhi @\u200boctocat and @\u200borg/team\n`);
    gh.pulls.push({ number: 32, head: { sha: "8".repeat(40), ref: "other", label: "o:other" } });
    const wrong = await runAction(priv, "workflow_run", payload(), { "post-comment": "c.md", "pull-request": "32" });
    expect(wrong.stdout).toContain("pull request #32 has head 8888888, not 1111111");
    expect(prComments(32)).toHaveLength(0);

    const foreign = await runAction(priv, "workflow_run", payload(), { "post-comment": "other.md" });
    expect(foreign.code).toBe(1);
    expect(foreign.stdout).toContain("::error::Input 'post-comment' (other.md) is not a comment written by this action");
    const outside = await runAction(priv, "workflow_run", payload(), { "post-comment": "../x.md" });
    expect(outside.stdout).toMatch(/::error::Refusing to read comment file '\.\.\/x\.md'/);
  });
});
