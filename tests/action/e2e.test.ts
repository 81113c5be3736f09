// End-to-end: the BUNDLED action (dist/index.js) run the way the runner runs it (tests/action/harness.ts), against a
// real HTTP server standing in for the GitHub API.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FakeGitHub } from "./fake-github.js";
import { DIST, gh, goodLines, MARKER, NODE, prComments, prPayload, RELAXED, runAction, scratch, useHarness, workspace } from "./harness.js";

useHarness();

describe("pull request", () => {
  it("checks only changed dataset files, posts one comment, then updates it in place (PATCH) and skips unchanged bodies", async () => {
    const ws = workspace({ "data/chat.jsonl": goodLines(), "data/other.jsonl": "not json\n", "README.md": "x" });
    gh.prFiles = [
      { filename: "data/chat.jsonl", status: "modified" },
      { filename: "README.md", status: "modified" },
      { filename: "data/gone.jsonl", status: "removed" },
    ];
    const first = await runAction(ws, "pull_request", prPayload());
    expect(first.code).toBe(0);
    expect(first.outputs.passed).toBe("true");
    expect(first.outputs["files-checked"]).toBe("1");
    expect(first.summary).toContain("ChatML Quality Gate passed");
    expect(prComments()).toHaveLength(1);
    expect(prComments()[0].body.startsWith(MARKER)).toBe(true);
    expect(first.outputs["comment-url"]).toBe(prComments()[0].html_url);
    expect(existsSync(first.outputs["report-path"])).toBe(true);

    gh.reset();
    writeFileSync(join(ws, "data/chat.jsonl"), goodLines(12) + "{broken\n");
    const second = await runAction(ws, "pull_request", prPayload());
    expect(second.code).toBe(1);
    expect(second.outputs.passed).toBe("false");
    expect(second.stdout).toMatch(/::error .*file=data\/chat\.jsonl,line=13/);
    expect(gh.count("POST", /comments/)).toBe(0);
    expect(gh.count("PATCH", /issues\/comments\//)).toBe(1);
    expect(prComments()).toHaveLength(1);
    expect(prComments()[0].body).toContain("❌");

    gh.reset();
    const third = await runAction(ws, "pull_request", prPayload());
    expect(third.code).toBe(1);
    expect(gh.count("PATCH", /comments/) + gh.count("POST", /comments/)).toBe(0);
  });

  it("keeps one comment per comment-key and heals duplicates", async () => {
    const ws = workspace({ "a.jsonl": goodLines() });
    gh.prFiles = [{ filename: "a.jsonl", status: "added" }];
    await runAction(ws, "pull_request", prPayload(8));
    await runAction(ws, "pull_request", prPayload(8), { "comment-key": "second" });
    expect(prComments(8)).toHaveLength(2);
    expect(prComments(8)[1].body.startsWith("<!-- chatml-quality-gate:second -->")).toBe(true);
    // A stray copy of our comment (same bot author) is deleted on the next run.
    prComments(8).push({ ...prComments(8)[0], id: 5, body: MARKER + "\nold" });
    await runAction(ws, "pull_request", prPayload(8));
    expect(gh.count("DELETE", /issues\/comments\//)).toBe(1);
    expect(prComments(8).filter((c) => c.body.startsWith(MARKER))).toHaveLength(1);
  });

  it("says 'nothing to check' when no dataset file changed", async () => {
    const ws = workspace({ "data/chat.jsonl": "not json\n" });
    gh.prFiles = [{ filename: "docs/readme.md", status: "modified" }];
    const r = await runAction(ws, "pull_request", prPayload(9));
    expect(r.code).toBe(0);
    expect(r.outputs.passed).toBe("true");
    expect(r.outputs["files-checked"]).toBe("0");
    expect(r.summary).toContain("nothing to check");
    expect(gh.count("POST", /comments/)).toBe(0);
  });

  it("fork PR with a read-only token: comment fails (403), summary and outputs still written, exit from verdict only", async () => {
    const ws = workspace({ "data/chat.jsonl": goodLines() });
    gh.prFiles = [{ filename: "data/chat.jsonl", status: "added" }];
    gh.readOnly = true;
    const r = await runAction(ws, "pull_request", prPayload(10, true));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/::warning::Could not write the PR comment: HTTP 403/);
    expect(r.outputs.passed).toBe("true");
    expect(r.outputs["comment-url"]).toBe("");
    expect(r.summary).toContain("ChatML Quality Gate passed");
  });

  it("retries a flaky API (two 502s) and still comments", async () => {
    const ws = workspace({ "data/chat.jsonl": goodLines() });
    gh.prFiles = [{ filename: "data/chat.jsonl", status: "added" }];
    gh.failNext = 2;
    const r = await runAction(ws, "pull_request", prPayload(11));
    expect(r.code).toBe(0);
    expect(gh.requests.slice(0, 2).every((q) => q.method === "GET")).toBe(true);
    expect(prComments(11)).toHaveLength(1);
    expect(r.stdout).not.toContain("::warning::");
  });

  it("keeps a huge report's comment under 65,536 characters", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`data/shard-${String(i).padStart(2, "0")}-${"long-name-".repeat(8)}.jsonl`] = goodLines() + "nope\n".repeat(60);
    const ws = workspace(files);
    gh.prFiles = Object.keys(files).map((filename) => ({ filename, status: "added" }));
    const r = await runAction(ws, "pull_request", prPayload(12));
    expect(r.code).toBe(1);
    const body = prComments(12)[0].body;
    expect(body.length).toBeLessThan(65_536);
    expect(r.summary.length).toBeGreaterThan(body.length);
  });

  it("shows quality deltas against the base version and can gate on a diversity drop", async () => {
    const base = goodLines(30);
    const templated = Array.from({ length: 30 }, (_, i) => JSON.stringify({ messages: [{ role: "user", content: `Item ${i}?` }, { role: "assistant", content: "Certainly! Here is the answer you asked for, as always, in the same words every time." }] })).join("\n") + "\n";
    const ws = workspace({ "data/train.jsonl": templated });
    gh.prFiles = [{ filename: "data/train.jsonl", status: "modified" }];
    gh.contents.set("2222222222222222222222222222222222222222:data/train.jsonl", base);
    const r = await runAction(ws, "pull_request", prPayload(21), { ...RELAXED, "max-diversity-drop": "0.1" });
    const body = prComments(21)[0].body;
    expect(body).toContain("**Against 2222222 \\(base of this pull request\\):**");
    expect(body).toMatch(/windowed distinct\\-2 [0-9.]+ → [0-9.]+/);
    expect(body).toMatch(/max\\?-diversity\\?-drop/);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(r.outputs["report-path"], "utf8"));
    const drop = report.gate.checks.find((c: { name: string }) => c.name === "max-diversity-drop");
    expect(drop).toMatchObject({ passed: false, level: "fail" });
    expect(drop.actual).toBeGreaterThan(0.1);
  });

  it("escapes hostile dataset content and file names", async () => {
    const hostile = "@octocat #1 | <script>alert(1)</script> <!-- chatml-quality-gate:default --> ``` [x](https://evil.example)";
    const name = "data/@octocat #12 <b>|x.jsonl";
    const ws = workspace({ [name]: goodLines(12, hostile) + JSON.stringify({ messages: [{ role: "user", content: hostile }] }) + "\n" });
    gh.prFiles = [{ filename: name, status: "added" }];
    const r = await runAction(ws, "pull_request", prPayload(13));
    const full = prComments(13)[0].body;
    expect(full.split(MARKER)).toHaveLength(2);
    expect(full).not.toContain("<script>");
    // Inside fenced code blocks (dataset_info) text is shown literally: no HTML, no mentions. Check the rest.
    const body = full.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, "");
    expect(full.length - body.length).toBeGreaterThan(100);
    expect(body).not.toContain("<b>");
    expect(body).not.toMatch(/@octocat|#12|#1\b/);
    expect(body).toContain("%40octocat%20%2312%20%3Cb%3E%7Cx.jsonl");
    expect(r.summary).not.toContain("<script>");
  });

  it("refuses a dataset symlink that points outside the workspace", async () => {
    const outside = join(scratch(), "secret.jsonl");
    writeFileSync(outside, goodLines());
    const ws = workspace({});
    symlinkSync(outside, join(ws, "leak.jsonl"));
    gh.prFiles = [];
    const r = await runAction(ws, "push", {});
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Refusing to read dataset file 'leak.jsonl'.*outside GITHUB_WORKSPACE/);
  });
});

