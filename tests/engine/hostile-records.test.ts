// Records a user could write that once broke the engine, run through the real engine (tests/hostile.test.ts runs the
// bundled CLI on inputs that hung it).
import { describe, expect, it } from "vitest";
import { checkContent, checkDir, jsonl, ruleLines } from "../helpers/run.js";

const deepObject = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);

describe("values nested thousands of levels deep (JSON.parse takes them; a recursive walk overflows the stack)", () => {
  const call = (args: string) =>
    `{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":${args}}}]},{"role":"tool","tool_call_id":"c1","content":"r"},{"role":"assistant","content":"done"}]}`;
  const ok = (i: number) => JSON.stringify({ messages: [{ role: "user", content: `question ${i}` }, { role: "assistant", content: `answer ${i}` }] });

  it("tool-call arguments, tool definitions and image parts: checked, and the lines after them too (read-error 'cannot read past line 1' before)", async () => {
    const lines = [
      call(deepObject(20_000)),
      call(JSON.stringify(deepObject(20_000))), // the same arguments as a JSON string
      `{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"ok"}],"tools":[{"type":"function","function":{"name":"f","parameters":${deepObject(20_000)}}}]}`,
      `{"messages":[{"role":"user","content":[{"type":"text","text":"q"},{"type":"image","image":${deepObject(20_000)}}]},{"role":"assistant","content":"ok"}]}`,
      ok(1),
    ];
    const report = await checkDir({ "d.jsonl": lines.join("\n") + "\n" });
    const f = report.files[0];
    expect(f.records).toBe(5);
    expect(ruleLines(f)).toEqual(["exact-duplicate@2"]); // arguments as an object and as a JSON string are the same call
  });

  it("a category-field value", async () => {
    const rec = `{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"ok"}],"meta":{"cat":${deepObject(20_000)}}}`;
    const f = await checkContent(rec + "\n" + ok(2) + "\n", { config: { "category-field": "meta.cat" }, validateOnly: false });
    expect(f.records).toBe(2);
    expect(f.findings).toEqual([]);
  });
});

describe("LLaMA-Factory ranking (preference) records", () => {
  const sg = (prompt: string, chosen: unknown, rejected: unknown, extra: object = {}) => ({ conversations: [{ from: "human", value: prompt }], chosen, rejected, ...extra });
  const gpt = (value: unknown) => ({ from: "gpt", value });

  it("ShareGPT: the answers are one turn each, {from: gpt, value}; the prompt is the conversation (every record was 'invalid-content-type: \"chosen\" is an object')", async () => {
    const f = await checkContent(
      jsonl(
        sg("Which is correct, A or B?", gpt("B."), gpt("A.")),
        { conversations: [{ from: "human", value: "hi" }, { from: "gpt", value: "hello" }, { from: "human", value: "and?" }], system: "Be brief.", chosen: gpt("yes"), rejected: gpt("no"), images: [] },
        { messages: [{ role: "user", content: "q" }], chosen: { role: "assistant", content: "a" }, rejected: { role: "assistant", content: "b" } },
      ),
    );
    expect(f.format).toBe("preference-trl");
    expect(f.findings).toEqual([]);
  });

  it("ShareGPT: a broken answer turn or prompt gets a clear finding", async () => {
    const f = await checkContent(jsonl(sg("q1", gpt("a"), { from: "human", value: "b" }), sg("q2", gpt(5), gpt("b")), sg("q3", gpt("same"), gpt("same")), { conversations: [{ from: "humn", value: "q4" }], chosen: gpt("a"), rejected: gpt("b") }));
    expect(f.findings.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["invalid-role", 1, 'rejected.from is the string "human": the answer is the model\'s turn, "gpt"'],
      ["invalid-content-type", 2, "chosen.value is number 5; it must be a string"],
      ["identical-preference", 3, expect.stringContaining('"chosen" and "rejected" are the same answer')],
      ["invalid-role", 4, expect.stringContaining("conversations[0].from is the string \"humn\"")],
    ]);
  });

  it("Alpaca: instruction and input are the prompt (missing-user on every record before, and records differing only in the instruction were exact duplicates)", async () => {
    const al = (instruction: string, input: string, extra: object = {}) => ({ instruction, input, chosen: "Good answer.", rejected: "Bad answer.", ...extra });
    const report = await checkDir({ "dpo.jsonl": jsonl(al("Rate the first essay", "text one"), al("Rate the second essay", ""), al("Continue", "", { system: "Be kind.", history: [["hi", "hello"]] })) });
    expect(report.files[0].format).toBe("preference-trl");
    expect(report.files[0].findings).toEqual([]);
    const bad = await checkContent(jsonl(al("x", "", { history: [["only one"]] }), { instruction: 7, chosen: "a", rejected: "b" }));
    expect(ruleLines(bad)).toEqual(["invalid-content-type@1", "invalid-content-type@2"]);
  });
});

describe("raw control characters inside a string", () => {
  it("invalid-json names the character and its escape (it said only 'Bad control character in string literal; fix the syntax')", async () => {
    const line = (raw: string) => `{"messages":[{"role":"user","content":"col1${raw}col2"},{"role":"assistant","content":"ok"}]}`;
    const f = await checkContent([line("\t"), line("\u0000"), line("\u001b")].join("\n") + "\n");
    expect(f.findings.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["invalid-json", 1, expect.stringContaining("at column 44: Bad control character in string literal; a string holds a raw control character (a tab, U+0009), which JSON allows only escaped, as \\t:")],
      ["invalid-json", 2, expect.stringContaining("(a NUL byte, U+0000), which JSON allows only escaped, as \\u0000:")],
      ["invalid-json", 3, expect.stringContaining("(U+001B), which JSON allows only escaped, as \\u001b:")],
    ]);
  });
});
