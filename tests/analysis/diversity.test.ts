import { describe, expect, it } from "vitest";
import { DiversityAnalysis, words } from "../../src/engine/analysis/diversity.js";
import { HyperLogLog } from "../../src/engine/analysis/ngram-sketch.js";
import { fmix32 } from "../../src/engine/analysis/hash.js";
import type { Conversation, Message } from "../../src/engine/model.js";

const msg = (role: string, text: string): Message => ({ role, text, images: 0, toolCalls: 0 });
const qa = (q: string, a: string, system?: string): Conversation => ({
  messages: [...(system !== undefined ? [msg("system", system)] : []), msg("user", q), msg("assistant", a)],
  hasTools: false,
});
const run = (convs: Conversation[], opts = {}) => {
  const d = new DiversityAnalysis(opts);
  for (const c of convs) d.add(c);
  return d.finish();
};

describe("words", () => {
  it("lowercases, applies NFKC and splits on whitespace keeping punctuation", () => {
    expect(words("  Hello,  WORLD!\n\tﬁne ")).toEqual(["hello,", "world!", "fine"]);
    expect(words("")).toEqual([]);
  });
});

describe("distinct-n", () => {
  it("HyperLogLog from the start and the fast n-gram loop give the registers of the general path", () => {
    // 3 M words of a large vocabulary: the fast loop's rare branch (the low 18 bits of an n-gram's first hash all 0,
    // p = 2^-18) is taken about 11 times for each of distinct-1, -2 and -3
    let seed = 7;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    const convs: Conversation[] = [];
    for (let r = 0; r < 4_000; r++) {
      const ws: string[] = [];
      for (let w = 0, n = 400 + (rnd() % 700); w < n; w++) ws.push((rnd() % 5_000_000).toString(36));
      convs.push(qa("q" + r, ws.join(" ")));
    }
    const registers = (opts: object) => {
      const d = new DiversityAnalysis(opts);
      for (const c of convs) d.add(c);
      const p = d.toPartial();
      return { d1: p.d1, d2: p.d2, d3: p.d3, result: d.finish() };
    };
    // registers, not only estimates: one register's change moves an estimate of millions by far less than one
    const reference = registers({ exactCap: 1_000, referenceNgrams: true });
    expect(reference.d3.registers).toBeDefined();
    expect(reference.result.assistantWords).toBeGreaterThan(3_000_000);
    expect(registers({ exactCap: 1_000 })).toEqual(reference);
    expect(registers({ exactCap: 1_000, hllFromStart: true })).toEqual(reference);
    // below the cap: exact by default, HyperLogLog from the start when asked
    const small = convs.slice(0, 3);
    const exact = run(small);
    const hll = run(small, { hllFromStart: true });
    expect(exact.distinct1.method).toBe("exact");
    expect(hll.distinct1.method).toBe("hll");
    expect(Math.abs(hll.distinct1.distinct - exact.distinct1.distinct) / exact.distinct1.distinct).toBeLessThan(0.03);
  });

  it("a b a b", () => {
    const r = run([qa("q", "a b a b")]);
    expect(r.distinct1).toMatchObject({ distinct: 2, total: 4, ratio: 0.5, method: "exact", standardError: 0 });
    expect(r.distinct2).toMatchObject({ distinct: 2, total: 3, ratio: 0.6667 });
    expect(r.distinct3).toMatchObject({ distinct: 2, total: 2, ratio: 1 });
    expect(r.assistantWords).toBe(4);
  });
  it("n-grams do not cross messages and only assistant text counts", () => {
    const r = run([qa("x y z", "a b"), qa("x y z", "b a"), qa("q", "A B")]);
    // unigrams a,b ; bigrams "a b","b a","a b" -> 2 distinct of 3; no trigrams
    expect(r.distinct1).toMatchObject({ distinct: 2, total: 6 });
    expect(r.distinct2).toMatchObject({ distinct: 2, total: 3, ratio: 0.6667 });
    expect(r.distinct3).toMatchObject({ distinct: 0, total: 0, ratio: 0 });
  });
  it("switches to HyperLogLog beyond the exact cap", () => {
    const text = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(" ");
    const r = run([qa("q", text)], { exactCap: 1000 });
    expect(r.distinct1.method).toBe("hll");
    expect(r.distinct1.standardError).toBe(0.0081);
    expect(Math.abs(r.distinct1.distinct - 5000) / 5000).toBeLessThan(0.05);
    expect(r.distinct1.total).toBe(5000);
  });
});

describe("HyperLogLog", () => {
  it("estimates 200k distinct items within 3%", () => {
    const h = new HyperLogLog(14);
    for (let i = 0; i < 200_000; i++) {
      const h1 = fmix32(i * 2 + 1);
      const h2 = fmix32(i ^ 0x5bd1e995);
      h.add(h1, h2);
      if (i % 2 === 0) h.add(h1, h2); // duplicates do not count
    }
    expect(Math.abs(h.estimate() - 200_000) / 200_000).toBeLessThan(0.03);
  });
});

