import { describe, expect, it } from "vitest";
import { annotate } from "../../src/action/annotations.js";
import { commentMarker, ownComments, type IssueComment } from "../../src/action/comment.js";
import { readEvent } from "../../src/action/event.js";
import { selectFiles } from "../../src/action/files-to-check.js";
import { createOctokit, describeApiError, type Octokit } from "../../src/action/github.js";
import { createServer } from "node:net";
import { toSarif } from "../../src/render/sarif.js";
import { fixtureReport } from "../render/report-fixture.js";
import { checkDir, good, jsonl, tempDir } from "../helpers/run.js";
import { check } from "../../src/engine/check.js";
import { defaultConfig } from "../../src/config/config.js";
import { checkedComment } from "../../src/action/post-comment.js";

const M = commentMarker("default");
const c = (id: number, body: string, login: string, type = "User"): IssueComment => ({ id, body, html_url: `u${id}`, user: { login, type } });

describe("ownComments", () => {
  it("prefers the bot's marked comments and never mixes authors", () => {
    const list = [c(1, `${M}\nfake`, "mallory"), c(2, `${M}\nours`, "github-actions[bot]", "Bot"), c(3, "hi " + M, "github-actions[bot]", "Bot"), c(4, `${M}\ndup`, "github-actions[bot]", "Bot")];
    expect(ownComments(list, M).map((x) => x.id)).toEqual([2, 4]);
    expect(ownComments(list, commentMarker("other"))).toEqual([]);
  });
});

describe("readEvent", () => {
  it("uses the PR head sha and detects forks", () => {
    const e = readEvent(
      { GITHUB_EVENT_NAME: "pull_request_target", GITHUB_REPOSITORY: "o/r", GITHUB_SHA: "merge", GITHUB_RUN_ID: "5" },
      { pull_request: { number: 3, head: { sha: "head", repo: { full_name: "f/r" } }, base: { sha: "base", repo: { full_name: "o/r" } } } },
    );
    expect(e).toMatchObject({ owner: "o", repo: "r", sha: "head", isPullRequest: true, pr: { number: 3, fromFork: true, baseSha: "base" } });
    expect(e.runUrl).toBe("https://github.com/o/r/actions/runs/5");
  });
});

describe("selectFiles", () => {
  const engine = {
    findDatasetFiles: async () => ["data/a.jsonl", "data/b.jsonl", "data/train.jsonl", "data/val.jsonl"],
    splitPartners: (files: string[]) => (files.includes("data/train.jsonl") ? ["data/val.jsonl"] : []),
  };
  const event = readEvent({ GITHUB_EVENT_NAME: "pull_request", GITHUB_REPOSITORY: "o/r" }, { pull_request: { number: 1, head: { sha: "h" }, base: { sha: "b" } } });
  const octokit = (files: { filename: string; status: string }[]) => ({ paginate: async () => files }) as unknown as Octokit;

  it("takes changed, non-removed dataset files plus split partners", async () => {
    const sel = await selectFiles({
      event,
      patterns: ["**/*.jsonl"],
      cwd: "/",
      engine,
      octokit: octokit([
        { filename: "data/train.jsonl", status: "renamed" },
        { filename: "data/b.jsonl", status: "removed" },
        { filename: "x.md", status: "added" },
      ]),
    });
    expect(sel).toMatchObject({ mode: "changed", files: ["data/train.jsonl", "data/val.jsonl"], changed: ["data/train.jsonl"] });
  });

  it("falls back to git diff at the API's 3,000-file cap and on API errors", async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ filename: `f${i}.txt`, status: "added" }));
    const gitDiff = async () => ["data/a.jsonl"];
    const sel = await selectFiles({ event, patterns: ["**/*.jsonl"], cwd: "/", engine, octokit: octokit(many), gitDiff });
    expect(sel.files).toEqual(["data/a.jsonl"]);
    const failing = { paginate: async () => Promise.reject(Object.assign(new Error("nope"), { status: 403 })) } as unknown as Octokit;
    const sel2 = await selectFiles({ event, patterns: ["**/*.jsonl"], cwd: "/", engine, octokit: failing, gitDiff });
    expect(sel2.files).toEqual(["data/a.jsonl"]);
    expect(sel2.notes.join(" ")).toContain("HTTP 403");
  });

  it("checks everything for scope all and non-PR events", async () => {
    const push = readEvent({ GITHUB_EVENT_NAME: "push", GITHUB_REPOSITORY: "o/r" }, {});
    expect((await selectFiles({ event: push, patterns: [], cwd: "/", engine })).files).toHaveLength(4);
    expect((await selectFiles({ event, scope: "all", patterns: [], cwd: "/", engine })).mode).toBe("all");
  });
});

