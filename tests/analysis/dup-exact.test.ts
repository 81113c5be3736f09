import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { conv, generate, runDuplicates } from "./helpers.js";

const line = (c: unknown) => JSON.stringify(c);

describe("exact duplicates", () => {
  it("finds duplicates across JSON spacing, key order, whitespace and Unicode forms", async () => {
    const a = { messages: [{ role: "user", content: "Caf\u00e9   au lait?" }, { role: "assistant", content: "Yes.\n" }] };
    const b = `{ "messages" : [ {"content":"Cafe\u0301 au\\tlait?", "role":"user"}, {"content":"  Yes.", "role":"assistant"} ] }`;
    const c = { messages: [{ role: "user", content: "cafÉ au lait?" }, { role: "assistant", content: "Yes." }] };
    const { report, addFindings } = await runDuplicates([[line(a), b, line(c)].join("\n")], { near: false });
    expect(addFindings).toHaveLength(1);
    expect(addFindings[0]).toMatchObject({ rule: "exact-duplicate", line: 2 });
    expect(addFindings[0].message).toContain("Exact duplicate of data/f0.jsonl:1");
    expect(report.exact).toMatchObject({ duplicateRecords: 1, groupCount: 1 });
    expect(report.exact.rate).toBeCloseTo(1 / 3);
    expect(report.exact.groups[0].members).toEqual([{ path: "data/f0.jsonl", line: 1 }, { path: "data/f0.jsonl", line: 2 }]);

    const ci = await runDuplicates([[line(a), b, line(c)].join("\n")], { near: false, caseInsensitive: true });
    expect(ci.report.exact.duplicateRecords).toBe(2);
  });

  it("works across files, keeps the first as kept member, counts per file", async () => {
    const r = line({ messages: [{ role: "user", content: "hi" }, { role: "assistant", content: "hello" }] });
    const other = line({ messages: [{ role: "user", content: "hi" }, { role: "assistant", content: "hello!" }] });
    const { report, addFindings } = await runDuplicates([`${r}\n${other}`, `${r}\n${r}`], { near: false });
    expect(report.exact.duplicateRecords).toBe(2);
    expect(report.perFile.map((p) => p.exactDuplicates)).toEqual([0, 2]);
    expect(addFindings.filter((f) => f.rule === "exact-duplicate").map((f) => [f.file, f.line])).toEqual([[1, 1], [1, 2]]);
    expect(report.exact.groups[0]).toEqual({ size: 3, members: [{ path: "data/f0.jsonl", line: 1 }, { path: "data/f1.jsonl", line: 1 }, { path: "data/f1.jsonl", line: 2 }] });
  });

  it("flags conflicting answers to the same prompt", async () => {
    const { report, addFindings } = await runDuplicates(
      [[
        line({ messages: [{ role: "system", content: "S" }, { role: "user", content: "2+2?" }, { role: "assistant", content: "4" }] }),
        line({ messages: [{ role: "system", content: "S" }, { role: "user", content: "2+2? " }, { role: "assistant", content: "5" }] }),
        line({ messages: [{ role: "system", content: "S" }, { role: "user", content: "2+2?" }, { role: "assistant", content: "4" }] }),
        line({ messages: [{ role: "user", content: "2+2?" }, { role: "assistant", content: "5" }] }),
      ].join("\n")],
      { near: false },
    );
    expect(addFindings.map((f) => [f.rule, f.line])).toEqual([["conflicting-answers", 2], ["exact-duplicate", 3]]);
    expect(addFindings[0].message).toContain("data/f0.jsonl:1");
    expect(report.exact.conflictingAnswers).toBe(1);
  });

  it("treats rejected completions as part of preference records", async () => {
    const { DuplicateAnalysis } = await import("../../src/engine/analysis/duplicates.js");
    const d = new DuplicateAnalysis({ paths: ["p.jsonl"], near: false });
    const base = conv(["user", "q"], ["assistant", "good"]);
    const loc = (line: number) => ({ file: 0, line, offset: 0, length: 0 });
    d.add({ ...base, rejected: [{ role: "assistant", text: "bad", images: 0, toolCalls: 0 }] }, loc(1));
    expect(d.add({ ...base, rejected: [{ role: "assistant", text: "worse", images: 0, toolCalls: 0 }] }, loc(2))).toEqual([]);
    expect(d.add({ ...base, rejected: [{ role: "assistant", text: "bad ", images: 0, toolCalls: 0 }] }, loc(3))).toHaveLength(1);
  });

  it("does not crash on empty text, no assistant, huge and odd unicode records", async () => {
    const { DuplicateAnalysis } = await import("../../src/engine/analysis/duplicates.js");
    const d = new DuplicateAnalysis({ paths: ["x.jsonl"] });
    const loc = (line: number) => ({ file: 0, line, offset: 0, length: 0 });
    const huge = "word ".repeat(400_000) + "\ud83d\ude00 \ud800 \u0000 \uFFFF";
    const cs = [conv(["user", ""]), conv(["user", "   "], ["assistant", ""]), conv(["user", huge], ["assistant", huge]), conv(["system", "only"]), { messages: [], hasTools: false }];
    cs.forEach((c, i) => d.add(c, loc(i + 1)));
    const r = await d.finish(async () => {});
    expect(r.exact.duplicateRecords).toBe(0);
    expect(r.near.duplicateRecords).toBe(0);
  });

  it("finds every planted exact duplicate of the generator (2 seeds)", async () => {
    for (const seed of [3, 11]) {
      const { file, truth } = generate(3000, seed);
      const { addFindings, report } = await runDuplicates([fs.readFileSync(file, "utf8")], { near: false });
      const found = new Map(addFindings.filter((f) => f.rule === "exact-duplicate").map((f) => [f.line, f.message]));
      expect(truth.exactDuplicates.length).toBeGreaterThan(20);
      for (const [first, dup] of truth.exactDuplicates) {
        expect(found.has(dup), `line ${dup}`).toBe(true);
        // Names the first occurrence of the group (the planted source, unless it was itself a repeat).
        expect(found.get(dup)).toMatch(/data\/f0\.jsonl:\d+/);
        expect(Number(/:(\d+)/.exec(found.get(dup) as string)?.[1])).toBeLessThanOrEqual(first);
      }
      expect(report.exact.duplicateRecords).toBeGreaterThanOrEqual(truth.exactDuplicates.length);
    }
  });

  it("is deterministic", async () => {
    const { file } = generate(3000, 3);
    const text = fs.readFileSync(file, "utf8");
    const a = await runDuplicates([text]);
    const b = await runDuplicates([text]);
    expect(JSON.stringify(a.report)).toBe(JSON.stringify(b.report));
    expect(JSON.stringify(a.addFindings)).toBe(JSON.stringify(b.addFindings));
  });
});

