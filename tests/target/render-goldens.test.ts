// Each fixture template renders each fixture record as Python's Jinja2 does (configured as transformers configures
// it): the same text, or where Python raises a template error quoting the same message. Where the engine cannot do
// what Python does it must say so (engine gap): never a false template error, never a wrong render passed silently.
// The goldens were made by tests/fixtures/target/make-goldens.py; the tests need no Python.
import { describe, expect, it } from "vitest";
import { loadTargetSpec } from "../../src/engine/target/load.js";
import { renderContext, targetRuntime } from "../../src/engine/target/runtime.js";
import { toolsOf } from "../../src/engine/target/check-record.js";
import { renderTemplate } from "../../src/engine/target/jinja/index.js";
import type { TargetSpec } from "../../src/engine/target/spec.js";
import { ConfigError } from "../../src/config/config.js";
import { FAITHFUL, FIX, GOLDENS, PYTHON_ONLY, RECORDS, type GoldenCase } from "./helpers.js";

/** Renders every record with the spec (as the record check does) and returns the disagreements with Python. */
function disagreements(spec: TargetSpec, cases: GoldenCase[], label: string): string[] {
  const rt = targetRuntime(spec);
  const out: string[] = [];
  for (const c of cases) {
    const rec = RECORDS[c.record];
    const tools = toolsOf(rec.tools);
    const t = rt.toolUse && tools !== null ? rt.toolUse : rt.template;
    const r = renderTemplate(t, renderContext(spec, rec.messages, tools));
    const key = `${label}#${c.record}`;
    if (!r.ok && r.kind === "engine-gap") continue; // allowed: said, not guessed
    if (c.ok && r.ok && r.text === c.text) continue;
    if (!c.ok && !r.ok && r.kind === "template-error" && r.message === c.error) continue;
    out.push(`${key}: Python ${c.ok ? "renders" : `raises "${c.error}"`}, the engine ${r.ok ? "renders" : `gives ${r.kind} "${r.message}"`}`);
  }
  return out;
}

/** The disagreements an engine without Python's semantics is allowed (the stand-in); none for a faithful one. */
function unexpected(found: string[]): string[] {
  return FAITHFUL ? found : found.filter((d) => !PYTHON_ONLY.has(d.slice(0, d.indexOf(":"))));
}

describe("chat templates render as Python's Jinja2 renders them", () => {
  for (const [name, golden] of Object.entries(GOLDENS.templates)) {
    if (!golden.cases) continue;
    it(`${name}.jinja: every record as Python renders it (or a template error with Python's message)`, async () => {
      const spec = await loadTargetSpec({ chatTemplate: `${name}.jinja`, bosToken: GOLDENS.specialTokens.bos_token, eosToken: GOLDENS.specialTokens.eos_token }, FIX);
      expect(unexpected(disagreements(spec, golden.cases!, name))).toEqual([]);
    });
  }

  it("the goldens exercise what real templates do: alternation and system-role refusals, tool calls, Python's errors", () => {
    const errors = Object.values(GOLDENS.templates).flatMap((t) => (t.cases ?? []).filter((c) => !c.ok).map((c) => (c as { error: string }).error));
    expect(errors).toContain("Conversation roles must alternate user/assistant/user/assistant/...");
    expect(errors).toContain("System role not supported");
    expect(errors).toContain('can only concatenate str (not "list") to str');
    const qwen = GOLDENS.templates["qwen-style"].cases!;
    expect((qwen[4] as { text: string }).text).toContain('<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}');
    expect((qwen[5] as { text: string }).text).toContain('"name": "add"'); // tools given as a JSON string, parsed
  });

  it("a tokenizer_config.json: its 'default' template, its special tokens as strings and {content} objects", async () => {
    const spec = await loadTargetSpec({ chatTemplate: "tokenizer_config.json" }, FIX);
    expect(spec.templateName).toBe("default");
    expect(spec.variables).toEqual(GOLDENS.tokenizerConfig.specialTokens);
    expect(unexpected(disagreements(spec, GOLDENS.tokenizerConfig.default, "default"))).toEqual([]);
  });

  it("a tokenizer_config.json entry chosen by template-name", async () => {
    const spec = await loadTargetSpec({ chatTemplate: "tokenizer_config.json", templateName: "gemma" }, FIX);
    expect(unexpected(disagreements(spec, GOLDENS.tokenizerConfig.gemma, "gemma"))).toEqual([]);
    await expect(loadTargetSpec({ chatTemplate: "tokenizer_config.json", templateName: "chatml" }, FIX)).rejects.toThrow(/'chatml' is not in tokenizer_config\.json; its templates are 'default', 'gemma'/);
  });

  it("template-kwargs win over the special tokens, as in transformers", async () => {
    const spec = await loadTargetSpec({ chatTemplate: "tokenizer_config.json", bosToken: "<bos>", templateKwargs: { eos_token: "<eos>", enable_thinking: false } }, FIX);
    expect(spec.variables).toMatchObject({ bos_token: "<bos>", eos_token: "<eos>", enable_thinking: false });
    expect(spec.eosToken).toBe("<eos>");
  });

  it("a template Python's Jinja2 cannot parse is a config error naming its line", async () => {
    const golden = GOLDENS.templates["syntax-error"].syntaxError!;
    const err = await loadTargetSpec({ chatTemplate: "syntax-error.jinja" }, FIX).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain(`chat template syntax-error.jinja:${golden.line}: `);
  });
});

describe.skipIf(!FAITHFUL)("Python's semantics (the real engine; skipped with the stand-in)", () => {
  it("string + list content raises as in Python, lists print as Python's repr, lstrip takes its argument", async () => {
    const spec = await loadTargetSpec({ chatTemplate: "python-semantics.jinja", bosToken: "<s>", eosToken: "</s>" }, FIX);
    expect(disagreements(spec, GOLDENS.templates["python-semantics"].cases!, "python-semantics")).toEqual([]);
  });
});