describe("annotate", () => {
  it("emits errors first, capped per severity, and counts the rest", () => {
    const seen: string[] = [];
    const out = { error: (m: string) => seen.push(`E ${m}`), warning: (m: string) => seen.push(`W ${m}`) };
    const counts = annotate(fixtureReport({ files: 2, findings: 6 }), 2, out);
    expect(counts).toEqual({ errors: 2, warnings: 2, omittedErrors: 4, omittedWarnings: 4 });
    expect(seen.filter((s) => !s.includes("max-errors")).map((s) => s[0]).join("")).toBe("EEWW");
  });

  it("96 parse errors in one file do not crowd out an LFS pointer in another, or a file's own first error", async () => {
    const dir = tempDir({
      "data/a.jsonl": Array.from({ length: 96 }, () => "{broken").join("\n") + "\n",
      "data/b.jsonl": "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 48213907\n",
      "data/c.jsonl": "{also broken\n",
    });
    const report = await check({ files: ["data/a.jsonl", "data/b.jsonl", "data/c.jsonl"], config: defaultConfig(), cwd: dir, validateOnly: true });
    const seen: string[] = [];
    const out = { error: (_m: string, p: { file?: string; startLine?: number; title?: string }) => seen.push(`${p.file}:${p.startLine} ${p.title}`), warning: () => undefined };
    const counts = annotate(report, 10, out);
    // the gate's checks are annotated apart (not capped; a per-file check on its file)
    const findings = seen.filter((s) => !s.includes(" ChatML gate: "));
    expect(findings).toHaveLength(10);
    expect(findings).toContain("data/b.jsonl:1 lfs-pointer");
    expect(findings).toContain("data/c.jsonl:1 invalid-json");
    expect(findings.filter((s) => s.startsWith("data/a.jsonl"))).toHaveLength(8);
    expect(counts).toMatchObject({ errors: 10, omittedErrors: 88 });
  });
});

describe("toSarif", () => {
  it("produces SARIF 2.1.0 with repo-relative locations", () => {
    const log = toSarif(fixtureReport({ files: 1, findings: 2, path: "data/a b.jsonl" }));
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0] as { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] };
    expect(run.results).toHaveLength(2);
    expect(run.results[0]).toMatchObject({ ruleId: "invalid-json", level: "error" });
    expect(run.results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: "data/a%20b.jsonl" }, region: { startLine: 1 } });
  });

  it("carries each finding's fingerprint as a partial fingerprint (code scanning follows the record when it moves)", async () => {
    const report = await checkDir({ "d.jsonl": jsonl(good(1), "{x") }, { validateOnly: true });
    const run = toSarif(report).runs[0] as { results: { partialFingerprints?: Record<string, string> }[] };
    expect(run.results[0].partialFingerprints).toEqual({ "chatmlGate/v1": report.files[0].findings[0].fingerprint });
    expect(report.files[0].findings[0].fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("describeApiError", () => {
  it("a request that got no response is a network error, not 'HTTP 500' (a refused connection read as a GitHub server error)", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r)); // a port nobody listens on: the connection is refused
    const url = `http://127.0.0.1:${port}`;
    const octokit = createOctokit("token", { GITHUB_API_URL: url, CHATML_GATE_RETRY_DELAY_MS: "1" });
    const err = await octokit.rest.issues.listComments({ owner: "o", repo: "r", issue_number: 1 }).then(() => undefined, (e: unknown) => e);
    const saved = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = url;
    try {
      const text = describeApiError(err);
      expect(text).toMatch(new RegExp(`^network error \\(no response from ${url.replace(/\./g, "\\.")}\\): .*ECONNREFUSED`));
      expect(text).not.toMatch(/HTTP 500/);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
    }
    expect(describeApiError({ status: 500, message: "Server Error", response: { status: 500 } })).toBe("HTTP 500: Server Error");
  });
});

describe("checkedComment (post-comment)", () => {
  it("takes only our comments, within GitHub's limit, mentions defused, verdict read from the heading", () => {
    const ok = checkedComment(`${M}\r\n### ❌ ChatML Quality Gate failed: max\\-errors\r\n\r\ncc @octocat @org/team a@b.c\r\n`, "c.md");
    expect(ok).toEqual({ body: `${M}\n### ❌ ChatML Quality Gate failed: max\\-errors\n\ncc @\u200boctocat @\u200borg/team a@\u200bb.c\n`, key: "default", passed: false, updateOnly: false });
    expect(checkedComment(`${commentMarker("nightly.v2")}\n### ✅ ChatML Quality Gate: nothing to check\n`, "c.md")).toMatchObject({ key: "nightly.v2", passed: true, updateOnly: true });
    expect(() => checkedComment(`hello\n${M}\n`, "c.md")).toThrow(/first line must be a marker/);
    expect(() => checkedComment(`<!-- chatml-quality-gate:audit:default -->\n`, "c.md")).toThrow(/first line must be a marker/);
    expect(() => checkedComment(`${M}\n` + "x".repeat(70_000), "c.md")).toThrow(/over GitHub's 65536/);
  });
});