describe("scheduled audit", () => {
  it("opens a labelled issue with its own body, keeps it current while it fails, and closes it when fixed (GHES /api/v3 base URL)", async () => {
    const ghes = new FakeGitHub();
    const api = await ghes.start("/api/v3");
    try {
      const ws = workspace({ "data/chat.jsonl": goodLines() + "{bad\n" });
      const inputs = { "audit-issue": "true" };
      const failing = await runAction(ws, "schedule", { schedule: "0 3 * * *" }, inputs, api);
      expect(failing.code).toBe(1);
      expect(ghes.issues).toHaveLength(1);
      expect(ghes.issues[0].labels).toEqual([{ name: "dataset-audit" }]);
      const first = ghes.issues[0].body;
      expect(first.startsWith("<!-- chatml-quality-gate:audit:default -->\n### ❌ Dataset audit failing: max\\-errors \\(data/chat.jsonl\\)\n")).toBe(true);
      expect(first).toMatch(/Failing since \*\*\d{4}-\d\d-\d\d \d\d:\d\d UTC\*\* at `3333333` · last checked \*\*\d{4}-\d\d-\d\d \d\d:\d\d UTC\*\*/);
      expect(first).toContain("Checked [`3333333`](https://github.com/o/r/commit/3333333333333333333333333333333333333333)");
      expect(first).toContain("[workflow run](https://github.com/o/r/actions/runs/99) · [report artifact](https://github.com/o/r/actions/runs/99#artifacts)");
      expect(first).toContain("**First failing audit** of this issue.");
      expect(first).toContain("data/chat.jsonl: 1 error, first at [line 13]");
      expect(first).not.toContain("Dataset figures"); // the issue is not a copy of the PR comment
      expect(ghes.requests.every((q) => q.path.startsWith("/api/v3/"))).toBe(true);

      // Still failing, worse: the same issue is rewritten and says what changed since the last audit.
      writeFileSync(join(ws, "data/chat.jsonl"), goodLines() + "{bad\n{worse\n");
      const again = await runAction(ws, "schedule", {}, inputs, api, { GITHUB_SHA: "4444444444444444444444444444444444444444" });
      expect(again.code).toBe(1);
      expect(ghes.issues).toHaveLength(1);
      const second = ghes.issues[0].body;
      expect(second).toContain("Failing since");
      expect(second).toContain("at `3333333`"); // since the first failing commit
      expect(second).toMatch(/\*\*Since the last audit\*\* \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\): errors 1 → 2; commit 3333333 → 4444444\./);

      // The same problems again: "last checked" moves on, so the issue is updated, never stale.
      ghes.requests = [];
      await runAction(ws, "schedule", {}, inputs, api, { GITHUB_SHA: "4444444444444444444444444444444444444444", GITHUB_RUN_ID: "100" });
      expect(ghes.count("PATCH", /issues\/1$/)).toBe(1);
      expect(ghes.issues[0].body).toContain("no change in the findings; same commit");
      expect(ghes.issues[0].body).toContain("actions/runs/100");

      writeFileSync(join(ws, "data/chat.jsonl"), goodLines());
      const fixed = await runAction(ws, "workflow_dispatch", {}, inputs, api);
      expect(fixed.code).toBe(0);
      expect(ghes.issues[0].state).toBe("closed");
      expect(ghes.comments.get(1)?.[0].body).toMatch(/^✅ The dataset audit passed at \[`3333333`\]\(https:\/\/github.com\/o\/r\/commit\/3{40}\) in \[this run\]\(https:\/\/github.com\/o\/r\/actions\/runs\/99\) on .* UTC\. It had been failing since .* UTC\. Closing\.$/);
    } finally {
      await ghes.stop();
    }
  });
});