describe("windowed distinct-2", () => {
  it("mean over full windows, short last window dropped", () => {
    // 9 words, window 4: [a b a b] [a b a b] [c] -> 2/3, 2/3, last (1 word < 2) dropped
    const r = run([qa("q", "a b a b a b a b c")], { windowSize: 4 });
    expect(r.windowedDistinct2).toEqual({ mean: 0.6667, min: 0.6667, max: 0.6667, windowSize: 4, windows: 2 });
  });
  it("counts a last window holding at least half a window", () => {
    // 10 words: [a b a b] [a b a b] [c d] -> 2/3, 2/3, 1
    const r = run([qa("q", "a b a b a b a b c d")], { windowSize: 4 });
    expect(r.windowedDistinct2.windows).toBe(3);
    expect(r.windowedDistinct2.mean).toBe(0.7778);
  });
  it("counts a single partial window", () => {
    const r = run([qa("q", "a b a")], { windowSize: 100 });
    expect(r.windowedDistinct2).toMatchObject({ mean: 1, windows: 1 });
  });
  it("bigrams across message boundaries are not counted", () => {
    // window of 4 words spans two messages: "a b" | "a b" -> bigrams "a b","a b" -> 1/2
    const r = run([qa("q", "a b"), qa("q", "a b")], { windowSize: 4 });
    expect(r.windowedDistinct2).toMatchObject({ mean: 0.5, windows: 1 });
  });
});

describe("compression ratio", () => {
  it("is higher for repetitive text and reports sampling", () => {
    const rep = run(Array.from({ length: 50 }, () => qa("q", "the same answer again and again")));
    const div = run(Array.from({ length: 50 }, (_, i) => qa("q", `answer ${i * 7919} ${(i * 104729).toString(36)}`)));
    expect(rep.compression.ratio).toBeGreaterThan(div.compression.ratio);
    expect(rep.compression.sampled).toBe(false);
    expect(rep.compression.totalBytes).toBe(50 * 32); // 31 bytes + "\n" separator each
    const s = run(Array.from({ length: 64 }, () => qa("q", "x".repeat(99))), { compressionSampleBytes: 1000 });
    expect(s.compression.sampled).toBe(true);
    expect(s.compression.sampleEvery).toBe(8);
    expect(s.compression.sampleBytes).toBe(800);
  });
});

describe("openings, boilerplate, prompts, lengths, turns", () => {
  const convs = [
    qa("What is 2+2?", "Sure, here is the answer: 4", "You are helpful."),
    qa("What is 2+3?", "Sure, here is the answer: 5", "You are helpful."),
    qa("What is 2+2?", "SURE, HERE IS THE ANSWER: four", "Be terse."),
    qa("Tell me a secret", "As an AI language model, I don't have secrets."),
    {
      messages: [msg("user", "hi"), msg("assistant", "I’m sorry, but I cannot do that."), msg("user", "ok"), msg("assistant", "Hello there")],
      hasTools: false,
    },
    { messages: [msg("user", "only a question")], hasTools: false },
  ];
  const r = run(convs);
  it("repeated openings over final assistant messages", () => {
    expect(r.openings.answers).toBe(5);
    expect(r.openings.top[0]).toEqual({ opening: "sure, here is the", count: 3 });
    expect(r.openings.topShare).toBe(0.6);
    expect(r.openings.top).toHaveLength(3);
    expect(r.openings.exact).toBe(true);
  });
  it("boilerplate phrases, case-insensitive, typographic apostrophes folded", () => {
    expect(r.assistantMessages).toBe(6);
    expect(r.boilerplate.messages).toBe(2);
    expect(r.boilerplate.share).toBe(0.3333);
    expect(r.boilerplate.byPhrase.map((p) => p.phrase).sort()).toEqual(["as an ai language model", "i'm sorry, but i cannot"]);
    const custom = run([qa("q", "Per my TRAINING data")], { boilerplatePhrases: ["per my training"] });
    expect(custom.boilerplate).toMatchObject({ phrases: 1, messages: 1, share: 1 });
  });
  it("system prompts and unique user prompts", () => {
    expect(r.systemPrompts).toMatchObject({ recordsWithSystem: 3, distinct: 2, method: "exact", exact: true });
    expect(r.systemPrompts.top).toEqual([
      { text: "You are helpful.", count: 2 },
      { text: "Be terse.", count: 1 },
    ]);
    // first user messages: "What is 2+2?" x2, "What is 2+3?", "Tell me a secret", "hi", "only a question" -> 5 of 6
    expect(r.userPrompts).toMatchObject({ recordsWithUser: 6, distinct: 5, uniqueShare: 0.8333 });
  });
  it("length uniqueness and turn balance", () => {
    // lengths: 27, 27, 30, 47, 32, 11 -> 5 distinct of 6
    expect(r.lengthUniqueness).toEqual({ distinctLengths: 5, assistantMessages: 6, share: 0.8333 });
    expect(r.turnBalance).toEqual({
      records: 6, singleTurn: 4, multiTurn: 1, other: 1, singleTurnShare: 0.6667, multiTurnShare: 0.1667,
    });
  });
  it("is deterministic and JSON-serialisable", () => {
    expect(JSON.parse(JSON.stringify(run(convs)))).toEqual(r);
  });
});
