import { describe, expect, it } from "vitest";
import { checkContent, good, jsonl, ruleLines } from "../helpers/run.js";

const u = (content: unknown) => ({ role: "user", content });
const a = (content: unknown, extra: object = {}) => ({ role: "assistant", content, ...extra });
const call = (id: string, name = "get_weather", args: unknown = '{"city": "Paris"}') => ({ id, type: "function", function: { name, arguments: args } });

/** [rule, bad record] — each bad record is line 2, after one good record. */
const CASES: [string, unknown, RegExp?][] = [
  ["missing-messages", { conversation: [u("hi"), a("yo")] }, /has no "messages" array; it has 'conversation'/],
  // known non-chat shapes: the message says what the record is and how to write it as a conversation
  ["missing-messages", { prompt: "Q: 2+2?", completion: "4" }, /it is prompt\/completion data \(OpenAI's legacy format, TRL's prompt-completion type\), which this gate does not check: write each record as "messages": \[\{"role": "user", "content": <prompt>\}/],
  ["missing-messages", { text: "The quick brown fox." }, /it is plain text \(language modelling \/ pretraining data: "text"\), which this gate does not check/],
  ["messages-not-array", { messages: { 0: u("hi") } }],
  ["empty-messages", { messages: [] }],
  ["message-not-object", { messages: ["hi", a("yo")] }],
  ["missing-role", { messages: [{ content: "hi" }, a("yo")] }],
  ["invalid-role", { messages: [u("hi"), { role: "Assistant", content: "yo" }] }, /did you mean 'assistant'/],
  ["invalid-role", { messages: [{ role: "human", content: "hi" }, a("yo")] }, /ShareGPT role: set format: sharegpt or map it to 'user'/],
  ["missing-content", { messages: [u("hi"), { role: "assistant" }] }],
  ["missing-content", { messages: [u(null), a("yo")] }],
  ["invalid-content-type", { messages: [u("hi"), a(42)] }],
  ["invalid-content-part", { messages: [u([{ type: "video_link", url: "x" }]), a("yo")] }],
  ["invalid-content-part", { messages: [u("hi"), a([{ type: "image_url", image_url: { url: "https://x/y.png" } }])] }, /images belong in user messages/],
  ["invalid-content-part", { messages: [u([{ type: "image_url", image_url: {} }]), a("yo")] }],
  ["invalid-weight", { messages: [u("hi"), a("yo", { weight: 0.5 })] }],
  ["invalid-weight", { messages: [{ role: "user", content: "hi", weight: 1 }, a("yo")] }, /assistant messages only/],
  ["unknown-key", { messages: [u("hi"), { role: "assistant", Content: "yo", content: "yo" }] }, /rename it to 'content'/],
  ["invalid-tool-call", { messages: [u("hi"), { role: "assistant", tool_calls: [{ id: "c1", type: "function", function: { arguments: "{}" } }] }, { role: "tool", tool_call_id: "c1", content: "x" }, a("done")] }],
  ["invalid-tool-call", { messages: [u("hi"), { role: "assistant", tool_calls: [call("c1", "f", "{city: Paris}")] }, { role: "tool", tool_call_id: "c1", content: "x" }, a("done")] }, /not valid JSON/],
  ["invalid-tool-call", { messages: [u("hi"), { role: "assistant", tool_calls: [call("c1", "f", 42)] }, { role: "tool", tool_call_id: "c1", content: "x" }, a("done")] }],
  ["unmatched-tool-call", { messages: [u("hi"), { role: "tool", tool_call_id: "c9", content: "x" }, a("done")] }],
  ["unmatched-tool-call", { messages: [u("hi"), { role: "assistant", content: null, tool_calls: [call("c1")] }, { role: "tool", tool_call_id: "c2", content: "x" }, a("done")] }, /answers no earlier call/],
  ["missing-assistant", { messages: [{ role: "system", content: "s" }, u("hi")] }],
  ["no-trainable-assistant", { messages: [u("hi"), a("yo", { weight: 0 })] }],
  // Axolotl's per-message switch counts as a weight
  ["no-trainable-assistant", { messages: [u("hi"), a("yo", { train: false })] }, /weight 0 \(or "train": false\)/],
  ["empty-content", { messages: [u("hi"), a("   ")] }],
  // zero-width spaces, a BOM and a word joiner: String.trim() keeps them, and the answer showed nothing but passed
  ["empty-content", { messages: [u("hi"), a("\u200b\u200b \ufeff\u2060\n")] }, /has no visible content \(only zero-width or other invisible characters\)/],
  // half of an emoji (JSON.parse accepts "\ud83d"); a whole pair is fine (the good line has none, see below)
  ["lone-surrogate", { messages: [u("smiley?"), a("here: \ud83d")] }, /message 1 \(assistant\) holds the unpaired surrogate \\ud83d at character 7/],
  ["lone-surrogate", { prompt: [u("pick")], chosen: [a("\ud83d\ude00")], rejected: [a("\ude00")] }, /rejected message 0 \(assistant\) holds the unpaired surrogate \\ude00 at character 1/],
  // TRL conversational preference: a message whose content is a number (was: nothing for rejected, empty-content for chosen)
  ["invalid-content-type", { prompt: [u("q")], chosen: [a("fine")], rejected: [a(5)] }, /rejected\[0\]\.content is number 5; it must be a string/],
  ["invalid-content-type", { prompt: [u("q")], chosen: [a(5)], rejected: [a("fine")] }, /chosen\[0\]\.content is number 5/],
  ["empty-content", { prompt: [u("q")], chosen: [a("a real answer")], rejected: [a("  ")] }, /rejected message 0 \(assistant\) has empty content/],
  ["missing-user", { messages: [{ role: "system", content: "s" }, a("yo")] }],
  ["system-not-first", { messages: [u("hi"), { role: "system", content: "s" }, a("yo")] }],
  ["consecutive-same-role", { messages: [u("hi"), u("again"), a("yo")] }],
  ["last-not-assistant", { messages: [u("hi"), a("yo"), u("thanks")] }],
  ["special-token", { messages: [u("hi"), a("yo<|im_end|>")] }],
  ["special-token", { messages: [u("[INST] hi [/INST]"), a("yo")] }],
  ["template-placeholder", { messages: [u("hi"), a("I am {{name}}, made by {{author}}.")] }],
];

describe("every rule fires on a real bad input at its line", () => {
  for (const [rule, rec, msg] of CASES) {
    it(`${rule}: ${JSON.stringify(rec).slice(0, 70)}`, async () => {
      const f = await checkContent(jsonl(good(1), rec, good(3)));
      const at2 = f.findings.filter((x) => x.line === 2);
      expect(at2.map((x) => x.rule)).toContain(rule);
      expect(f.findings.filter((x) => x.line !== 2)).toEqual([]);
      if (msg) expect(at2.find((x) => x.rule === rule)!.message).toMatch(msg);
    });
  }
});

describe("valid records that must not be flagged", () => {
  const OK: [string, unknown][] = [
    ["tool calls with content null, tool results, tools, parallel_tool_calls", { messages: [u("Weather in Paris and Rome?"), { role: "assistant", content: null, tool_calls: [call("c1"), call("c2", "get_weather", '{"city": "Rome"}')] }, { role: "tool", tool_call_id: "c1", content: "18C" }, { role: "tool", tool_call_id: "c2", content: "21C" }, a("Paris 18C, Rome 21C.")], tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }], parallel_tool_calls: true }],
    ["a conversation that ends on a tool call", { messages: [u("Price of BAC?"), { role: "assistant", tool_calls: [call("call_1", "price", { symbol: "BAC" })] }] }],
    ["multimodal parts", { messages: [u([{ type: "text", text: "What is this?" }, { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } }]), a([{ type: "text", text: "A cat." }])] }],
    ["an answer that is one emoji ZWJ sequence, and an RTL answer with marks", { messages: [u("Family emoji?"), a("\u{1F468}\u200d\u{1F469}\u200d\u{1F467}"), u("Hebrew for peace?"), a("\u200f\u05e9\u05dc\u05d5\u05dd\u200f")] }],
    ["weights 0/1 and name", { messages: [{ role: "system", content: "s", name: "policy" }, u("hi"), a("draft", { weight: 0 }), u("again"), a("final", { weight: 1 })] }],
    ["developer role", { messages: [{ role: "developer", content: "be brief" }, u("hi"), a("yo")] }],
    ["HTML strikethrough is not a special token", { messages: [u("show strikethrough"), a("Use <s>old</s> in HTML.")] }],
    ["placeholders inside code are code", { messages: [u("vue?"), a("In a template write `{{ message }}` or:\n```html\n<p>{{ name }}</p>\n```")] }],
    ["tools as a JSON string (LLaMA-Factory, ms-swift)", { messages: [u("Weather in Paris?"), { role: "assistant", tool_calls: [call("c1")] }, { role: "tool", tool_call_id: "c1", content: "18C" }, a("18C.")], tools: '[{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]' }],
    ["Axolotl per-message training keys train / train_detail", { messages: [{ role: "system", content: "s", train: false }, u("hi"), a("Hello! How can I help?", { train: true }), u("a joke?"), a("Why did the chicken cross the road?", { train: false, train_detail: [{ begin_offset: 0, end_offset: 8, train: true }] })] }],
    ["extra top-level keys (ids, metadata)", { id: "r1", metadata: { source: "x" }, messages: [u("hi"), a("yo")] }],
  ];
  for (const [name, rec] of OK) {
    it(name, async () => {
      const f = await checkContent(jsonl(rec));
      expect(f.findings).toEqual([]);
    });
  }
});

