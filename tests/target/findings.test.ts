// The target model's rules on real inputs at known lines: the fixture records rendered by the fixture templates
// (tests/fixtures/target/), through the whole engine (check()), as a user runs them.
import { describe, expect, it } from "vitest";
import { check } from "../../src/engine/check.js";
import { configFromObject } from "../../src/config/config.js";
import type { FileReport, Report } from "../../src/engine/report.js";
import { jsonl, tempDir } from "../helpers/run.js";
import { FAITHFUL, fixture, GOLDENS, RECORD_LINES, RECORDS } from "./helpers.js";

const COPY = ["qwen-style.jinja", "mistral-style.jinja", "gemma-style.jinja", "loop-controls.jinja", "tokenizer_config.json", "tiny-bpe.tokenizer.json"];

async function run(data: string, target: Record<string, unknown>, opts: { validateOnly?: boolean; config?: Record<string, unknown> } = {}): Promise<Report> {
  const files: Record<string, string> = { "data.jsonl": data };
  for (const f of COPY) files[f] = fixture(f);
  const dir = tempDir(files);
  const config = configFromObject({ ...opts.config, target });
  return check({ files: ["data.jsonl"], config, cwd: dir, validateOnly: opts.validateOnly ?? true, date: "2026-01-01" });
}

const at = (f: FileReport, rule: string) => f.findings.filter((x) => x.rule === rule).map((x) => x.line);
const ALL = RECORD_LINES.join("\n") + "\n";

describe("template-error", () => {
  it("is reported once per record the template raises on, at its line, quoting the template's message", async () => {
    const r = await run(ALL, { "chat-template": "mistral-style.jinja", "bos-token": "<s>", "eos-token": "</s>" });
    const f = r.files[0];
    const cases = GOLDENS.templates["mistral-style"].cases!;
    for (const c of cases) {
      const line = c.record + 1;
      const found = f.findings.filter((x) => x.line === line && (x.rule === "template-error" || x.rule === "template-engine-gap"));
      if (c.ok) {
        // never a false template error
        expect(found.filter((x) => x.rule === "template-error"), `line ${line}`).toEqual([]);
        continue;
      }
      if (!FAITHFUL && c.record === 12) continue; // the stand-in renders an empty conversation (Python raises)
      // never silence: a template error with Python's message, or an engine gap that says it was not checked
      expect(found, `line ${line}`).toHaveLength(1);
      if (found[0].rule === "template-error") expect(found[0].message).toContain(`"${c.error}"`);
    }
    // the alternation and system-role refusals of the issue, at their lines
    expect(f.findings.find((x) => x.line === 3 && x.rule === "template-error")?.message).toContain('"Conversation roles must alternate user/assistant/user/assistant/..."');
    expect(f.findings.find((x) => x.line === 2 && x.rule === "template-error")?.message).toContain('"System role not supported"');
    expect(f.findings.filter((x) => x.rule === "template-error").every((x) => x.severity === "error")).toBe(true);
    // a record the template refuses is invalid (the trainer cannot use it)
    expect(f.validRecords).toBeLessThan(f.records);
    expect(r.target).toMatchObject({ chatTemplate: "mistral-style.jinja", records: 14, templateErrors: at(f, "template-error").length });
  });

  it("also renders records that break other rules, and nothing else when there is no target", async () => {
    const bad = jsonl({ messages: [{ role: "user", content: "Hi" }, { role: "user", content: "Hello?" }], extra: 1 });
    const r = await run(bad, { "chat-template": "mistral-style.jinja" });
    expect(r.files[0].findings.map((x) => x.rule)).toContain("template-error");
    const none = await check({ files: ["data.jsonl"], config: configFromObject({}), cwd: tempDir({ "data.jsonl": bad }), validateOnly: true });
    expect(none.files[0].findings.map((x) => x.rule).filter((x) => x.startsWith("template-"))).toEqual([]);
    expect(none.target).toBeUndefined();
  });
});