describe("sharded runs", () => {
  it("merge-partials: the shards' partial results become one report, one sticky PR comment and the verdict", async () => {
    const env = { ...process.env, CHATML_GATE_CHUNK_BYTES: String(64 * 1024) };
    const ws = workspace({ "data/train.jsonl": goodLines(2500, " s") + "{broken\n" + goodLines(300, " s"), "data/eval.jsonl": goodLines(200, " s") });
    const cli = resolve(DIST, "..", "cli.js");
    for (const i of [1, 2]) execFileSync(NODE, [cli, "check", "data", "--shard", `${i}/2`, "--output", `parts/part-${i}.json`], { cwd: ws, env, stdio: "ignore" });
    let single = "";
    try {
      execFileSync(NODE, [cli, "check", "data", "--format", "json"], { cwd: ws, env, encoding: "utf8" });
    } catch (e) {
      single = (e as { stdout: string }).stdout; // exit 1: the broken line fails the gate
    }
    const r = await runAction(ws, "pull_request", prPayload(), { "merge-partials": "parts/*.json", "report-path": "merged.json", deltas: "false" });
    expect(r.stdout).toContain("Merging 2 partial result(s): parts/part-1.json, parts/part-2.json.");
    expect(r.code).toBe(1);
    expect(readFileSync(join(ws, "merged.json"), "utf8")).toBe(single);
    expect(r.outputs.passed).toBe("false");
    expect(prComments()).toHaveLength(1);
    expect(prComments()[0].body.startsWith(MARKER)).toBe(true);
    expect(prComments()[0].body).toContain("data/train.jsonl");
    // a missing shard is a clear error, not a crash
    rmSync(join(ws, "parts/part-2.json"));
    const missing = await runAction(ws, "workflow_dispatch", {}, { "merge-partials": "parts/*.json" });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("::error::missing shard(s) 2/2");
    const none = await runAction(ws, "workflow_dispatch", {}, { "merge-partials": "nothing/*.json" });
    expect(none.stdout).toContain("::error::Input 'merge-partials' matches no file");
  });
});