describe("profiles", () => {
  const rec = { messages: [u("Price?"), { role: "assistant", tool_calls: [{ function: { name: "price", arguments: { s: "BAC" } } }] }, { role: "tool", content: "10" }, a("It is 10.")] };
  it("generic accepts object arguments and calls without id", async () => {
    expect((await checkContent(jsonl(rec))).findings).toEqual([]);
  });
  it("openai requires call id, type, string arguments and tool_call_id, and says which profile asked", async () => {
    const f = await checkContent(jsonl(rec), { config: { profile: "openai" } });
    // three problems with one call: one finding that says so, pointing at the call
    expect(f.findings.map((x) => x.rule).sort()).toEqual(["invalid-tool-call", "unmatched-tool-call"]);
    expect(f.findings.find((x) => x.rule === "invalid-tool-call")).toMatchObject({ count: 3, pointer: "/messages/1/tool_calls/0" });
    expect(f.findings.find((x) => x.rule === "invalid-tool-call")?.message).toMatch(/^messages\[1\]: 3 tool calls or tool definitions that are not valid; the first: messages\[1\]\.tool_calls\[0\] has no "id"/);
    expect(f.findings.find((x) => x.rule === "unmatched-tool-call")).toMatchObject({ pointer: "/messages/2" });
    for (const x of f.findings) expect(x.message).toMatch(/openai profile/);
  });
});