describe("what the render shows", () => {
  it("template-drops-content: earlier reasoning a Qwen-style template strips, at its line", async () => {
    const r = await run(ALL, { "chat-template": "qwen-style.jinja" });
    const f = r.files[0];
    expect(at(f, "template-drops-content")).toEqual([8]);
    const found = f.findings.find((x) => x.rule === "template-drops-content")!;
    expect(found.message).toContain("messages[1] (assistant): its <think> reasoning");
    expect(found.pointer).toBe("/messages/1/content");
  });

  it("template-drops-content: a system prompt and a tool the template ignores", async () => {
    const data = jsonl(
      { messages: [{ role: "system", content: "Answer briefly." }, { role: "user", content: "Hi" }, { role: "assistant", content: "Hello." }] },
      { messages: [{ role: "user", content: "Weather?" }, { role: "assistant", content: "Sunny." }], tools: [{ type: "function", function: { name: "get_weather", parameters: {} } }] },
    );
    const r = await run(data, { "chat-template": "loop-controls.jinja" });
    const msgs = r.files[0].findings.filter((x) => x.rule === "template-drops-content");
    expect(msgs.map((x) => x.line)).toEqual([2]); // line 1: the system prompt is rendered by this template
    expect(msgs[0].message).toContain("tools: 'get_weather'");
    expect(msgs[0].pointer).toBe("/tools");
    const mistral = await run(data, { "chat-template": "gemma-style.jinja" });
    expect(mistral.files[0].findings.filter((x) => x.line === 1).map((x) => x.rule)).toEqual(["template-error"]); // refused, not "dropped"
  });

  it("template-unread-field: once per field and file, at the first record that sets it; one finding per record", async () => {
    const r = await run(ALL, { "chat-template": "qwen-style.jinja" });
    const found = r.files[0].findings.filter((x) => x.rule === "template-unread-field");
    const f = found.map((x) => `${x.line}:${/messages\[\d+\]\.(\w+)/.exec(x.message)![1]}`);
    // line 5's two unread fields (tool_call_id and name of its tool message) are one finding that says so
    expect(f).toEqual(["5:tool_call_id", "9:weight"]);
    expect(found[0]).toMatchObject({ count: 2, pointer: "/messages/2/tool_call_id" });
    expect(found[0].message).toMatch(/^messages\[2\]: 2 message fields the chat template never reads; the first: messages\[2\]\.tool_call_id is never read/);
    expect(found[1].pointer).toMatch(/^\/messages\/\d+\/weight$/);
    expect(r.files[0].findingCounts["template-unread-field"]).toBe(2);
    expect(r.target!.messageKeys).toEqual(["content", "role", "tool_calls"]);
  });

  it("template-no-eos: once for a file whose renders never hold the EOS token", async () => {
    const r = await run(ALL, { "chat-template": "qwen-style.jinja", "eos-token": "</s>" });
    expect(at(r.files[0], "template-no-eos")).toEqual([1]);
    const ok = await run(ALL, { "chat-template": "qwen-style.jinja", "eos-token": "<|im_end|>" });
    expect(at(ok.files[0], "template-no-eos")).toEqual([]);
  });

  it("template-double-bos and template-eot-split with the tokenizer: <s> twice, <end_of_turn> in 10 tokens", async () => {
    const r = await run(ALL, { "chat-template": "gemma-style.jinja", tokenizer: "tiny-bpe.tokenizer.json", "bos-token": "<s>", "eos-token": "</s>" });
    const f = r.files[0];
    expect(at(f, "template-double-bos")).toEqual([1]);
    expect(at(f, "template-eot-split")).toEqual([1]);
    expect(f.findings.find((x) => x.rule === "template-eot-split")!.message).toContain(`"<end_of_turn>", which tiny-bpe.tokenizer.json encodes as ${GOLDENS.tokens.pieces["<end_of_turn>"]} tokens`);
    // a ChatML template whose <|im_end|> is one token of the tokenizer, and no BOS in the template: neither
    const q = await run(ALL, { "chat-template": "qwen-style.jinja", tokenizer: "tiny-bpe.tokenizer.json" });
    expect(q.files[0].findings.map((x) => x.rule)).not.toContain("template-eot-split");
    expect(q.files[0].findings.map((x) => x.rule)).not.toContain("template-double-bos");
  });

  it("template-double-bos without a tokenizer, from tokenizer_config.json's add_bos_token", async () => {
    const files: Record<string, string> = { "data.jsonl": ALL, "cfg/tokenizer_config.json": JSON.stringify({ chat_template: fixture("mistral-style.jinja"), bos_token: "<s>", eos_token: "</s>", add_bos_token: true }) };
    const r = await check({ files: ["data.jsonl"], config: configFromObject({ target: { "chat-template": "cfg/tokenizer_config.json" } }), cwd: tempDir(files), validateOnly: true });
    expect(at(r.files[0], "template-double-bos")).toEqual([1]);
    expect(r.files[0].findings.find((x) => x.rule === "template-double-bos")!.message).toContain("add_bos_token: true");
  });

  it("template-no-generation-markers: loss assistant-only with a template that has none; not with one that has them", async () => {
    const r = await run(ALL, { "chat-template": "gemma-style.jinja", loss: "assistant-only" });
    const f = r.files[0];
    expect(at(f, "template-no-generation-markers")).toEqual([1]);
    expect(f.findings.find((x) => x.rule === "template-no-generation-markers")!.severity).toBe("error");
    const q = await run(ALL, { "chat-template": "qwen-style.jinja", loss: "assistant-only" });
    expect(at(q.files[0], "template-no-generation-markers")).toEqual([]);
    expect(q.target!.generationMarkers).toBe(true);
  });

  it("a tokenizer_config.json list: records with tools use its tool_use template, as transformers does", async () => {
    const plain = "{%- for m in messages %}{{ m['role'] }}: {{ m['content'] }}\n{%- endfor %}";
    const tool = "{%- for t in tools %}TOOL {{ t.function.name }}\n{%- endfor %}" + plain;
    const files = { "data.jsonl": RECORD_LINES[0] + "\n" + RECORD_LINES[4] + "\n", "tokenizer_config.json": JSON.stringify({ chat_template: [{ name: "default", template: plain }, { name: "tool_use", template: tool }] }) };
    const dir = tempDir(files);
    const r = await check({ files: ["data.jsonl"], config: configFromObject({ target: { "chat-template": "tokenizer_config.json" } }), cwd: dir, validateOnly: true });
    expect(at(r.files[0], "template-drops-content")).toEqual([]); // line 2 has tools: tool_use lists them
    expect(r.target).toMatchObject({ templateName: "default", rendered: 2 });
    // with template-name: default for every record, which never lists the tools
    const named = await check({ files: ["data.jsonl"], config: configFromObject({ target: { "chat-template": "tokenizer_config.json", "template-name": "default" } }), cwd: dir, validateOnly: true });
    expect(at(named.files[0], "template-drops-content")).toEqual([2]);
  });
});

