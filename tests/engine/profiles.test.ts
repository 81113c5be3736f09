// Profiles are strict about their target: profile: openai / together / mistral refuse what that target refuses, each
// finding naming what the target expects; profile: generic stays permissive. Real inputs at known lines.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkContent, good, jsonl, ruleLines } from "../helpers/run.js";
import { check } from "../../src/engine/check.js";
import { configFromObject } from "../../src/config/config.js";
import { FORMATS, ROOT } from "../helpers/paths.js";

const fixture = (name: string) => readFileSync(join(ROOT, "tests", "fixtures", "profiles", name), "utf8");
const run = (content: string, profile: string, config: object = {}) => checkContent(content, { config: { profile, ...config } });
const u = (content: unknown, extra: object = {}) => ({ role: "user", content, ...extra });
const a = (content: unknown, extra: object = {}) => ({ role: "assistant", content, ...extra });
const call = (id: string, name = "get_weather", args: unknown = '{"city": "Oslo"}') => ({ id, type: "function", function: { name, arguments: args } });

describe("other record shapes: one unsupported-format finding per file, every record refused", () => {
  const CASES: [string, string, string[], RegExp][] = [
    ["sharegpt.jsonl", "ShareGPT", ["openai", "together", "mistral"], /"from" human → "role": "user", gpt → "assistant"/],
    ["alpaca.jsonl", "Alpaca", ["openai", "together", "mistral"], /instruction \(and input, after a blank line\) → the user's content, output → the assistant's/],
    ["trl-preference.jsonl", "TRL preference", ["openai", "together"], /write each pair as \{"input": \{"messages": \[<the prompt's messages>\]\}, "preferred_output": \[\{"role": "assistant", "content": <chosen>\}\]/],
    ["trl-preference.jsonl", "TRL preference", ["mistral"], /mistral-finetune trains on instruct data only: keep the chosen answers as \{"messages"/],
    ["openai-dpo.jsonl", "OpenAI DPO", ["mistral"], /mistral-finetune trains on instruct data only/],
  ];
  for (const [file, label, profiles, fix] of CASES) {
    for (const profile of profiles) {
      it(`${label} under profile: ${profile}`, async () => {
        const f = await run(fixture(file), profile);
        expect(ruleLines(f)).toEqual(["unsupported-format@1"]);
        expect(f.findings[0].message).toMatch(new RegExp(`^the file is ${label}`));
        expect(f.findings[0].message).toMatch(fix);
        expect(f.validRecords).toBe(0);
        expect(f.records).toBe(2);
      });
    }
  }

  it("profile: generic accepts all of them", async () => {
    for (const file of ["sharegpt.jsonl", "alpaca.jsonl", "trl-preference.jsonl", "openai-dpo.jsonl", "llamafactory-v1.jsonl"]) {
      const f = await run(fixture(file), "generic");
      expect(f.errors, file).toBe(0);
      expect(f.validRecords, file).toBe(2);
    }
  });

  it("a ShareGPT record in a chat file is mixed-format only (one defect, one finding)", async () => {
    const sharegpt = { conversations: [{ from: "human", value: "hi" }, { from: "gpt", value: "yo" }] };
    const f = await run(jsonl(good(1), sharegpt, good(3)), "openai");
    expect(ruleLines(f)).toEqual(["mixed-format@2"]);
  });

  it("OpenAI DPO records are accepted by openai and together", async () => {
    for (const profile of ["openai", "together"]) expect(ruleLines(await run(fixture("openai-dpo.jsonl"), profile)), profile).toEqual([]);
  });
});

describe("profile: openai", () => {
  it("LLaMA-Factory v1 records: the value parts and loss_weight are refused, each once for the file", async () => {
    const f = await run(fixture("llamafactory-v1.jsonl"), "openai");
    // the user's and the assistant's loss_weight: one finding for the record (a rule repeated in a record is one)
    expect(ruleLines(f)).toEqual(["unsupported-key@1", "invalid-content-part@1"]);
    expect(f.validRecords).toBe(0);
    const [keys, part] = f.findings;
    expect(part.message).toBe(`messages[0].content[0] is LLaMA-Factory's {"type": "text", "value": ...}; OpenAI's chat fine-tuning format takes {"type": "text", "text": ...}: rename "value" to "text" (reported once for the file: every record with it is refused)`);
    expect(keys.count).toBe(2);
    expect(keys.message).toBe(`2 keys the target does not accept in this record; the first: messages[0] (user) has the key 'loss_weight', which OpenAI's chat fine-tuning format does not accept: OpenAI's per-message switch is "weight": 0 or 1, on assistant messages (0: not trained on); a user message takes role, content, name (reported once for the file: every record with it is refused)`);
  });

  const CASES: [string, unknown, RegExp][] = [
    ["unsupported-key", { messages: [u("hi"), a("yo", { reasoning_content: "thinking..." })] }, /'reasoning_content', which OpenAI's chat fine-tuning format does not accept: OpenAI's format has no reasoning field/],
    ["unsupported-key", { messages: [u("hi"), a("yo", { timestamp: 17 })] }, /'timestamp', which OpenAI's chat fine-tuning format does not accept: remove it or check its spelling/],
    ["unsupported-key", { messages: [u("hi", { tool_call_id: "x" }), a("yo")] }, /messages\[0\] \(user\) has the key 'tool_call_id'/],
    ["unsupported-key", { system: "You are terse.", messages: [u("hi"), a("yo")] }, /^"system" beside "messages" is Amazon Bedrock's format; OpenAI's chat fine-tuning format reads a system prompt only as the first message/],
    ["invalid-role", { messages: [{ role: "developer", content: "be brief" }, u("hi"), a("yo")] }, /'developer' is not a role OpenAI's chat fine-tuning format takes \(system, user, assistant, tool, function\): use 'system'/],
    ["invalid-content-part", { messages: [u([{ type: "input_audio", input_audio: { data: "AAAA", format: "wav" } }]), a("yo")] }, /has type 'input_audio', which OpenAI's chat fine-tuning format does not take in a user message: it takes 'text' and 'image_url' parts/],
    ["invalid-content-part", { messages: [u([{ type: "image", image: "cat.png" }]), a("A cat.")] }, /has type 'image'; OpenAI's chat fine-tuning format takes an image as \{"type": "image_url"/],
    ["invalid-content-part", { messages: [u([{ type: "image_url", image_url: "https://x/y.png" }]), a("A cat.")] }, /has "image_url" as a string/],
    ["invalid-content-part", { messages: [u([{ type: "image_url", image_url: { url: "https://x/y.png", detail: "max" } }]), a("A cat.")] }, /has "detail": "max"; OpenAI's chat fine-tuning format takes "low", "high" or "auto"/],
    ["invalid-content-part", { messages: [{ role: "system", content: [{ type: "image_url", image_url: { url: "https://x/y.png" } }] }, u("hi"), a("yo")] }, /images belong in user messages/],
    ["invalid-tool-call", { messages: [u("hi"), { role: "assistant", tool_calls: [call("c1", "get weather")] }, { role: "tool", tool_call_id: "c1", content: "3C" }, a("3C.")] }, /calls "get weather": OpenAI's chat fine-tuning format takes function names of a-z, A-Z, 0-9, _ and -/],
    ["invalid-tool-call", { messages: [u("hi"), a("yo")], tools: [{ name: "get_weather", parameters: {} }] }, /tools\[0\] is not a function tool: OpenAI's chat fine-tuning format takes \{"type": "function", "function"/],
    ["invalid-content-type", { input: { messages: [u("2+2?")] }, preferred_output: [a("4"), a("Four.")], non_preferred_output: [a("5")] }, /"preferred_output" holds 2 messages; OpenAI's chat fine-tuning format \(DPO\) takes exactly one assistant message in it/],
    ["invalid-weight", { messages: [u("hi", { weight: 1 }), a("yo")] }, /weight applies to assistant messages only/],
  ];
  for (const [rule, rec, msg] of CASES) {
    it(`${rule}: ${JSON.stringify(rec).slice(0, 80)}`, async () => {
      const preference = "input" in (rec as object);
      const before = preference ? { input: { messages: [u("1+1?")] }, preferred_output: [a("2")], non_preferred_output: [a("3")] } : good(1);
      const after = preference ? { input: { messages: [u("3+3?")] }, preferred_output: [a("6")], non_preferred_output: [a("7")] } : good(3);
      const f = await run(jsonl(before, rec, after), "openai");
      const at2 = f.findings.filter((x) => x.line === 2);
      expect(at2.map((x) => x.rule)).toContain(rule);
      expect(f.findings.filter((x) => x.line !== 2)).toEqual([]);
      expect(at2.find((x) => x.rule === rule)!.message).toMatch(msg);
      // the same record passes the generic profile's error rules (it is a target refusal, not a broken record)
      if (rule !== "invalid-weight" && rule !== "invalid-content-part") expect((await run(jsonl(before, rec, after), "generic")).errors).toBe(0);
    });
  }

  it("one defect, one finding: an unknown message key is unsupported-key only (no unknown-key warning beside it)", async () => {
    const f = await run(jsonl(good(1), { messages: [u("hi"), a("yo", { timestamp: 17 })] }), "openai");
    expect(ruleLines(f)).toEqual(["unsupported-key@2"]);
  });

  it("accepts tool calls, tool results with names, vision parts, weights, DPO", async () => {
    for (const file of ["portable.jsonl", "vision.jsonl", "openai-dpo.jsonl"]) expect(ruleLines(await run(fixture(file), "openai")), file).toEqual([]);
  });
});

describe("profile: together", () => {
  const CASES: [string, unknown, RegExp][] = [
    ["unsupported-key", { id: "ex-1", messages: [u("hi"), a("yo")] }, /the record has the column 'id', which Together AI's files check refuses \("Found extra column"\): a conversational record holds only messages, tools/],
    ["invalid-role", { messages: [u("hi"), { role: "function", name: "f", content: "x" }, a("yo")] }, /'function' is not a role Together AI's files check takes \(system, user, assistant, tool\)/],
    ["consecutive-same-role", { messages: [u("hi"), u("again"), a("yo")] }, /messages 0 and 1 are both 'user'/],
    ["role-order", { messages: [{ role: "system", content: "s" }, a("Hello, I start."), u("hi"), a("yo")] }, /messages\[1\] is the first message after the system prompt and is an 'assistant' message; Together AI's files check takes conversations that start with a system or user message/],
    ["invalid-content-part", { messages: [u([{ type: "text", text: "What is it?" }, { type: "image_url", image_url: { url: "https://x/y.png" } }]), a([{ type: "text", text: "A chart." }])] }, /gives the image as a URL on https:\/\/x; Together AI's files check takes images only inline, as base64 JPEG, PNG or WebP data URIs/],
    ["invalid-content-part", { messages: [u([{ type: "image_url", image_url: { url: "data:image/gif;base64,R0lGODlhAQABAAAAACw=" } }]), a([{ type: "text", text: "A dot." }])] }, /takes images only inline, as base64 JPEG, PNG or WebP data URIs/],
    ["invalid-content-type", { messages: [u([{ type: "text", text: "hi" }]), a("yo")] }, /"messages" mixes string content \(1 message\) and lists of parts \(1\); Together AI's files check takes one or the other/],
    ["invalid-weight", { messages: [u([{ type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } }], { weight: 1 }), a([{ type: "text", text: "A dot." }])] }, /holds an image and has "weight": 1; Together AI's files check takes messages with images only with weight 0/],
    ["role-order", { input: { messages: [u("2+2?"), a("4")] }, preferred_output: [a("4")], non_preferred_output: [a("5")] }, /the prompt \("input.messages"\) ends with an assistant message/],
  ];
  for (const [rule, rec, msg] of CASES) {
    it(`${rule}: ${JSON.stringify(rec).slice(0, 80)}`, async () => {
      const preference = "input" in (rec as object);
      const before = preference ? { input: { messages: [u("1+1?")] }, preferred_output: [a("2")], non_preferred_output: [a("3")] } : good(1);
      const after = preference ? { input: { messages: [u("3+3?")] }, preferred_output: [a("6")], non_preferred_output: [a("7")] } : good(3);
      const f = await run(jsonl(before, rec, after), "together");
      const at2 = f.findings.filter((x) => x.line === 2);
      expect(at2.map((x) => x.rule)).toContain(rule);
      expect(f.findings.filter((x) => x.line !== 2)).toEqual([]);
      const found = at2.find((x) => x.rule === rule)!;
      expect(found.message).toMatch(msg);
      expect(found.severity).toBe("error");
    });
  }

  it("more than 10 images in an example", async () => {
    const img = { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } };
    const f = await run(jsonl(good(1), { messages: [u(Array.from({ length: 11 }, () => img)), a([{ type: "text", text: "Eleven dots." }])] }), "together");
    expect(ruleLines(f)).toEqual(["invalid-content-part@2"]);
    expect(f.findings[0].message).toBe("the example holds 11 images; Together AI's files check takes at most 10 per example");
  });

  it("accepts weights on any message (generic: an error on a user message), tool calls, DPO", async () => {
    const rec = { messages: [u("context only", { weight: 0 }), a("yo", { weight: 1 })] };
    expect(ruleLines(await run(jsonl(good(1), rec), "together"))).toEqual([]);
    expect(ruleLines(await run(jsonl(good(1), rec), "generic"))).toEqual(["invalid-weight@2"]);
    for (const file of ["portable.jsonl", "openai-dpo.jsonl"]) expect(ruleLines(await run(fixture(file), "together")), file).toEqual([]);
  });

  it("the config's rules still win over the profile's severities", async () => {
    const f = await run(jsonl(good(1), { messages: [u("hi"), u("again"), a("yo")] }), "together", { rules: { "consecutive-same-role": "warning" } });
    expect(f.findings.map((x) => `${x.rule}:${x.severity}`)).toEqual(["consecutive-same-role:warning"]);
  });
});

describe("profile: mistral", () => {
  const t = (id: string, content = "3C") => ({ role: "tool", tool_call_id: id, content });
  const CASES: [string, unknown, RegExp][] = [
    ["invalid-tool-call", { messages: [u("Weather?"), { role: "assistant", tool_calls: [call("call_1")] }, t("call_1"), a("3C.")] }, /messages\[1\]\.tool_calls\[0\]\.id is "call_1"; mistral-finetune takes call ids of exactly 9 letters or digits/],
    ["invalid-tool-call", { messages: [u("Weather?"), { role: "assistant", tool_calls: [call("a1B2c3D4e", "get_weather", { city: "Oslo" })] }, t("a1B2c3D4e"), a("3C.")] }, /arguments is an object; mistral-finetune takes them as a JSON string/],
    ["invalid-tool-call", { messages: [u("hi"), a("yo")], tools: [{ type: "function", function: { name: "get_weather", parameters: {} } }] }, /tools\[0\]\.function has no "description"; mistral-finetune takes "name", "description" and "parameters"/],
    ["unmatched-tool-call", { messages: [u("Weather?"), { role: "assistant", tool_calls: [call("a1B2c3D4e")] }, { role: "tool", content: "3C" }, a("3C.")] }, /messages\[2\] has no "tool_call_id"; mistral-finetune takes the id of the call it answers/],
    ["unmatched-tool-call", { messages: [u("Weather in two cities?"), { role: "assistant", tool_calls: [call("a1B2c3D4e"), call("f5G6h7I8j", "get_weather", '{"city": "Rome"}')] }, t("a1B2c3D4e"), a("Oslo 3C, Rome?")] }, /messages\[1\] makes tool calls whose results do not all come before messages\[3\]/],
    ["invalid-content-type", { messages: [u("Weather?"), { role: "assistant", content: "Let me check.", tool_calls: [call("a1B2c3D4e")] }, t("a1B2c3D4e"), a("3C.")] }, /messages\[1\] has both content and tool_calls; mistral-finetune takes one of them/],
    ["role-order", { messages: [{ role: "system", content: "a" }, u("hi"), { role: "system", content: "b" }, a("yo")] }, /messages\[2\] is a second system message; mistral-finetune takes one system prompt/],
    ["role-order", { messages: [u("Weather?"), { role: "assistant", tool_calls: [call("a1B2c3D4e")] }, t("a1B2c3D4e"), u("Thanks"), a("Welcome.")] }, /messages\[3\] is a 'user' message right after a 'tool' one; mistral-finetune takes after a 'tool' message only 'assistant', 'tool'/],
    ["last-not-assistant", { messages: [u("hi"), a("yo"), u("bye")] }, /ends with a 'user' message/],
    ["invalid-role", { messages: [{ role: "developer", content: "be brief" }, u("hi"), a("yo")] }, /'developer' is not a role mistral-finetune takes \(system, user, assistant, tool\)/],
    ["invalid-content-part", { messages: [u([{ type: "text", value: "hi" }]), a("yo")] }, /is LLaMA-Factory's \{"type": "text", "value": ...\}; mistral-finetune takes \{"type": "text", "text": ...\}/],
  ];
  for (const [rule, rec, msg] of CASES) {
    it(`${rule}: ${JSON.stringify(rec).slice(0, 80)}`, async () => {
      const f = await run(jsonl(good(1), rec, good(3)), "mistral");
      const at2 = f.findings.filter((x) => x.line === 2);
      expect(at2.map((x) => x.rule)).toContain(rule);
      expect(f.findings.filter((x) => x.line !== 2)).toEqual([]);
      const found = at2.find((x) => x.rule === rule)!;
      expect(found.message).toMatch(msg);
      expect(found.severity).toBe("error");
    });
  }

  it("a tool result before any call is the generic unmatched-tool-call only", async () => {
    const f = await run(jsonl(good(1), { messages: [u("hi"), { role: "tool", tool_call_id: "a1B2c3D4e", content: "x" }, a("done")] }), "mistral");
    expect(ruleLines(f)).toEqual(["unmatched-tool-call@2"]);
  });

  it("accepts the portable file (9-character call ids, tool definitions with descriptions)", async () => {
    expect(ruleLines(await run(fixture("portable.jsonl"), "mistral"))).toEqual([]);
  });
});

describe("the format fixtures (tests/fixtures/formats, modelled on real public files) under every target profile", () => {
  // [openai, together, mistral]: the findings each gives (validation only); {} = accepted as it is
  const VERDICTS: Record<string, [Record<string, number>, Record<string, number>, Record<string, number>]> = {
    "crlf-duplicates.jsonl": [{}, {}, {}],
    "lfs-pointer.jsonl": [{ "lfs-pointer": 1 }, { "lfs-pointer": 1 }, { "lfs-pointer": 1 }],
    // value parts and loss_weight: OpenAI refuses both, Together and mistral-finetune the parts (they ignore the key)
    "llamafactory-v1.jsonl": [{ "unsupported-key": 1, "invalid-content-part": 1, "template-placeholder": 3 }, { "invalid-content-part": 1, "template-placeholder": 3 }, { "invalid-content-part": 1, "template-placeholder": 3 }],
    // Together takes a conversation's contents all as strings or all as lists of parts
    "multimodal.jsonl": [{}, { "invalid-content-type": 3 }, {}],
    // Together takes conversations that start with a system or user message
    "no-user-and-repetition.jsonl": [{ "missing-user": 1 }, { "role-order": 1, "missing-user": 1 }, { "missing-user": 1 }],
    "openai-dpo.jsonl": [{}, {}, { "unsupported-format": 1 }],
    // the records inside the array are checked too: ShareGPT, which every target refuses
    "sharegpt-array.jsonl": [{ "not-jsonl": 1, "unsupported-format": 1 }, { "not-jsonl": 1, "unsupported-format": 1 }, { "not-jsonl": 1, "unsupported-format": 1 }],
    "sharegpt.jsonl": [{ "unsupported-format": 1 }, { "unsupported-format": 1 }, { "unsupported-format": 1 }],
    // call ids like "call_0a": mistral-finetune takes 9 letters or digits
    "toolcalls-no-content.jsonl": [{}, {}, { "invalid-tool-call": 1 }],
    "trl-preference.jsonl": [{ "unsupported-format": 1, "empty-line": 2 }, { "unsupported-format": 1, "empty-line": 2 }, { "unsupported-format": 1, "empty-line": 2 }],
    "turkish-no-final-newline.jsonl": [{}, {}, {}],
  };
  const files = readdirSync(FORMATS).filter((f) => f.endsWith(".jsonl")).sort();
  it("has a verdict for every fixture", () => expect(Object.keys(VERDICTS).sort()).toEqual(files));
  for (const name of files) {
    it(name, async () => {
      const got = [];
      for (const profile of ["openai", "together", "mistral"]) {
        const report = await check({ files: [name], config: configFromObject({ profile }), cwd: FORMATS, validateOnly: true });
        got.push(report.files[0].findingCounts);
      }
      expect(got).toEqual(VERDICTS[name]);
    });
  }
});

describe("hostile records under every profile", () => {
  const lines = [
    '{"messages":[{"role":"constructor","content":"hi"},{"role":"toString","content":"x","constructor":1},{"role":"assistant","content":"yo","__proto__":{"a":1},"hasOwnProperty":2}]}',
    '{"messages":[{"role":"user","content":[{"type":"constructor"},{"type":"__proto__","text":"x"}]},{"role":"assistant","content":"yo"}]}',
    JSON.stringify({ messages: [u("x"), { role: "assistant", tool_calls: [{ id: 5, type: "function", function: { name: "", arguments: null } }, "call", null] }, { role: "tool", content: "r" }, a("done")], tools: [null, 5, "x", { function: null }, { type: "function", function: { name: 7 } }] }),
    JSON.stringify({ messages: [{ role: "user", content: "hi", name: { a: 1 } }, a("yo")], system: [{ text: 5 }, null, "x"] }),
  ];
  for (const profile of ["openai", "together", "mistral"]) {
    it(`profile: ${profile}: findings at their lines, never a crash, and no defect reported twice`, async () => {
      const f = await run(jsonl(...lines.map((l) => JSON.parse(l))), profile);
      expect(f.findingCounts["read-error"]).toBeUndefined();
      expect(f.records).toBe(4);
      // an unknown role or part type is the generic finding only, not also the target's
      expect(f.findings.filter((x) => x.line === 1 && /'constructor'/.test(x.message) && x.rule === "invalid-role")).toHaveLength(1);
      expect(f.findings.filter((x) => x.line === 2 && x.rule === "invalid-content-part" && /content\[0\]/.test(x.message))).toHaveLength(1);
      // the calls' and the tool definitions' problems: one finding for the record, that says how many
      expect(f.findings.filter((x) => x.line === 3 && x.rule === "invalid-tool-call").map((x) => (x.count ?? 1) > 1)).toEqual([true]);
    });
    it(`profile: ${profile}: a tool call id that is not a string is the generic finding only`, async () => {
      const rec = { messages: [u("x"), { role: "assistant", tool_calls: [{ id: 5, type: "function", function: { name: "f", arguments: "{}" } }] }, { role: "tool", content: "r", tool_call_id: "a1B2c3D4e" }, a("done")] };
      const f = await run(jsonl(rec), profile);
      expect(f.findings.map((x) => [x.rule, x.count ?? 1, x.pointer, x.message.replace(/;.*/, "")])).toEqual([["invalid-tool-call", 1, "/messages/1/tool_calls/0", "messages[1].tool_calls[0]: id must be string"]]);
    });
  }
});

describe("a profile is set in the config and documented values only", () => {
  it("an unknown profile is a config error naming the allowed ones", async () => {
    await expect(run(jsonl(good(1)), "anthropic")).rejects.toThrow(/'profile' must be one of "generic", "openai", "together", "mistral"/);
  });
});