describe("output paths", () => {
  it("a report-path that names a directory fails the step with a message naming the input (not a crash)", async () => {
    const ws = workspace({ "data/chat.jsonl": goodLines(), "out/keep.txt": "" });
    const r = await runAction(ws, "workflow_dispatch", {}, { "report-path": "out" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error::Input 'report-path' names a file that cannot be written");
    expect(r.stdout).toContain("it is a directory");
    expect(r.stdout).not.toContain("crashed");
  });

  it("a report-path or sarif-path naming a dataset file being checked fails before the run, and the data is kept", async () => {
    const data = goodLines();
    const ws = workspace({ "data/chat.jsonl": data });
    for (const input of ["report-path", "sarif-path"]) {
      const r = await runAction(ws, "workflow_dispatch", {}, { [input]: "./data/../data/chat.jsonl" });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`::error::Input '${input}' names one of the dataset files being checked`);
      expect(readFileSync(join(ws, "data/chat.jsonl"), "utf8")).toBe(data);
    }
  });
});

describe("worker threads", () => {
  it("a big input runs on this thread plus worker threads (the bundle as their entry) with the same report", async () => {
    // 64 KiB chunks stand in for 32 MiB ones: ~700 KB of data is ~11 chunks over 3 threads.
    const env = { CHATML_GATE_CHUNK_BYTES: String(64 * 1024) };
    const lines = goodLines(2500, " w") + goodLines(400, " w") + '{"messages": [}\n';
    const ws = workspace({ "data/train.jsonl": lines, "data/eval.jsonl": goodLines(300, " w") });
    const one = await runAction(ws, "workflow_dispatch", {}, { workers: "1", "report-path": "one.json" }, gh.url, env);
    const three = await runAction(ws, "workflow_dispatch", {}, { workers: "3", "report-path": "three.json" }, gh.url, env);
    expect(one.code).toBe(1); // the broken line
    expect(three.code).toBe(1);
    const a = readFileSync(join(ws, "one.json"), "utf8");
    const b = readFileSync(join(ws, "three.json"), "utf8");
    expect(b).toBe(a);
    const report = JSON.parse(a);
    expect(report.files.find((f: { path: string }) => f.path === "data/train.jsonl").findings.some((f: { rule: string; line: number }) => f.rule === "invalid-json" && f.line === 2901)).toBe(true);
    expect(report.duplicates.exact.duplicateRecords).toBeGreaterThan(0);
    expect(report.leakage[0]).toMatchObject({ train: "data/train.jsonl", eval: "data/eval.jsonl" });
    expect(report.leakage[0].exact).toBeGreaterThan(0);
    expect(one.stdout).not.toContain("worker thread");
    expect(three.stdout).toContain("Checking on 3 threads (this one and 2 worker threads).");
    const bad = await runAction(ws, "workflow_dispatch", {}, { workers: "0" }, gh.url, env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("Input 'workers' must be a whole number from 1 to 9999");
  });
});

describe("target model", () => {
  const FIX = resolve("tests/fixtures/target");
  const model = (name: string) => readFileSync(join(FIX, name), "utf8");

  it("chat-template and tokenizer inputs: the template's refusals are annotated at their lines, the comment names the template", async () => {
    const data = goodLines(11) + JSON.stringify({ messages: [{ role: "user", content: "One." }, { role: "user", content: "Two?" }, { role: "assistant", content: "Three." }] }) + "\n";
    const ws = workspace({ "data/chat.jsonl": data, "model/chat_template.jinja": model("mistral-style.jinja"), "model/tokenizer.json": model("tiny-bpe.tokenizer.json"), ".chatml-gate.yml": "target:\n  bos-token: '<s>'\n  eos-token: '</s>'\n  chat-template: model/other.jinja\n" });
    gh.prFiles = [{ filename: "data/chat.jsonl", status: "modified" }];
    const r = await runAction(ws, "pull_request", prPayload(), { "chat-template": "model/chat_template.jinja", tokenizer: "model/tokenizer.json" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error title=template-error,file=data/chat.jsonl,line=12::");
    expect(r.stdout).toContain("Conversation roles must alternate user/assistant/user/assistant/...");
    const report = JSON.parse(readFileSync(r.outputs["report-path"], "utf8"));
    expect(report.target).toMatchObject({ chatTemplate: "model/chat_template.jinja", tokenizer: "model/tokenizer.json", records: 12, templateErrors: 1, bosToken: "<s>" });
    expect(report.tokens.tokenizer).toBe("model/tokenizer.json");
    expect(prComments()[0].body.replace(/\\/g, "")).toContain("chat template model/chat_template.jinja + tokenizer model/tokenizer.json: 11 of 12 records rendered, 1 template error");
  });

  it("a tokenizer without a template, or a template outside the workspace, fails the step with a message (not a crash)", async () => {
    const ws = workspace({ "data/chat.jsonl": goodLines(), "model/tokenizer.json": model("tiny-bpe.tokenizer.json") });
    const r = await runAction(ws, "workflow_dispatch", {}, { tokenizer: "model/tokenizer.json" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error::Input 'tokenizer' needs a chat template");
    const out = await runAction(ws, "workflow_dispatch", {}, { "chat-template": "../outside.jinja" });
    expect(out.code).toBe(1);
    expect(out.stdout).toContain("Refusing to read chat template '../outside.jinja'");
    expect(out.stdout).not.toContain("crashed");
  });
});

describe("secrets and personal data", () => {
  it("max-pii-share and ignore-file inputs: personal data over the share fails the gate; its fingerprint in the ignore file accepts it", async () => {
    // an e-mail address built from parts (no literal personal data in the repository)
    const email = ["k7.ostrowska", "fastmail.fm"].join("@");
    const data = goodLines(9) + JSON.stringify({ messages: [{ role: "user", content: `Send the invoice to ${email} please.` }, { role: "assistant", content: "Done: the invoice is on its way." }] }) + "\n";
    const ws = workspace({ "data/chat.jsonl": data });
    const first = await runAction(ws, "workflow_dispatch", {}, { "max-pii-share": "0.05", "max-secrets": "0" });
    expect(first.code).toBe(1);
    const report = JSON.parse(readFileSync(first.outputs["report-path"], "utf8"));
    expect(report.privacy).toMatchObject({ pii: 1, piiRecords: 1, piiShare: 0.1, secrets: 0 });
    expect(report.gate.checks.find((c: { name: string }) => c.name === "max-pii-share")).toMatchObject({ passed: false });
    expect(report.gate.checks.find((c: { name: string }) => c.name === "max-secrets")).toMatchObject({ passed: true });
    const pii = report.files[0].findings.find((f: { rule: string }) => f.rule === "pii");
    expect(pii).toMatchObject({ line: 10, kind: "email", pointer: "/messages/0/content" });
    // the job log masks it (the runner consumes ::add-mask::) and prints it nowhere else
    expect(first.stdout).toContain(`::add-mask::${email}`);
    expect(first.stdout.replace(`::add-mask::${email}`, "")).not.toContain(email);
    writeFileSync(join(ws, "accepted.txt"), `# our billing contact\n${pii.fingerprint}\n`);
    const second = await runAction(ws, "workflow_dispatch", {}, { "max-pii-share": "0.05", "ignore-file": "accepted.txt" });
    expect(second.code).toBe(0);
    expect(JSON.parse(readFileSync(second.outputs["report-path"], "utf8")).privacy).toMatchObject({ pii: 0, ignored: 1, ignoreFile: "accepted.txt" });
    const outside = await runAction(ws, "workflow_dispatch", {}, { "ignore-file": "../accepted.txt" });
    expect(outside.code).toBe(1);
    expect(outside.stdout).toContain("Refusing to read ignore file '../accepted.txt'");
  });
});