describe("records as Python reads them", () => {
  it("a float written 1.0 reaches the template as Python's json.loads reads it (it prints 1.0), in tools given as text too", async () => {
    const template = "{{ raise_exception('score=' ~ messages[0].score ~ ' tool=' ~ (tools[0].version if tools else 'none')) }}";
    const data = jsonl(
      { messages: [{ role: "user", content: "Hi", score: 1.0 }, { role: "assistant", content: "Hello." }] },
      '{"messages": [{"role": "user", "content": "Hi", "score": 1.0}, {"role": "assistant", "content": "Hello."}], "tools": "[{\\"version\\": 2.0}]"}',
    );
    const r = await check({ files: ["data.jsonl"], config: configFromObject({ target: { "chat-template": "t.jinja" } }), cwd: tempDir({ "data.jsonl": data.replace('"score":1', '"score":1.0'), "t.jinja": template }), validateOnly: true });
    expect(r.files[0].findings.filter((x) => x.rule === "template-error").map((x) => /"(score=[^"]*)"/.exec(x.message)![1])).toEqual(["score=1.0 tool=none", "score=1.0 tool=2.0"]);
  });
});

describe("severities and the report", () => {
  it("rules can be switched off or raised like any other; the report's target names the template", async () => {
    const r = await run(ALL, { "chat-template": "qwen-style.jinja" }, { config: { rules: { "template-drops-content": "error", "template-unread-field": "off" } } });
    const f = r.files[0];
    expect(at(f, "template-unread-field")).toEqual([]);
    expect(f.findings.find((x) => x.rule === "template-drops-content")!.severity).toBe("error");
    expect(r.target).toMatchObject({ chatTemplate: "qwen-style.jinja", records: RECORDS.length, loss: "all" });
    expect(r.target!.rendered + r.target!.templateErrors + r.target!.engineGaps).toBe(RECORDS.length);
  });
});
