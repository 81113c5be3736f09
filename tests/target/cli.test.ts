// The bundled CLI with a target model, run as users run it: flags, config, exit codes, the report, and the same report
// whatever the number of worker threads or shards.
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/run.js";
import { fixture, GOLDENS, RECORD_LINES } from "./helpers.js";

const TEMPLATES = ["qwen-style.jinja", "mistral-style.jinja", "gemma-style.jinja", "syntax-error.jinja", "tokenizer_config.json", "tiny-bpe.tokenizer.json"];

function workspace(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { "data/train.jsonl": RECORD_LINES.join("\n") + "\n", ...extra };
  for (const t of TEMPLATES) files[`model/${t}`] = fixture(t);
  return tempDir(files);
}

describe("chatml-gate check --chat-template", () => {
  it("reports the template's refusals at their lines, names the template and tokenizer, and fails the gate", () => {
    const dir = workspace();
    const r = runCli(["check", "data", "--chat-template", "model/mistral-style.jinja", "--bos-token", "<s>", "--eos-token", "</s>", "--tokenizer", "model/tiny-bpe.tokenizer.json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('data/train.jsonl:3: error template-error: the chat template fails on this record: "Conversation roles must alternate user/assistant/user/assistant/..."');
    expect(r.stdout).toContain('data/train.jsonl:2: error template-error: the chat template fails on this record: "System role not supported"');
    expect(r.stdout).toMatch(/chat template model\/mistral-style\.jinja \+ tokenizer model\/tiny-bpe\.tokenizer\.json: \d+ of 14 records rendered, \d+ template errors/);
    expect(r.stdout).toMatch(/tokens \(model\/tiny-bpe\.tokenizer\.json, rendered with the chat template\): \d+ total, mean/);
    const json = runCli(["check", "data", "--chat-template", "model/mistral-style.jinja", "--format", "json"], dir);
    const report = JSON.parse(json.stdout);
    expect(report.target).toMatchObject({ chatTemplate: "model/mistral-style.jinja", records: 14 });
    const md = runCli(["check", "data", "--chat-template", "model/mistral-style.jinja", "--tokenizer", "model/tiny-bpe.tokenizer.json", "--format", "markdown"], dir);
    expect(md.stdout.replace(/\\/g, "")).toMatch(/\nchat template model\/mistral-style\.jinja \+ tokenizer model\/tiny-bpe\.tokenizer\.json: \d+ of 14 records rendered/);
  });

  it("reads target: from the config (tokenizer_config.json, template-name, max-tokens), flags over it", () => {
    const dir = workspace({ ".chatml-gate.yml": "target:\n  chat-template: model/tokenizer_config.json\n  template-name: gemma\n  tokenizer: model/tiny-bpe.tokenizer.json\n  max-tokens: 40\n" });
    const r = runCli(["check", "data", "--format", "json"], dir);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report.target).toMatchObject({ chatTemplate: "model/tokenizer_config.json", templateName: "gemma", tokenizer: "model/tiny-bpe.tokenizer.json", bosToken: "<s>", eosToken: "<|im_end|>" });
    expect(report.tokens.limit).toBe(40);
    expect(report.tokens.tooLong).toBeGreaterThan(0);
    const flagged = runCli(["check", "data", "--format", "json", "--chat-template", "model/qwen-style.jinja"], dir);
    expect(JSON.parse(flagged.stdout).target.chatTemplate).toBe("model/qwen-style.jinja");
  });

  it("a broken target is a config error (exit 2, one line naming the file), never a stack trace", () => {
    const dir = workspace({ "model/lfs.jinja": "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 1234\n", "model/notes.json": "{\"hello\": 1}\n" });
    const line = GOLDENS.templates["syntax-error"].syntaxError!.line;
    const cases: [string[], RegExp][] = [
      [["--chat-template", "model/syntax-error.jinja"], new RegExp(`^chatml-gate: chat template model/syntax-error\\.jinja:${line}: .*Python's Jinja2 cannot parse it either`)],
      [["--chat-template", "model/lfs.jinja"], /^chatml-gate: chat template model\/lfs\.jinja is a Git LFS pointer, not the file: check out with `lfs: true`/],
      [["--chat-template", "model/missing.jinja"], /^chatml-gate: cannot read chat template model\/missing\.jinja: no such file/],
      [["--chat-template", "model/notes.json"], /^chatml-gate: chat template model\/notes\.json has no "chat_template": newer models keep it in chat_template\.jinja/],
      [["--chat-template", "model/qwen-style.jinja", "--tokenizer", "model/lfs.jinja"], /^chatml-gate: tokenizer model\/lfs\.jinja is a Git LFS pointer/],
      [["--chat-template", "model/qwen-style.jinja", "--tokenizer", "model/tokenizer_config.json"], /^chatml-gate: tokenizer model\/tokenizer_config\.json is not a Hugging Face tokenizer\.json/],
      [["--tokenizer", "model/tiny-bpe.tokenizer.json"], /^chatml-gate: --tokenizer needs a chat template: add --chat-template FILE/],
      [["--chat-template", "model/tokenizer_config.json", "--config", "cfg.yml"], /^chatml-gate: cannot read config cfg\.yml/],
    ];
    for (const [args, want] of cases) {
      const r = runCli(["check", "data", ...args], dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(want);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
  });
});

describe("the same report whatever the threads and shards", () => {
  // ~600 KB of records (each a little different), cut into 64 KiB chunks
  const lines: string[] = [];
  for (let i = 0, size = 0; size < 600_000; i++) {
    const rec = JSON.parse(RECORD_LINES[i % RECORD_LINES.length]);
    for (const m of rec.messages) if (typeof m.content === "string") m.content += ` (variant ${i})`;
    lines.push(JSON.stringify(rec));
    size += lines[lines.length - 1].length + 1;
  }
  const dir = tempDir({ "data/train.jsonl": lines.join("\n") + "\n", "model/qwen-style.jinja": fixture("qwen-style.jinja"), "model/tiny-bpe.tokenizer.json": fixture("tiny-bpe.tokenizer.json") });
  const env = { CHATML_GATE_CHUNK_BYTES: String(64 * 1024) };
  const args = ["check", "data", "--format", "json", "--chat-template", "model/qwen-style.jinja", "--tokenizer", "model/tiny-bpe.tokenizer.json", "--eos-token", "</s>", "--max-tokens", "120"];

  it("1 and 3 worker threads, and 3 shards merged, give the same report byte for byte", () => {
    const one = runCli([...args, "--workers", "1"], dir, env);
    expect(one.stderr).toBe("");
    const report = JSON.parse(one.stdout);
    expect(report.target.records).toBe(lines.length);
    expect(report.tokens.tokenizer).toBe("model/tiny-bpe.tokenizer.json");
    const f = report.files[0];
    // once-per-file findings stay once across chunks; the file-level EOS verdict sees every chunk
    expect(f.findingCounts["template-no-eos"]).toBe(1);
    // three unread fields, two of them in one record: two findings, the first counting 2 (the listing is full: its
    // 1,000 rows show every rule once before more rows of one, so the second is counted, not listed)
    expect(f.findingCounts["template-unread-field"]).toBe(2);
    expect(f.findings.find((x: { rule: string }) => x.rule === "template-unread-field")).toMatchObject({ line: 5, count: 2, pointer: "/messages/2/tool_call_id" });
    expect(f.findingCounts["too-long"]).toBeGreaterThan(100);
    const three = runCli([...args, "--workers", "3"], dir, env);
    expect(three.stderr).toBe("");
    expect(three.stdout).toBe(one.stdout);
    for (const i of [1, 2, 3]) expect(runCli([...args.filter((a) => a !== "json" && a !== "--format"), "--shard", `${i}/3`, "--output", `part-${i}.json`], dir, env).code).toBe(0);
    // the merge needs neither the template nor the tokenizer file
    const merged = runCli(["merge", "part-2.json", "part-3.json", "part-1.json", "--format", "json"], dir, env);
    expect(merged.stderr).toBe("");
    expect(merged.stdout).toBe(one.stdout);
  });
});
