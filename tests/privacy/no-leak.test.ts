// The value is never repeated, anywhere: every output format of the bundled CLI (text, JSON, Markdown, SARIF,
// dataset_info, worker threads, shard partials and their merge) and of the bundled action against a fake GitHub API
// (PR comment, job summary, annotations and log, outputs, report, dataset_info and SARIF files) is searched for every
// planted value, and none is there. Values sit where the gate quotes dataset text: a repeated system prompt, the
// openings of answers, a category field, another rule's message; in the job log they are masked (::add-mask::).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskLines } from "../../src/engine/privacy/mask.js";
import { FakeGitHub } from "../action/fake-github.js";
import { jsonl, runCli } from "../helpers/run.js";
import { fakePii, fakeSecrets } from "./fakes.js";

const DIST = resolve(process.env.CHATML_GATE_DIST ?? "dist/index.js");
const NODE = process.env.CHATML_GATE_NODE ?? process.execPath;
const SECRETS = fakeSecrets();
const PII = fakePii();
const ALL = [...SECRETS, ...PII];
const gh = SECRETS.find((f) => f.kind === "github-token")!.value;
const aws = SECRETS.find((f) => f.kind === "aws-access-key")!.value;
const email = PII.find((f) => f.kind === "email")!.value;
const phone = PII.find((f) => f.kind === "phone")!.value;

/** What must never appear: each line of each value, and the longest alphanumeric stretch of each (which escaping in
 * Markdown or JSON leaves as it is). */
const NEEDLES: { kind: string; needle: string }[] = ALL.flatMap((f) => {
  const out = f.value.split("\n").filter((l) => l.length >= 6 && !/^-----/.test(l)).map((needle) => ({ kind: f.kind, needle }));
  const core = (f.value.match(/[A-Za-z0-9]+/g) ?? []).sort((a, b) => b.length - a.length)[0] ?? "";
  if (core.length >= 6) out.push({ kind: `${f.kind} (core)`, needle: core.length > 16 ? core.slice(Math.floor(core.length / 2) - 8, Math.floor(core.length / 2) + 8) : core });
  return out;
});

function leaks(where: string, text: string): string[] {
  // ::add-mask:: commands are the one place a value is written: the runner consumes them, they never show
  const shown = text.split("\n").filter((l) => !l.startsWith("::add-mask::")).join("\n");
  return NEEDLES.filter((n) => shown.includes(n.needle)).map((n) => `${where}: ${n.kind}`);
}

/** The dataset: every kind planted once in a user message; a system prompt holding a key on every record (the top
 * system prompt of the reports); answers that open with an e-mail address (the top opening); a category field with
 * a phone number; a broken message quoting a token; a PEM key in tool-call arguments. */
function dataset(): string {
  const system = `You are the billing assistant. Call the API with ${gh} and escalate to ${email}.`;
  const records: unknown[] = [];
  ALL.forEach((f, i) => {
    records.push({
      messages: [
        { role: "system", content: system },
        { role: "user", content: f.context(f.value) },
        { role: "assistant", content: `${email} will follow up on case ${i}: we rotated the credential and removed it from the ticket.` },
      ],
      metadata: { source: `phone intake ${phone}` },
    });
  });
  records.push({ messages: [`paste: ${aws}`, { role: "assistant", content: "ok" }] });
  records.push({
    messages: [
      { role: "user", content: "Install this key on the server." },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "write_file", arguments: JSON.stringify({ path: "/etc/ssl/key.pem", content: SECRETS.find((f) => f.kind === "private-key")!.value }) } }] },
      { role: "tool", tool_call_id: "c1", content: "written" },
      { role: "assistant", content: "Installed." },
    ],
  });
  return jsonl(...records);
}

const CONFIG = "category-field: metadata.source\n";

let root: string;
const github = new FakeGitHub();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "chatml-gate-noleak-"));
  await github.start();
});
afterAll(async () => {
  await github.stop();
  rmSync(root, { recursive: true, force: true });
});

function workspace(): string {
  const ws = mkdtempSync(join(root, "ws-"));
  mkdirSync(join(ws, "data"));
  writeFileSync(join(ws, "data/train.jsonl"), dataset());
  writeFileSync(join(ws, ".chatml-gate.yml"), CONFIG);
  return ws;
}

/** Every file under `dir`, as text. */
function allFiles(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...allFiles(p));
    else out.push([p, readFileSync(p, "utf8")]);
  }
  return out;
}

describe("the search itself", () => {
  it("finds every planted value in the dataset's own text (so that finding none in an output means something)", () => {
    const kinds = new Set(leaks("dataset", dataset()).map((l) => l.replace(/^dataset: /, "").replace(/ \(core\)$/, "")));
    expect([...kinds].sort()).toEqual([...new Set(ALL.map((f) => f.kind))].sort());
    expect(leaks("escaped", JSON.stringify({ x: `a ${phone.replace(/ /g, "\u00a0")} b` }))).not.toEqual([]);
  });
});

