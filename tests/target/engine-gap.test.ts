// What the check does with the engine's answer "I cannot render this as Python would" (whichever engine is in
// src/engine/target/jinja/): a warning that says the record was not checked, never an error, the record still valid
// and counted; once per file when the engine cannot render the template whatever the data. The engine is the real one
// except for records marked GAP and templates marked {# gap #}, for which it answers an engine gap.
import { describe, expect, it, vi } from "vitest";
import { check } from "../../src/engine/check.js";
import { configFromObject } from "../../src/config/config.js";
import { jsonl, tempDir } from "../helpers/run.js";
import { fixture } from "./helpers.js";

vi.mock("../../src/engine/target/jinja/index.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/engine/target/jinja/index.js")>();
  return {
    ...real,
    renderTemplate: (t: { source: string }, ctx: { messages?: { content?: unknown }[] }) => {
      if (t.source.includes("{# gap #}")) return { ok: false, kind: "engine-gap", message: "a construct the engine does not know" };
      if (ctx.messages?.[0]?.content === "GAP") return { ok: false, kind: "engine-gap", message: "a filter on an undefined value" };
      return real.renderTemplate(t as never, ctx as never);
    },
  };
});

const CHATML = "{%- for m in messages %}{{ '<|im_start|>' + m['role'] + '\\n' + m['content'] + '<|im_end|>\\n' }}{%- endfor %}";
const ok = (q: string) => ({ messages: [{ role: "user", content: q }, { role: "assistant", content: `An answer to ${q}` }] });
const DATA = jsonl(ok("first"), { messages: [{ role: "user", content: "GAP" }, { role: "assistant", content: "Not checked." }] }, ok("third"));

async function run(template: string, tokenizer = false) {
  const files: Record<string, string> = { "data.jsonl": DATA, "t.jinja": template, "tok.json": fixture("tiny-bpe.tokenizer.json") };
  const target: Record<string, unknown> = { "chat-template": "t.jinja" };
  if (tokenizer) target.tokenizer = "tok.json";
  return check({ files: ["data.jsonl"], config: configFromObject({ target }), cwd: tempDir(files), validateOnly: !tokenizer, date: "2026-01-01" });
}

describe("template-engine-gap", () => {
  it("a record the engine cannot render: one warning at its line; the record stays valid and is counted on its text", async () => {
    const r = await run(CHATML, true);
    const f = r.files[0];
    expect(f.findings.filter((x) => x.rule.startsWith("template-")).map((x) => `${x.rule}@${x.line}:${x.severity}`)).toEqual(["template-engine-gap@2:warning"]);
    expect(f.findings[0].message).toContain("(a filter on an undefined value)");
    expect(f.validRecords).toBe(3);
    expect(r.target).toMatchObject({ records: 3, rendered: 2, templateErrors: 0, engineGaps: 1 });
    expect((r.tokens as { examples: number }).examples).toBe(3);
  });

  it("a template the engine cannot render whatever the data: one warning for the file, every record still valid", async () => {
    const r = await run("{# gap #}" + CHATML);
    const f = r.files[0];
    expect(f.findings.map((x) => `${x.rule}@${x.line}`)).toEqual(["template-engine-gap@1"]);
    expect(f.findings[0].message).toMatch(/cannot be rendered by this gate's JavaScript engine \(a construct the engine does not know\).*reported once for the file/);
    expect(f.validRecords).toBe(3);
    expect(r.target).toMatchObject({ records: 3, rendered: 0, engineGaps: 3 });
  });

  it("set to error, a per-record gap makes that record invalid like any error; the whole-template one does not", async () => {
    const files = { "data.jsonl": DATA, "t.jinja": CHATML, "g.jinja": "{# gap #}" + CHATML };
    const dir = tempDir(files);
    const per = await check({ files: ["data.jsonl"], config: configFromObject({ target: { "chat-template": "t.jinja" }, rules: { "template-engine-gap": "error" } }), cwd: dir, validateOnly: true });
    expect(per.files[0].validRecords).toBe(2);
    const whole = await check({ files: ["data.jsonl"], config: configFromObject({ target: { "chat-template": "g.jinja" }, rules: { "template-engine-gap": "error" } }), cwd: dir, validateOnly: true });
    expect(whole.files[0].validRecords).toBe(3);
    expect(whole.files[0].errors).toBe(1);
  });
});
