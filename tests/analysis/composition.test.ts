import { describe, expect, it } from "vitest";
import { CompositionAnalysis, classifyQuery, hasHeaderLine, hasListLine, HEADER_LINE, LIST_LINE } from "../../src/engine/analysis/composition.js";
import type { Conversation, Message } from "../../src/engine/model.js";

const msg = (role: string, text: string, extra: Partial<Message> = {}): Message => ({ role, text, images: 0, toolCalls: 0, ...extra });

describe("classifyQuery", () => {
  it("questions, commands, other", () => {
    expect(classifyQuery("Is this ok")).toBe("question");
    expect(classifyQuery("the sky is blue?  ")).toBe("question");
    expect(classifyQuery("How do I sort a list")).toBe("question");
    expect(classifyQuery("Write a poem")).toBe("command");
    expect(classifyQuery("  \"Explain this\"")).toBe("command");
    expect(classifyQuery("The weather today")).toBe("other");
  });
});

describe("CompositionAnalysis", () => {
  const convs: Conversation[] = [
    { messages: [msg("system", "S"), msg("user", "What is Python?"), msg("assistant", "A language.")], hasTools: false, category: "qa" },
    {
      messages: [msg("user", "Write a function in python that adds two numbers and prints the result for me please"),
        msg("assistant", "# Answer\n```python\ndef add(a, b):\n    return a + b\n```\n- done\n" + "x".repeat(200))],
      hasTools: false, category: "code",
    },
    {
      messages: [msg("user", "hello there"), msg("assistant", "hi", { toolCalls: 1 }), msg("tool", "{}"), msg("user", "and again"),
        msg("assistant", "```a```\n```b```\n1. one\n" + "y".repeat(900))],
      hasTools: true, category: "qa",
    },
    { messages: [msg("user", "look", { images: 2 })], hasTools: false },
    { messages: [msg("user", "x".repeat(250)), msg("assistant", "ok")], hasTools: false, rejected: [msg("assistant", "no")] },
  ];
  const c = new CompositionAnalysis();
  for (const v of convs) c.add(v);
  const r = c.finish();

  it("counts records, messages, roles and turns", () => {
    expect(r.records).toBe(5);
    expect(r.messages).toBe(13);
    expect(r.roles).toEqual({ user: 6, assistant: 5, system: 1, tool: 1 });
    expect(r.turnsHistogram["1"]).toBe(4);
    expect(r.turnsHistogram["2"]).toBe(1);
    expect(r.turnsHistogram["0"]).toBe(0);
    expect(r.turnsHistogram["10+"]).toBe(0);
    expect([r.singleTurn, r.multiTurn, r.other]).toEqual([3, 1, 1]);
    expect(r.singleTurnShare).toBe(0.6);
    expect(r.multiTurnShare).toBe(0.2);
  });
  it("message length per role", () => {
    // user lengths: 15, 84, 11, 9, 4, 250
    expect(r.messageLength.user).toEqual({ count: 6, min: 4, mean: 62.17, median: 13, p95: 208.5, max: 250, exact: true });
    expect(r.messageLength.system).toMatchObject({ count: 1, min: 1, max: 1, median: 1 });
    expect(r.messageLength.tool.count).toBe(1);
  });
  it("tools, images, preference", () => {
    expect(r.toolExamples).toBe(1);
    expect(r.imageExamples).toBe(1);
    expect(r.preferenceExamples).toBe(1);
  });
  it("user query patterns (first user message)", () => {
    expect(r.userQueries).toEqual({
      records: 5, questions: 1, commands: 1, other: 3, codeRelated: 2, short: 3, medium: 1, long: 1,
    });
  });
  it("assistant response patterns (final assistant message)", () => {
    expect(r.responses).toEqual({
      records: 4, codeBlocks0: 2, codeBlocks1: 1, codeBlocks2plus: 1, withCode: 2, withLists: 2, withHeaders: 1,
      brief: 2, medium: 1, detailed: 1,
    });
  });
  it("categories", () => {
    expect(r.categories).toEqual({
      records: 3, distinct: 2, top: [{ category: "qa", count: 2 }, { category: "code", count: 1 }], exact: true,
    });
    expect(r.categories!.top.reduce((s, e) => s + e.count, 0)).toBe(3);
  });
  it("no categories -> null", () => {
    const e = new CompositionAnalysis();
    e.add({ messages: [msg("user", "a")], hasTools: false });
    expect(e.finish().categories).toBeNull();
  });
});

describe("list and heading lines (fast paths)", () => {
  it("agree with the defining regexes on 200,000 random texts of the characters that matter", () => {
    // every character either pattern or /m line starts or \s treat specially, and some that they do not
    const alphabet = [" ", "\t", "\n", "\r", "\u2028", "\u2029", "\u00a0", "\u3000", "\ufeff", "\u180e", "\u0085", "-", "*", "•", "1", "23", ".", ")", "#", "##", "a", "x", "é"];
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let lists = 0;
    let headers = 0;
    for (let k = 0; k < 200_000; k++) {
      let t = "";
      const len = rnd(12);
      for (let i = 0; i < len; i++) t += alphabet[rnd(alphabet.length)];
      const list = LIST_LINE.test(t);
      const header = HEADER_LINE.test(t);
      if (hasListLine(t) !== list || hasHeaderLine(t) !== header) throw new Error(`differs on ${JSON.stringify(t)}`);
      if (list) lists++;
      if (header) headers++;
    }
    // both outcomes were exercised many times
    expect(lists).toBeGreaterThan(1000);
    expect(headers).toBeGreaterThan(1000);
  });

  it("finds a list item after the first line and ignores markers inside a line", () => {
    expect(hasListLine("Steps:\n  1) mix\n  2) bake")).toBe(true);
    expect(hasListLine("Steps:\r\n- mix")).toBe(true);
    expect(hasListLine("Steps:\u2028- mix")).toBe(true);
    expect(hasListLine("a - b and 1. c")).toBe(false);
    expect(hasListLine("-\u00a0x")).toBe(false); // only space or tab after the marker
    expect(hasListLine("12.\t\u00a0")).toBe(false);
    expect(hasHeaderLine("text\n### Title")).toBe(true);
    expect(hasHeaderLine("####### seven")).toBe(false);
  });
});
