// The unsafe fixes (--unsafe) on real bad inputs: exact duplicates with the gate's own key, trimmed content, bytes
// re-read from cp1252 / latin1, ShareGPT to messages with a strict role map, legacy functions to tools. A record a
// fix refuses is kept as it was; nothing is guessed, no id is invented.
import { describe, expect, it } from "vitest";
import { fix } from "./helpers.js";
import { checkContent, good, jsonl, ruleLines } from "../helpers/run.js";
import { trimRawString } from "../../src/fix/trim-content.js";
import { reencode } from "../../src/fix/encoding.js";
import { selectFixes } from "../../src/fix/command.js";

const u = (content: string) => ({ role: "user", content });
const a = (content: string) => ({ role: "assistant", content });

describe("fix --unsafe: exact duplicates", () => {
  it("drops the records the gate calls exact duplicates (whitespace, key order, NFC), keeping the first", async () => {
    const first = { messages: [u("What is 2+2?"), a("4.")] };
    const body = [
      JSON.stringify(first),
      JSON.stringify(good(1)),
      '{"messages":[{"content":"What is  2+2? ","role":"user"},{"role":"assistant","content":"4."}]}', // re-serialised, extra spaces
      JSON.stringify({ messages: [u("What is 2+2?"), a("5.")] }), // a different answer: kept
      JSON.stringify(first),
    ].join("\n") + "\n";
    const r = await fix({ "a.jsonl": body }, { unsafe: true });
    expect(r.code).toBe(0);
    expect(r.text("a.jsonl").split("\n").filter(Boolean)).toEqual([body.split("\n")[0], body.split("\n")[1], body.split("\n")[3]]);
    expect(r.stdout).toContain("a.jsonl:3: exact-duplicates: dropped: exact duplicate of line 1 (same roles and contents after whitespace/Unicode normalisation)");
    expect(r.stdout).toContain("a.jsonl:5: exact-duplicates: dropped: exact duplicate of line 1");
    expect(r.stdout).toMatch(/a\.jsonl: fixed \(5 records in, 3 out\)/);
    // the gate agrees: no duplicate is left
    const after = await checkContent(r.read("a.jsonl"), { validateOnly: false });
    expect(after.findingCounts["exact-duplicate"]).toBeUndefined();
    // without --unsafe nothing is dropped
    expect((await fix({ "a.jsonl": body })).text("a.jsonl")).toBe(body);
  });
});

describe("fix --unsafe: trim-content", () => {
  it("trims at the source level, keeping every other escape as written", () => {
    expect(trimRawString('"  hi\\u00e9 \\n"')).toBe('"hi\\u00e9"');
    expect(trimRawString('"\\t\\u00a0x\\\\n"')).toBe('"x\\\\n"'); // \\n is a backslash and an n: kept
    expect(trimRawString('"x"')).toBeNull();
    expect(trimRawString('" \\r\\n "')).toBe('""');
    expect(trimRawString('""')).toBeNull();
  });

  it("trims message content and text parts of ChatML, ShareGPT values and Alpaca fields", async () => {
    const chat = '{"messages":[{"role":"user","content":" Hi\\u00e9\\n"},{"role":"assistant","content":[{"type":"text","text":"Hello \\t"}]}],"n":1.0}';
    const alpaca = '{"instruction":"  Name a colour.","input":"","output":"Blue.\\n\\n"}';
    const r = await fix({ "c.jsonl": chat + "\n", "al.jsonl": alpaca + "\n" }, { unsafe: true, only: "trim-content" });
    expect(r.text("c.jsonl")).toBe('{"messages":[{"role":"user","content":"Hi\\u00e9"},{"role":"assistant","content":[{"type":"text","text":"Hello"}]}],"n":1.0}\n');
    expect(r.text("al.jsonl")).toBe('{"instruction":"Name a colour.","input":"","output":"Blue."}\n');
    expect(r.stdout).toContain("c.jsonl:1: trim-content: trimmed whitespace around 2 message content strings");
  });
});

describe("fix --unsafe: encoding", () => {
  const cp = (s: string) => Buffer.from(s, "latin1");
  it("re-reads only the bytes that are not UTF-8, as cp1252 or latin1", () => {
    // “smart quotes” in cp1252 are 0x93 0x94; é in latin1 and cp1252 is 0xE9; "ü" already in UTF-8 stays
    const mixed = Buffer.concat([cp('{"c":"'), Buffer.from([0x93]), cp("caf"), Buffer.from([0xe9, 0x94]), Buffer.from(" ü", "utf8"), cp('"}')]);
    const r = reencode(mixed, 0, mixed.length, "cp1252");
    expect("bytes" in r && r.bytes.toString("utf8")).toBe('{"c":"“café” ü"}');
    const l = reencode(mixed, 0, mixed.length, "latin1");
    expect("bytes" in l && l.bytes.toString("utf8")).toBe('{"c":"\u0093café\u0094 ü"}');
    const undefinedByte = Buffer.from([0x7b, 0x81, 0x7d]);
    expect(reencode(undefinedByte, 0, 3, "cp1252")).toEqual({ refuse: "byte 0x81 at byte 2 is not a cp1252 character: the record is in another encoding" });
  });

  it("fixes a Latin-1 line in a UTF-8 file with --from-encoding, and needs --unsafe for it", async () => {
    const body = Buffer.concat([Buffer.from(JSON.stringify(good(1)) + "\n"), Buffer.from('{"messages":[{"role":"user","content":"Caf'), Buffer.from([0xe9, 0x3f]), Buffer.from('"},{"role":"assistant","content":"Oui."}]}\n')]);
    const r = await fix({ "a.jsonl": body }, { unsafe: true, "from-encoding": "cp1252" });
    expect(r.code).toBe(0);
    expect(r.text("a.jsonl").split("\n")[1]).toBe('{"messages":[{"role":"user","content":"Café?"},{"role":"assistant","content":"Oui."}]}');
    expect(r.stdout).toContain('a.jsonl:2: encoding: re-read 1 character(s) as cp1252: "é"');
    expect(ruleLines(await checkContent(r.read("a.jsonl")))).toEqual([]);
    await expect(fix({ "a.jsonl": body }, { "from-encoding": "cp1252" })).rejects.toThrow(/--from-encoding re-encodes records, an unsafe fix: add --unsafe/);
    await expect(fix({ "a.jsonl": body }, { unsafe: true, "from-encoding": "utf-16" })).rejects.toThrow(/--from-encoding takes cp1252 or latin1/);
  });
});