describe("media are part of the record", () => {
  it("the same question about different images is neither a duplicate, a near duplicate nor a conflicting answer", async () => {
    const { checkDir, jsonl } = await import("../helpers/run.js");
    const rec = (img: string, answer: string) => ({ messages: [{ role: "user", content: [{ type: "text", text: "Is the value of Favorable 38 in 2015? Short answer required." }, { type: "image_url", image_url: { url: img } }] }, { role: "assistant", content: answer }] });
    const report = await checkDir({ "train.jsonl": jsonl(rec("https://x/0.png", "Yes"), rec("https://x/1.png", "No"), rec("https://x/1.png", "No"), rec("https://x/2.png", "Yes")) });
    const f = report.files[0];
    expect(f.findings.map((x) => `${x.rule}@${x.line}`)).toEqual(["exact-duplicate@3"]);
  });
});

describe("tool calls and tool definitions are part of the record", () => {
  const Q = "What's the weather in Paris and how is the ACME stock doing today? Please check both for me now.";
  const TOOLS = [
    { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } },
    { type: "function", function: { name: "get_stock", parameters: { type: "object", properties: { symbol: { type: "string" } } } } },
  ];
  const call = (name: string, args: unknown, id = "call_1") => ({ id, type: "function", function: { name, arguments: args } });
  const rec = (calls: unknown[], opts: { q?: string; tools?: unknown } = {}) => ({
    messages: [
      { role: "user", content: opts.q ?? Q },
      { role: "assistant", content: null, tool_calls: calls },
    ],
    tools: opts.tools ?? TOOLS,
  });
  const rules = async (...records: unknown[]) => {
    const { checkDir, jsonl, ruleLines } = await import("../helpers/run.js");
    const report = await checkDir({ "train.jsonl": jsonl(...records) });
    return ruleLines(report.files[0]).filter((r) => /duplicate|conflicting/.test(r));
  };

  it("another function, or other arguments, is not an exact or near duplicate (the same prompt answered differently is a conflict)", async () => {
    expect(
      await rules(
        rec([call("get_weather", '{"city": "Paris"}')]),
        rec([call("get_stock", '{"symbol": "ACME"}')]),
        rec([call("get_weather", '{"city": "Lyon"}')]),
      ),
    ).toEqual(["conflicting-answers@2", "conflicting-answers@3"]);
  });

  it("a nearly equal prompt calling another function is not a near duplicate", async () => {
    // One word of 20 differs: the texts alone are near duplicates (Jaccard 0.88).
    expect(await rules(rec([call("get_weather", '{"city": "Paris"}')]), rec([call("get_stock", '{"symbol": "ACME"}')], { q: Q.replace("now.", "today.") }))).toEqual([]);
    expect(await rules(rec([call("get_weather", '{"city": "Paris"}')]), rec([call("get_weather", '{"city": "Paris"}')], { q: Q.replace("now.", "today.") }))).toEqual(["near-duplicate@2"]);
  });

  it("the same calls are still exact duplicates: arguments as string or object, any key order or spacing, any call id", async () => {
    expect(
      await rules(
        rec([call("get_weather", '{"city": "Paris", "unit": "c"}')]),
        rec([call("get_weather", { unit: "c", city: "Paris" }, "call_xyz")]),
        rec([call("get_weather", '{ "unit":"c",\n "city":"Paris" }')], { tools: [...TOOLS].reverse() }),
      ),
    ).toEqual(["exact-duplicate@2", "exact-duplicate@3"]);
  });

  it("tool results are told apart by the function they answer", async () => {
    const withResult = (name: string) => ({
      messages: [
        { role: "user", content: Q },
        { role: "assistant", content: null, tool_calls: [call("lookup", "{}")] },
        { role: "tool", tool_call_id: "call_1", name, content: "42" },
        { role: "assistant", content: "It is 42." },
      ],
    });
    expect(await rules(withResult("get_weather"), withResult("get_stock"), withResult("get_weather"))).toEqual(["exact-duplicate@3"]);
  });

  it("the same prompt with another tools list may get another answer (ChatML tools/functions, ShareGPT tools string)", async () => {
    const chat = (tools: unknown, answer: string, key = "tools") => ({ messages: [{ role: "user", content: "Can you please order a pizza for me?" }, { role: "assistant", content: answer }], [key]: tools });
    const fn = (name: string) => ({ name, description: `The ${name} function`, parameters: { type: "object", properties: {} } });
    expect(
      await rules(
        chat([{ type: "function", function: fn("create_todo") }], "Sorry, I can only create todo items."),
        chat([{ type: "function", function: fn("create_event") }], "Sorry, I can only create calendar events."),
        chat([fn("calculate_discount")], "Sorry, I can only calculate discounts.", "functions"),
        chat([{ type: "function", function: fn("create_todo") }], "Sorry, I cannot order food."),
      ),
    ).toEqual(["conflicting-answers@4"]);
    const gpt = (tools: string, answer: string) => ({ conversations: [{ from: "human", value: "Can you please order a pizza for me?" }, { from: "gpt", value: answer }], tools });
    expect(
      await rules(
        gpt(JSON.stringify([fn("create_todo")]), "Sorry, I can only create todo items."),
        gpt(JSON.stringify([fn("create_event")]), "Sorry, I can only create calendar events."),
        gpt(JSON.stringify([fn("create_event")], null, 2), "Sorry, I can only create calendar events."),
      ),
    ).toEqual(["exact-duplicate@3"]);
  });
});