describe("tools", () => {
  const msgs = [u("Weather?"), a("Sunny.")];
  it("a tools value that is not a list says what a tools list looks like", async () => {
    for (const tools of [{ type: "function" }, 42, "not json", '{"type": "function"}']) {
      const f = await checkContent(jsonl({ messages: msgs, tools }));
      expect(ruleLines(f)).toEqual(["invalid-content-type@1"]);
      expect(f.findings[0].message).toMatch(/tools.* (must be|not a JSON array of tool definitions).*\[\{"type": "function", "function": \{/);
    }
  });
  it("the openai profile accepts two user messages in a row (OpenAI's vision example), the generic one warns", async () => {
    const rec = { messages: [u("What is this cheese?"), u([{ type: "image_url", image_url: { url: "https://example.com/cheese.png" } }]), a("Danbo")] };
    expect(ruleLines(await checkContent(jsonl(rec)))).toEqual(["consecutive-same-role@1"]);
    expect(ruleLines(await checkContent(jsonl(rec), { config: { profile: "openai" } }))).toEqual([]);
    // two assistant messages in a row are still reported
    expect(ruleLines(await checkContent(jsonl({ messages: [u("hi"), a("yo"), a("yo again")] }), { config: { profile: "openai" } }))).toEqual(["consecutive-same-role@1"]);
  });
  it("the openai profile wants the tools array itself, not its JSON text", async () => {
    const f = await checkContent(jsonl({ messages: msgs, tools: "[]" }), { config: { profile: "openai" } });
    expect(ruleLines(f)).toEqual(["invalid-content-type@1"]);
    expect(f.findings[0].message).toMatch(/openai profile requires the array itself/);
  });
});

describe("severities from the config", () => {
  it("turns a rule off, or a warning into an error, per file glob", async () => {
    const body = jsonl({ messages: [u("hi"), u("again"), a("yo")] });
    expect((await checkContent(body, { config: { rules: { "consecutive-same-role": "off" } } })).findings).toEqual([]);
    const f = await checkContent(body, { config: { overrides: [{ files: "**/*.jsonl", rules: { "consecutive-same-role": "error" } }] } });
    expect(f.findings[0]).toMatchObject({ rule: "consecutive-same-role", severity: "error" });
  });
});

describe("formats", () => {
  it("ShareGPT: detects, normalises, and checks roles", async () => {
    const rec = (from: string) => ({ conversations: [{ from: "human", value: "hi" }, { from, value: "yo" }] });
    const f = await checkContent(jsonl(rec("gpt"), rec("GPT"), { conversations: [{ from: "human" }] }, { conversations: "x" }));
    expect(f.format).toBe("sharegpt");
    expect(ruleLines(f)).toEqual(["invalid-role@2", "missing-content@3", "messages-not-array@4"]);
    expect(f.findings[0].message).toMatch(/did you mean 'gpt'/);
  });
  it("Alpaca: detects and checks fields", async () => {
    const f = await checkContent(jsonl({ instruction: "Add 2+2", input: "", output: "4" }, { instruction: "x", output: 5 }, { instruction: "Say hi", output: "" }));
    expect(f.format).toBe("alpaca");
    expect(ruleLines(f)).toEqual(["invalid-content-type@2", "empty-content@3"]);
  });
  it("TRL preference: identical-preference", async () => {
    const f = await checkContent(jsonl({ prompt: "p", chosen: "good", rejected: "bad" }, { prompt: "p2", chosen: "same", rejected: " same " }, { prompt: "p3", chosen: "c" }));
    expect(f.format).toBe("preference-trl");
    expect(ruleLines(f)).toEqual(["identical-preference@2", "missing-content@3"]);
  });
  it("OpenAI DPO: checks input messages and outputs", async () => {
    const ok = { input: { messages: [u("hi")] }, preferred_output: [a("good")], non_preferred_output: [a("bad")] };
    const f = await checkContent(jsonl(ok, { ...ok, preferred_output: [a("bad")] }, { ...ok, input: { messages: [{ role: "usr", content: "x" }] } }));
    expect(f.format).toBe("preference-openai");
    expect(ruleLines(f)).toEqual(["identical-preference@2", "invalid-role@3"]);
  });
  it("ms-swift's agent roles (tool_call, tool_response) are a tool call and its result; the openai profile refuses them", async () => {
    // ms-swift's documented agent format: the call is the assistant turn's JSON text, the tool's answer follows
    const rec = {
      tools: '[{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]',
      messages: [u("Weather in Beijing?"), { role: "tool_call", content: '{"name": "get_weather", "arguments": {"city": "Beijing"}}' }, { role: "tool_response", content: '{"temperature": 32}' }, a("It is 32 degrees in Beijing.")],
    };
    const ok = await checkContent(jsonl(rec, { messages: [u("hi"), { role: "tool_response", content: "x" }, a("yo")] }));
    // line 2: a result with no call before it, as for a 'tool' message
    expect(ruleLines(ok)).toEqual(["unmatched-tool-call@2"]);
    const strict = await checkContent(jsonl(rec), { config: { profile: "openai" } });
    expect(ruleLines(strict).filter((r) => r.startsWith("invalid-role"))).toEqual(["invalid-role@1"]); // both roles: one finding
    expect(strict.findings.find((x) => x.rule === "invalid-role")).toMatchObject({ count: 2, pointer: "/messages/1/role" });
    expect(strict.findings.find((x) => x.rule === "invalid-role")?.message).toMatch(/^messages 1–2: 2 messages with a role the format does not allow; the first: /);
    expect(strict.findings.find((x) => x.rule === "invalid-role")?.message).toMatch(/'tool_call' is ms-swift's agent role; the openai profile takes an assistant message with tool_calls/);
  });
  it("mixed-format once, at the first deviating line", async () => {
    const f = await checkContent(jsonl(good(1), { conversations: [{ from: "human", value: "hi" }, { from: "gpt", value: "yo" }] }, good(2), { instruction: "x", output: "y" }));
    expect(f.format).toBe("chatml");
    expect(ruleLines(f)).toEqual(["mixed-format@2"]);
  });
  it("TRL preference whose chosen/rejected repeat the prompt (H4 ultrafeedback_binarized): the prompt is not doubled", async () => {
    const f = await checkContent(jsonl({ prompt: "how can i draw daily", prompt_id: "086b3e24", chosen: [{ content: "how can i draw daily", role: "user" }, { content: "Keep a sketchbook by your bed.", role: "assistant" }], rejected: [{ content: "how can i draw daily", role: "user" }, { content: "I cannot develop habits for you.", role: "assistant" }], messages: [{ content: "how can i draw daily", role: "user" }, { content: "Keep a sketchbook by your bed.", role: "assistant" }], score_chosen: 8.5, score_rejected: 5 }));
    expect(f.format).toBe("preference-trl");
    expect(f.findings).toEqual([]);
    // a chosen side that starts with another question is still two user turns in a row
    const g = await checkContent(jsonl({ prompt: "q1", chosen: [u("q2"), a("a2")], rejected: [a("bad")] }));
    expect(ruleLines(g)).toEqual(["consecutive-same-role@1"]);
  });
  it("TRL preference with an implicit prompt in the text (Anthropic hh-rlhf) has no user turn to miss", async () => {
    const f = await checkContent(jsonl({ chosen: "\n\nHuman: What is a cuss word?\n\nAssistant: A rude word.", rejected: "\n\nHuman: What is a cuss word?\n\nAssistant: I won't say." }, { chosen: "The sky is blue.", rejected: "The sky is green." }));
    expect(f.format).toBe("preference-trl");
    expect(f.findings).toEqual([]);
    // the conversational implicit-prompt type has roles: an answer with no user turn is still reported
    const g = await checkContent(jsonl({ chosen: [a("blue")], rejected: [a("green")] }));
    expect(ruleLines(g)).toEqual(["missing-user@1"]);
  });
  it("format override in the config", async () => {
    const f = await checkContent(jsonl({ conversations: [{ from: "human", value: "hi" }, { from: "gpt", value: "yo" }] }), { config: { format: "chatml" } });
    expect(ruleLines(f)).toEqual(["missing-messages@1"]);
  });
});

describe("known formats the gate does not check", () => {
  // [keys of the format, records, what the one finding must name]
  const OTHER: [string, unknown[], RegExp][] = [
    ["Gemini / Vertex AI contents", [{ systemInstruction: { role: "system", parts: [{ text: "Be a pirate." }] }, contents: [{ role: "user", parts: [{ text: "Hi" }] }, { role: "model", parts: [{ text: "Ahoy!" }] }] }, { contents: [{ role: "user", parts: [{ text: "Name?" }] }, { role: "model", parts: [{ text: "Barktholomew." }] }] }], /the file is Gemini \/ Vertex AI tuning data .*role "model" → "assistant"/],
    ["TRL prompt-completion", [{ prompt: "The sky is", completion: " blue." }, { prompt: "The sun is", completion: " yellow." }], /the file is prompt\/completion data/],
    ["TRL conversational prompt-completion", [{ prompt: [u("Sky colour?")], completion: [a("Blue.")] }, { prompt: [u("Sun colour?")], completion: [a("Yellow.")] }], /the file is prompt\/completion data/],
    ["TRL unpaired preference (KTO)", [{ prompt: "The sky is", completion: " blue.", label: true }, { prompt: "The sky is", completion: " green.", label: false }], /the file is TRL unpaired preference \(KTO\) data/],
    ["TRL stepwise supervision", [{ prompt: "9.8 or 9.11?", completions: ["0.8 > 0.11", "so 9.8"], labels: [true, true] }, { prompt: "1 or 2?", completions: ["2"], labels: [true] }], /the file is TRL stepwise-supervision data/],
    ["TRL prompt-only", [{ prompt: [u("Solve x+1=2")], solution: "1" }, { prompt: [u("Solve x+2=4")], solution: "2" }], /the file is prompt-only data/],
    ["plain text (TRL language modelling, Mistral pretrain)", [{ text: "Text contained in document n°1" }, { text: "Text contained in document n°2" }], /the file is plain text/],
    ["ms-swift query/response", [{ system: "Be useful.", query: "Weather tomorrow?", response: "Sunny." }, { query: "1 + 1?", response: "2", history: [["2 + 2?", "4"]] }], /the file is query\/response data/],
    ["Axolotl input_output segments", [{ segments: [{ label: true, text: "Hello\n" }, { label: false, text: "bye" }] }, { segments: [{ label: true, text: "Hi" }] }], /the file is Axolotl input_output data/],
  ];
  for (const [name, recs, named] of OTHER) {
    it(`${name}: one error that names the format and the supported ones, every record invalid`, async () => {
      const f = await checkContent(jsonl(...recs, ...recs));
      expect(ruleLines(f)).toEqual(["missing-messages@1"]);
      expect(f.findings[0].message).toMatch(named);
      expect(f.findings[0].message).toMatch(/which this gate does not check: it reads ChatML \/ OpenAI chat \("messages"\), ShareGPT/);
      expect(f.errors).toBe(1);
      expect(f.validRecords).toBe(0);
    });
  }
  it("the same records inside a chat file are an error on each line (a stray record, not the file's format)", async () => {
    const f = await checkContent(jsonl(good(1), { prompt: "Q", completion: "A" }, good(2), { prompt: "Q2", completion: "A2" }));
    expect(ruleLines(f)).toEqual(["missing-messages@2", "missing-messages@4"]);
    expect(f.validRecords).toBe(2);
  });
});

describe("hints", () => {
  it("a file whose lines end with a bare CR is one line that says so, and each record in it is checked", async () => {
    const body = Array.from({ length: 12 }, (_, i) => JSON.stringify(good(i))).join("\r") + "\r";
    const f = await checkContent(body);
    expect(ruleLines(f)).toEqual(["not-jsonl@1"]);
    expect(f.records).toBe(12);
    expect(f.validRecords).toBe(12);
    expect(f.findings[0].message).toMatch(/line 1 holds 12 records separated by bare CRs \(\\r: classic Mac line ends/);
  });
});

describe("one problem, one finding", () => {
  it("an unknown part type is invalid-content-part only (not also invalid-content-type)", async () => {
    const f = await checkContent(jsonl({ messages: [{ role: "user", content: [{ type: "text", text: "What breed is this?" }, { type: "img", url: "x" }] }, { role: "assistant", content: "A corgi." }] }));
    expect(ruleLines(f)).toEqual(["invalid-content-part@1"]);
  });
  it("a byte-order mark at the start of a later line (files joined with cat) is named, not shown as an invisible token", async () => {
    const f = await checkContent(Buffer.concat([Buffer.from(jsonl(good(1))), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonl(good(2)))]));
    expect(ruleLines(f)).toEqual(["invalid-json@2"]);
    expect(f.findings[0].message).toMatch(/Unexpected token '\\uFEFF'; the line starts with an invisible byte-order mark \(U\+FEFF, bytes EF BB BF\)/);
  });
  it("an untyped part keyed by its content is named as Bedrock's Converse format", async () => {
    const f = await checkContent(jsonl({ schemaVersion: "bedrock-conversation-2024", system: [{ text: "Be friendly." }], messages: [u([{ text: "Capital of Mars?" }]), a("None yet.")] }));
    expect(ruleLines(f)).toEqual(["invalid-content-part@1"]);
    expect(f.findings[0].message).toMatch(/messages\[0\]\.content\[0\] has no "type": \{"text": \.\.\.\} is Amazon Bedrock's Converse format .*use "text" \(with "text"\)/);
  });
  it("a missing answer is missing-content only (not also empty-content)", async () => {
    const f = await checkContent(jsonl({ messages: [{ role: "user", content: "hi" }, { role: "assistant" }] }));
    expect(ruleLines(f)).toEqual(["missing-content@1"]);
  });
  it("content of the wrong type is still invalid-content-type", async () => {
    const f = await checkContent(jsonl({ messages: [{ role: "user", content: { text: "hi" } }, { role: "assistant", content: "yo" }] }));
    expect(ruleLines(f)).toEqual(["invalid-content-type@1"]);
  });
});