describe("fix --unsafe: sharegpt-to-messages", () => {
  it("maps roles strictly, turns function_call turns into tool_calls without inventing ids, moves system first", async () => {
    const rec = {
      conversations: [
        { from: "human", value: "Weather in Paris?" },
        { from: "function_call", value: '{"name": "get_weather", "arguments": {"city": "Paris", "days": 1.0}}' },
        { from: "observation", value: '{"temp": 21}' },
        { from: "gpt", value: "21 °C.", weight: 1 },
      ],
      system: "You are a weather bot.",
      tools: '[{"name": "get_weather"}]',
    };
    const r = await fix({ "s.jsonl": JSON.stringify(rec) + "\n" }, { unsafe: true, only: "sharegpt-to-messages" });
    expect(r.text("s.jsonl")).toBe(
      '{"messages":[{"role":"system","content":"You are a weather bot."},{"role":"user","content":"Weather in Paris?"},{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"get_weather","arguments":{"city":"Paris","days":1.0}}}]},{"role":"tool","content":"{\\"temp\\": 21}"},{"role":"assistant","content":"21 °C.","weight":1}],"tools":"[{\\"name\\": \\"get_weather\\"}]"}\n',
    );
    expect(r.stdout).toContain('s.jsonl:1: sharegpt-to-messages: "conversations" (4 turns) → "messages", "system" → the first message, 1 function_call turn(s) → tool_calls without ids');
    expect(ruleLines(await checkContent(r.read("s.jsonl")))).toEqual([]);
  });

  it("refuses a record with a role outside the strict map (kept as it is), and converts the others", async () => {
    const ok = { conversations: [{ from: "human", value: "Hi" }, { from: "gpt", value: "Hello" }] };
    const odd = { conversations: [{ from: "human", value: "Hi" }, { from: "bing", value: "Hello" }] };
    const r = await fix({ "s.jsonl": jsonl(ok, odd) }, { unsafe: true, only: "sharegpt-to-messages" });
    expect(r.text("s.jsonl").split("\n")[1]).toBe(JSON.stringify(odd));
    expect(r.text("s.jsonl").split("\n")[0]).toBe('{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}');
    expect(r.stdout).toContain("s.jsonl:2: refused: sharegpt-to-messages: conversations[1].from is 'bing': the strict role map takes human, user, gpt, assistant, system, observation, tool, function_call: kept as it is");
  });
});

describe("fix --unsafe: functions-to-tools", () => {
  it("wraps legacy function definitions as tools when no call needs an id; refuses a record that makes a legacy call", async () => {
    const defs = [{ name: "lookup", parameters: { type: "object", properties: {} } }];
    const plain = { messages: [u("Hi"), a("Hello")], functions: defs };
    const calls = { messages: [u("Look it up"), { role: "assistant", function_call: { name: "lookup", arguments: "{}" } }, { role: "function", name: "lookup", content: "42" }, a("42.")], functions: defs };
    const r = await fix({ "f.jsonl": jsonl(plain, calls) }, { unsafe: true, only: "functions-to-tools" });
    const lines = r.text("f.jsonl").split("\n");
    expect(lines[0]).toBe('{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}],"tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object","properties":{}}}}]}');
    expect(lines[1]).toBe(JSON.stringify(calls));
    expect(r.stdout).toMatch(/f\.jsonl:2: refused: functions-to-tools: messages\[1\] is a legacy function call or result: as tool_calls it would need an id, which the fix does not invent/);
  });
});

describe("fix: choosing fixes", () => {
  it("--only selects fixes; unsafe ones need --unsafe; unknown ones are named", () => {
    expect([...selectFixes({})]).toEqual(["byte-order-mark", "line-endings", "blank-lines", "one-record-per-line"]);
    expect([...selectFixes({ unsafe: true, only: "exact-duplicates, blank-lines" })]).toEqual(["exact-duplicates", "blank-lines"]);
    expect(() => selectFixes({ only: "exact-duplicates" })).toThrow(/exact-duplicates is an unsafe fix .*: add --unsafe/);
    expect(() => selectFixes({ only: "dedupe" })).toThrow(/unknown fix 'dedupe' \(fixes: byte-order-mark, /);
  });

  it("a fix left out keeps what it would change: --only exact-duplicates keeps the BOM and CRLF", async () => {
    const body = "\uFEFF" + [JSON.stringify(good(1)), JSON.stringify(good(1)), JSON.stringify(good(2))].join("\r\n") + "\r\n";
    const r = await fix({ "a.jsonl": body }, { unsafe: true, only: "exact-duplicates" });
    expect(r.text("a.jsonl")).toBe("\uFEFF" + [JSON.stringify(good(1)), JSON.stringify(good(2))].join("\r\n") + "\r\n");
  });
});