describe("the bundled CLI", () => {
  it("finds every planted value and quotes none, in every format, with worker threads, in shard partials and their merge", () => {
    const ws = workspace();
    const out = join(ws, "out");
    const texts: [string, string][] = [];
    const run = (args: string[], env: Record<string, string> = {}) => {
      const r = runCli(args, ws, env);
      expect([0, 1], `${args.join(" ")}: ${r.stderr}`).toContain(r.code);
      texts.push([`${args.join(" ")} (stdout)`, r.stdout], [`${args.join(" ")} (stderr)`, r.stderr]);
      return r;
    };
    const json = JSON.parse(run(["check", "data", "--format", "json", "--workers", "1", "--dataset-info", "out/dataset_info.txt"]).stdout);
    const text = run(["check", "data", "--no-color"]).stdout;
    const markdown = run(["check", "data", "--format", "markdown"]).stdout;
    const sarif = JSON.parse(run(["check", "data", "--format", "sarif"]).stdout);
    const workers = JSON.parse(run(["check", "data", "--format", "json", "--workers", "2"]).stdout);
    run(["check", "data", "--shard", "1/2", "--output", "out/part-1.json"]);
    run(["check", "data", "--shard", "2/2", "--output", "out/part-2.json"]);
    const merged = JSON.parse(run(["merge", "out/part-1.json", "out/part-2.json", "--format", "json", "--dataset-info", "out/merged_info.txt"]).stdout);
    texts.push(...allFiles(out));

    // everything was found: one finding per planted value (the shared ones once per record)
    expect(json.privacy.kinds).toMatchObject(Object.fromEntries(SECRETS.map((f) => [f.kind, expect.any(Number)])));
    expect(json.privacy.secrets).toBeGreaterThanOrEqual(SECRETS.length);
    expect(json.privacy.piiRecords).toBe(ALL.length);
    // the report is the same whatever ran it (threads, shards)
    const same = (r: { files: unknown; privacy: unknown; diversity: unknown }) => JSON.stringify([r.files, r.privacy, r.diversity]);
    expect(same(workers)).toBe(same(json));
    expect(same(merged)).toBe(same(json));
    // the quoted texts are there, masked
    expect(json.diversity.systemPrompts.top[0].text).toBe("You are the billing assistant. Call the API with [REDACTED:github-token] and escalate to [REDACTED:email].");
    expect(json.diversity.openings.top[0].opening).toMatch(/^\[redacted:email\] will follow up/);
    expect(json.composition.categories.top[0].category).toBe("phone intake [REDACTED:phone]");
    expect(readFileSync(join(out, "dataset_info.txt"), "utf8")).toMatch(/Secrets: \d+ found[\s\S]*\[REDACTED:github-token\]/);
    // each output says what was found, by kind
    expect(text).toMatch(/^secrets: \d+ \(github-token ×\d+, .*personal data in \d+ records/m);
    expect(markdown).toContain("#### Secrets and personal data");
    const secretResult = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === "secret");
    expect(secretResult.partialFingerprints["chatmlGate/v1"]).toMatch(/^[0-9a-f]{16}$/);
    expect(json.files[0].findings.map((f: { fingerprint: string }) => f.fingerprint)).toContain(secretResult.partialFingerprints["chatmlGate/v1"]);

    expect(texts.flatMap(([where, text]) => leaks(where, text))).toEqual([]);
  });

  it("with a target model, the template's error messages that quote a record, and the rendered examples kept for the token estimate (shard partials), hold no value", () => {
    const ws = workspace();
    // Raises quoting the record: a user message with a private key (whitespace collapsed by the finding), a tool
    // call's arguments (a PEM key as JSON text); renders the rest, values included.
    const template = [
      "{%- for message in messages %}",
      "{%- if message['role'] == 'user' and 'PRIVATE KEY' in message['content'] %}{{ raise_exception('refused: ' + message['content']) }}{%- endif %}",
      "{%- if message['tool_calls'] %}{{ raise_exception('tools: ' + message['tool_calls'][0]['function']['arguments']) }}{%- endif %}",
      "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}",
      "{%- endfor %}",
    ].join("\n");
    writeFileSync(join(ws, "template.jinja"), template);
    const target = ["--chat-template", "template.jinja", "--tokenizer", resolve("tests/fixtures/target/tiny-bpe.tokenizer.json")];
    const texts: [string, string][] = [];
    const run = (args: string[]) => {
      const r = runCli(args, ws);
      expect([0, 1], `${args.join(" ")}: ${r.stderr}`).toContain(r.code);
      texts.push([`${args.join(" ")} (stdout)`, r.stdout], [`${args.join(" ")} (stderr)`, r.stderr]);
      return r;
    };
    const json = JSON.parse(run(["check", "data", "--format", "json", ...target]).stdout);
    run(["check", "data", "--format", "markdown", ...target]);
    run(["check", "data", "--shard", "1/2", "--output", "out/part-1.json", ...target]);
    run(["check", "data", "--shard", "2/2", "--output", "out/part-2.json", ...target]);
    run(["merge", "out/part-1.json", "out/part-2.json", "--format", "text"]);
    texts.push(...allFiles(join(ws, "out")));
    const errors = json.files[0].findings.filter((f: { rule: string }) => f.rule === "template-error").map((f: { message: string }) => f.message);
    expect(errors.some((m: string) => m.includes("refused: Here is the key from the server: [REDACTED:private-key]"))).toBe(true);
    expect(errors.some((m: string) => m.includes("tools: {") && m.includes("[REDACTED:private-key]"))).toBe(true);
    expect(json.tokens.tokenizer).toBeTruthy();
    expect(json.privacy.secrets).toBeGreaterThanOrEqual(SECRETS.length);
    expect(texts.flatMap(([where, text]) => leaks(where, text))).toEqual([]);
  });

  it("in a GitHub Actions job, every value is masked with ::add-mask:: on standard error (also by a shard), and standard output stays clean", () => {
    const ws = workspace();
    const r = runCli(["check", "data", "--format", "json"], ws, { GITHUB_ACTIONS: "true" });
    const masked = r.stderr.split("\n").filter((l) => l.startsWith("::add-mask::")).map((l) => l.slice(12));
    for (const v of maskLines(ALL.map((f) => f.value))) expect(masked, v.slice(0, 4)).toContain(v.replace(/%/g, "%25"));
    expect(JSON.parse(r.stdout).privacy.secrets).toBeGreaterThan(0);
    const shard = runCli(["check", "data", "--shard", "1/1", "--output", "part.json"], ws, { GITHUB_ACTIONS: "true" });
    expect(shard.stderr).toContain("::add-mask::" + gh);
    expect(readFileSync(join(ws, "part.json"), "utf8")).not.toContain(gh);
    expect(runCli(["check", "data", "--format", "json"], ws, { GITHUB_ACTIONS: "" }).stderr).not.toContain("::add-mask::");
  });
});

describe("the bundled action", () => {
  it("comment, summary, annotations, log, outputs, report, dataset_info and SARIF hold no value; the log masks every one", async () => {
    const ws = workspace();
    const run = mkdtempSync(join(root, "run-"));
    const files = { event: join(run, "event.json"), output: join(run, "output"), summary: join(run, "summary.md") };
    const payload = {
      action: "synchronize",
      number: 21,
      pull_request: { number: 21, head: { sha: "1".repeat(40), ref: "f", repo: { full_name: "o/r" } }, base: { sha: "2".repeat(40), ref: "main", repo: { full_name: "o/r" } } },
      repository: { full_name: "o/r", name: "r", owner: { login: "o" } },
    };
    writeFileSync(files.event, JSON.stringify(payload));
    writeFileSync(files.output, "");
    writeFileSync(files.summary, "");
    github.reset();
    github.prFiles = [{ filename: "data/train.jsonl", status: "added" }];
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: ws,
      GITHUB_REPOSITORY: "o/r",
      GITHUB_SHA: "3".repeat(40),
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_API_URL: github.url,
      GITHUB_RUN_ID: "99",
      RUNNER_TEMP: run,
      "INPUT_GITHUB-TOKEN": "test-token",
      "INPUT_DATASET-INFO": "out/dataset_info.txt",
      "INPUT_SARIF-PATH": "out/gate.sarif",
      "INPUT_REPORT-PATH": "out/report.json",
      "INPUT_MAX-ANNOTATIONS": "500",
    };
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((done) =>
      execFile(NODE, [DIST], { env, cwd: ws, timeout: 120_000, maxBuffer: 64 << 20 }, (err, so) => done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: so })),
    );
    expect(code).toBe(1); // secrets fail the gate
    const comment = (github.comments.get(21) ?? [])[0]?.body ?? "";
    expect(comment).toContain("Secrets and personal data");
    expect(stdout).toMatch(/::error .*title=secret/);
    const texts: [string, string][] = [
      ["comment", comment],
      ["API requests", JSON.stringify(github.requests)],
      ["job summary", readFileSync(files.summary, "utf8")],
      ["outputs", readFileSync(files.output, "utf8")],
      ["log", stdout],
      ...allFiles(join(ws, "out")),
    ];
    expect(texts.flatMap(([where, text]) => leaks(where, text))).toEqual([]);
    // the job log masks each line of each value before anything else is printed
    const masked = new Set(stdout.split("\n").filter((l) => l.startsWith("::add-mask::")).map((l) => l.slice(12)));
    for (const v of maskLines(ALL.map((f) => f.value))) expect(masked.has(v.replace(/%/g, "%25")), v.slice(0, 4)).toBe(true);
    const firstMask = stdout.indexOf("::add-mask::");
    const firstAnnotation = stdout.search(/::(?:error|warning) /);
    expect(firstMask).toBeGreaterThanOrEqual(0);
    expect(firstMask).toBeLessThan(firstAnnotation);
  });
});
