import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { countTokens as o200kCount } from "gpt-tokenizer/encoding/o200k_base";
import { countTokens as cl100kCount } from "gpt-tokenizer/encoding/cl100k_base";
import { TokenAnalysis } from "../../src/engine/analysis/tokens.js";
import { defaultEpochs, modelTokenLimit } from "../../src/engine/analysis/token-limits.js";
import { countLinear, loadCounter, MAX_RUN, piecewiseCounter } from "../../src/engine/analysis/token-count.js";
import { Vocabulary } from "../../src/engine/analysis/bpe.js";
import * as o200kPacked from "../../src/engine/analysis/vocabularies/o200k_base.generated.js";
import { mulberry32 } from "../../src/engine/analysis/stats.js";
import { FORMATS, GEN, ROOT } from "../helpers/paths.js";
import { jsonlTexts } from "../helpers/texts.js";
import type { Conversation, Message, RecordLoc } from "../../src/engine/model.js";

const msg = (role: string, text: string): Message => ({ role, text, images: 0, toolCalls: 0 });
const qa = (q: string, a: string): Conversation => ({ messages: [msg("user", q), msg("assistant", a)], hasTools: false });
const loc = (line: number): RecordLoc => ({ file: 0, line, offset: 0, length: 0 });

describe("tokenizer", () => {
  it("counts known strings", async () => {
    const o = await loadCounter("o200k_base");
    const c = await loadCounter("cl100k_base");
    expect(o("hello world")).toBe(2);
    expect(c("hello world")).toBe(2);
    expect(o("")).toBe(0);
    expect(o("user")).toBe(1);
    expect(o("assistant")).toBe(1);
    // special-token text is counted as plain text, not rejected
    expect(o("<|endoftext|>")).toBeGreaterThan(1);
  });
});

describe("loadCounter counts exactly as gpt-tokenizer's countTokens", () => {
  const none = { disallowedSpecial: new Set<string>() };
  // our own files (examples, format fixtures, generated prose) and paragraphs in 22 scripts; the real-data suite
  // (tests/real-data/tokens.test.ts) adds real public files
  const texts: string[] = [...jsonlTexts(join(ROOT, "examples", "clean")), ...jsonlTexts(join(ROOT, "examples", "broken")), ...jsonlTexts(FORMATS)];
  texts.push(...Object.values(JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "scripts", "paragraphs.json"), "utf8")) as Record<string, string>));
  const generated = join(mkdtempSync(join(tmpdir(), "cqg-tok-")), "g.jsonl");
  execFileSync(process.execPath, [GEN, "--examples", "400", "--out", generated, "--seed", "5", "--tool-rate", "0.2"], { stdio: "ignore" });
  texts.push(...jsonlTexts(dirname(generated)));
  // hostile text: random mixes of scripts, digits, contractions, marks, CR/LF, spaces, emoji, lone surrogates
  const alphabet = ["a", "Z", "é", "ß", "İ", "ǅ", "中", "文", "ア", "한", "ع", "ह", "\u0301", "0", "7", "٣", "'s", "'LL", "'", " ", "  ", "\t", "\r\n", "\n", "\u00a0", "\u3000", "!", "?!", "...", "/", "<|endoftext|>", "😀", "👩‍💻", "\ud800", "\udc00", "$", "_", "-", "\ufeff", "\ufeffusing", "\ufeff//", "\ufffd", "using", "\u200d", "ﬁ", "Ω", "𝔘"];
  const rnd = mulberry32(7);
  for (let i = 0; i < 3000; i++) {
    let s = "";
    const n = 1 + Math.floor(rnd() * 60);
    for (let j = 0; j < n; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    texts.push(s);
  }

  // a leading byte-order mark the library drops when it looks a byte range up (found by trying every o200k token
  // with a BOM around it: these counted 3, 2 and 4 without that rule)
  texts.push("\ufeff名单", "\ufeffង", "\ufeff名\ufeff");

  // random ASCII: letters, digits, punctuation and spaces (pieces the tokenizer has rarely seen: long merges)
  const ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      .,;:!?'\"()[]{}<>-_=+*/\\|@#$%^&~`\n\t";
  for (let i = 0; i < 3000; i++) {
    let s = "";
    const n = 1 + Math.floor(rnd() * 80);
    for (let j = 0; j < n; j++) s += ascii[Math.floor(rnd() * ascii.length)];
    texts.push(s);
  }

  it("the packed vocabularies are gpt-tokenizer's ranks (node scripts/vocabularies.mjs), and merge as the library does", async () => {
    // @ts-expect-error: a build script without type declarations
    const { generate, VOCABULARIES } = (await import("../../scripts/vocabularies.mjs")) as { generate: (v: unknown) => Promise<string>; VOCABULARIES: { out: string }[] };
    expect(VOCABULARIES.map((v) => v.out)).toEqual(["src/engine/analysis/vocabularies/o200k_base.generated.js", "src/engine/analysis/vocabularies/cl100k_base.generated.js"]);
    for (const v of VOCABULARIES) expect(readFileSync(new URL(`../../${v.out}`, import.meta.url), "utf8") === (await generate(v)), `${v.out} is stale`).toBe(true);
    const v = Vocabulary.fromBase64(o200kPacked.RANKS, o200kPacked.DATA);
    const none = { disallowedSpecial: new Set<string>() };
    // a piece that is a token, a long merge, non-ASCII, a lone surrogate (U+FFFD bytes), and byte-order marks: the
    // library decodes a valid byte range before looking it up, which drops a leading BOM
    for (const p of ["hello", " zqxjkvbw", " héllo", "中文字", "\ud83d", "a\ud83d", "\ufeffusing", "\ufeff", "\ufeff\ufeff", "\ufeffnamespace", "x\ufeffy", "😀😀😀"]) {
      expect(v.countPiece(p), JSON.stringify(p)).toBe(o200kCount(p, none));
    }
    expect(v.countPiece("hello")).toBe(1);
    expect(v.countPiece("")).toBe(0);
  });

  it("o200k_base and cl100k_base: the same count for every text of our examples, fixtures and generated data, 3,000 hostile strings and 3,000 random ASCII ones", async () => {
    expect(texts.length).toBeGreaterThan(5000);
    const o = await loadCounter("o200k_base");
    const c = await loadCounter("cl100k_base");
    // texts with runs over MAX_RUN are counted in slices by design (countLinear): compare the rest
    const whole = texts.filter((t) => !/\S{513}|\s{513}/.test(t));
    let tokens = 0;
    for (const t of whole) {
      const want = o200kCount(t, none);
      tokens += want;
      if (o(t) !== want) expect({ text: t, count: o(t) }).toEqual({ text: t, count: want });
      if (c(t) !== cl100kCount(t, none)) expect({ text: t, count: c(t) }).toEqual({ text: t, count: cl100kCount(t, none) });
    }
    expect(tokens).toBeGreaterThan(100_000);
    // twice: the second pass is answered from the piece cache
    for (const t of whole.slice(0, 500)) expect(o(t)).toBe(o200kCount(t, none));
  });

  it("piecewiseCounter: pieces over the cache length and a pattern that matches empty text", () => {
    const calls: string[] = [];
    const count = piecewiseCounter(/\w+|\s+/u, (p) => {
      calls.push(p);
      return p.length;
    });
    const long = "x".repeat(100);
    expect(count(`${long} ${long}`)).toBe(201);
    expect(count(`${long} ${long}`)).toBe(201);
    expect(calls.filter((p) => p === long)).toHaveLength(4); // long pieces are not cached
    expect(calls.filter((p) => p === " ")).toHaveLength(1); // short ones are
    const empty = piecewiseCounter(/a*/g, (p) => p.length);
    expect(empty("baab")).toBe(2);
  });
});

describe("countLinear (BPE is quadratic in a piece's length)", () => {
  const spy = () => {
    const calls: string[] = [];
    return { calls, count: (s: string) => (calls.push(s), s.length) };
  };

  it("counts text without a long run whole, as the tokenizer does", async () => {
    const o = await loadCounter("o200k_base");
    const prose = "The patient was stable overnight; vitals were normal. ".repeat(400);
    const { calls, count } = spy();
    expect(countLinear(count, prose)).toBe(prose.length);
    expect(calls).toEqual([prose]);
    const raw = (await import("gpt-tokenizer/encoding/o200k_base")).countTokens(prose, { disallowedSpecial: new Set() });
    expect(o(prose)).toBe(raw);
  });

  it("cuts only the long runs, into slices of at most MAX_RUN characters, never inside a surrogate pair", () => {
    const run = "y".repeat(2 * MAX_RUN + 7);
    const text = "abc " + run + " def";
    const { calls, count } = spy();
    expect(countLinear(count, text)).toBe(text.length);
    expect(calls).toEqual(["abc ", "y".repeat(MAX_RUN), "y".repeat(MAX_RUN), "y".repeat(7), " def"]);

    const emoji = "\u{1F600}".repeat(MAX_RUN); // 2 x MAX_RUN code units, no whitespace
    const e = spy();
    expect(countLinear(e.count, emoji)).toBe(emoji.length);
    expect(e.calls.length).toBeGreaterThan(1);
    for (const c of e.calls) {
      expect(c.length).toBeLessThanOrEqual(MAX_RUN);
      expect(c).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }

    const spaces = "a" + " ".repeat(3 * MAX_RUN) + "b";
    const w = spy();
    expect(countLinear(w.count, spaces)).toBe(spaces.length);
    expect(w.calls.every((c) => c.length <= MAX_RUN)).toBe(true);
  });

  it("counts hostile runs (2 MB of one letter, 300 KB of random letters) in linear time, close to the tokenizer's count", async () => {
    const o = await loadCounter("o200k_base");
    // o200k_base has a token for 8 x "x": the whole-run count is 2,000,000 / 8
    expect(o("x".repeat(2_000_000))).toBe(250_000);
    let seed = 7;
    let letters = "";
    for (let i = 0; i < 300_000; i++) letters += String.fromCharCode(97 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 26));
    const sliced = o(letters);
    // exact count of a 4,000-letter prefix (quadratic but small) against the sliced count, per letter
    const exact = (await import("gpt-tokenizer/encoding/o200k_base")).countTokens(letters.slice(0, 4000));
    expect(Math.abs(sliced / 300_000 - exact / 4000)).toBeLessThan(0.02);
  });
});

describe("TokenAnalysis", () => {
  it("per-example count with the cookbook chat overhead", async () => {
    const t = await TokenAnalysis.create({});
    expect(t.add(qa("hello world", "hello world"), loc(1))).toEqual([]);
    const r = t.finish();
    // 2 messages x (3 + role 1 + 2 text) + 3 priming = 15
    expect(r).toMatchObject({ encoding: "o200k_base", examples: 1, total: 15, assistantTokens: 2, exact: true });
    expect(r).toMatchObject({ mean: 15, p5: 15, p50: 15, p95: 15, max: 15, relativeError: 0, quantilesExact: true });
    expect(r.limit).toBeNull();
    expect(r.estimatedCost).toBeUndefined();
    expect(r.histogram[0]).toEqual({ label: "0-127", min: 0, count: 1 });
    expect(r.histogram.at(-1)).toEqual({ label: "65536+", min: 65536, count: 0 });
  });

  it("cl100k_base is selectable", async () => {
    const t = await TokenAnalysis.create({ encoding: "cl100k_base" });
    t.add(qa("hello world", "hello world"), loc(1));
    expect(t.finish()).toMatchObject({ encoding: "cl100k_base", total: 15 });
  });

  it("counts an example far over the limit only until it passes it, bills it at the limit and estimates its total", () => {
    let counted = 0;
    const count = (s: string) => {
      counted += s.length;
      return s.length === 0 ? 0 : Math.ceil(s.length / 4);
    };
    const t = new TokenAnalysis({ maxTokens: 1_000, sampleBytes: 0, countTokens: count });
    const words = "word ".repeat(400_000); // 2 MB, 500,000 tokens with this counter
    const before = counted;
    expect(t.add(qa("q", words), loc(5))).toEqual([
      {
        rule: "too-long",
        severity: "error",
        line: 5,
        message: "example has more than 1000 tokens (o200k_base), over the limit of 1000; its 1.9 MiB of text were counted only until they passed it",
      },
    ]);
    expect(counted - before).toBeLessThan(40_000); // a few 16 Ki pieces, not 2 MB
    // an example over the limit but within 8x of it in bytes is counted exactly, as before
    expect(t.add(qa("q", "x".repeat(6_000)), loc(6))[0].message).toBe("example has 1514 tokens (o200k_base), over the limit of 1000");
    const r = t.finish();
    expect(r.tooLong).toBe(2);
    expect(r.exact).toBe(false);
    // billed: the exact one and the counted-until-over one at the limit each, the other examples at their estimate
    expect(r.billedTokens).toBe(2_000);
  });

  it("emits too-long errors at the record line, tokenizing only when the byte bound exceeds the limit", () => {
    const calls: string[] = [];
    const count = (s: string) => {
      calls.push(s);
      return s.length === 0 ? 0 : Math.ceil(s.length / 4);
    };
    // sampleBytes 0: no sampling, only limit checks tokenize
    const t = new TokenAnalysis({ maxTokens: 30, sampleBytes: 0, countTokens: count });
    // role tokens with this counter: user 1, assistant 3 -> overhead 3 + (3+1) + (3+3) = 13
    expect(t.add(qa("short", "tiny"), loc(3))).toEqual([]); // bound 13 + 9 bytes = 22 <= 30: not tokenized
    const before = calls.length;
    const long = "x".repeat(200); // 13 + 1 + 50 = 64 tokens
    const f = t.add(qa("q", long), loc(7));
    expect(calls.length).toBeGreaterThan(before);
    expect(f).toEqual([
      { rule: "too-long", severity: "error", line: 7, message: "example has 64 tokens (o200k_base), over the limit of 30" },
    ]);
    const mid = "x".repeat(60); // bound 74 > 30 but 13 + 1 + 15 = 29 tokens: tokenized, no finding
    expect(t.add(qa("q", mid), loc(9))).toEqual([]);
    const r = t.finish();
    expect(r.tooLong).toBe(1);
    expect(r.tokenizedRecords).toBe(2);
    expect(r.billedTokens).toBe(r.total - 64 + 30);
    expect(r.max).toBe(64);
    expect(r.limitSource).toBe("maxTokens");
  });

  it("a run of a few huge examples with none sampled estimates each from its first characters, in one instance or merged", () => {
    const calls: string[] = [];
    // role names are one token, as in the real vocabularies (chunks assume so: KNOWN_ROLE_TOKENS)
    const count = (s: string) => (s === "user" || s === "assistant" ? 1 : (calls.push(s), Math.ceil(Buffer.byteLength(s) / 4)));
    // 3 examples of 1 MB in a run said to be 150 MB: p ~ 0.007 each, so none is sampled, and the estimate was the
    // message overhead alone (33 tokens for 150 MB, seen on a real run)
    const big = (i: number) => qa("", "abcd".repeat(250_000 + i));
    const t = new TokenAnalysis({ countTokens: count, expectedBytes: 150 * 1024 * 1024 });
    for (let i = 0; i < 3; i++) t.add(big(i), loc(i + 1));
    const r = t.finish();
    expect(r.sampledRecords).toBe(0);
    expect(r.total).toBeGreaterThan(3 * 250_000);
    expect(r.total).toBeLessThan(3 * 250_000 + 100);
    // each is measured in 8 pieces of 2 Ki characters, which agree: a small bound
    expect(r.relativeError).toBeLessThan(0.01);
    expect(r.strata[0]).toMatchObject({ basis: "largest", measuredRecords: 3, sampledRecords: 0 });
    // only about 16 Ki characters of each were tokenized
    expect(calls.reduce((s, c) => s + c.length, 0)).toBeLessThanOrEqual(3 * (16 * 1024 + 8 * 64));

    // chunks: each fresh instance keeps its largest examples; the merge keeps the largest, with the same result
    const total = new TokenAnalysis({ countTokens: count });
    for (let i = 0; i < 3; i++) {
      const c = new TokenAnalysis({ expectedBytes: 150 * 1024 * 1024, seed: i, defer: true });
      c.add(big(i), loc(i + 1));
      total.merge(structuredClone(c.toPartial()));
    }
    expect(total.finish()).toEqual(r);

    // a tiny first file and a huge second one: each is measured, the huge one extrapolated at its own rate
    const mixed = new TokenAnalysis({ countTokens: (x) => (x === "user" || x === "assistant" ? 1 : x.startsWith("hi") ? x.length : Math.ceil(x.length / 8)) });
    const tiny = new TokenAnalysis({ expectedBytes: 150 * 1024 * 1024, defer: true });
    tiny.add(qa("hi", "hi"), loc(1));
    const huge = new TokenAnalysis({ expectedBytes: 150 * 1024 * 1024, seed: 1, defer: true });
    huge.add(qa("", "x".repeat(8_000_000)), loc(1));
    mixed.merge(structuredClone(tiny.toPartial()));
    mixed.merge(structuredClone(huge.toPartial()));
    const m = mixed.finish();
    expect(m.total).toBeGreaterThan(900_000);
    expect(m.total).toBeLessThan(1_100_000);
  });

  it("estimates totals from a sample with a stated error", () => {
    const count = (s: string) => Math.round(Buffer.byteLength(s) / 4);
    const convs = Array.from({ length: 400 }, (_, i) => qa("q".repeat(40 + (i % 7) * 4), "a".repeat(400 + (i % 13) * 40)));
    const exact = new TokenAnalysis({ countTokens: count, exact: true });
    const est = new TokenAnalysis({ countTokens: count, sampleBytes: 20_000 });
    convs.forEach((c, i) => {
      exact.add(c, loc(i + 1));
      est.add(c, loc(i + 1));
    });
    const a = exact.finish();
    const b = est.finish();
    expect(a.exact).toBe(true);
    expect(a.sampledRecords).toBe(400);
    expect(b.exact).toBe(false);
    expect(b.sampledRecords).toBeLessThan(200);
    expect(b.sampledRecords).toBeGreaterThan(30);
    expect(Math.abs(b.total - a.total) / a.total).toBeLessThan(0.01);
    expect(b.relativeError).toBeGreaterThanOrEqual(0);
    expect(b.relativeError).toBeLessThan(0.02);
    expect(b.quantilesExact).toBe(false);
    expect(Math.abs(b.p50 - a.p50)).toBeLessThan(3);
    // deterministic
    const again = new TokenAnalysis({ countTokens: count, sampleBytes: 20_000 });
    convs.forEach((c, i) => again.add(c, loc(i + 1)));
    expect(again.finish()).toEqual(b);
  });

  it("quantiles, histogram and cost", () => {
    const count = (s: string) => s.length; // 1 token per char
    const t = new TokenAnalysis({ countTokens: count, exact: true, pricePerMillion: 25, epochs: 2 });
    // user role = 4 chars, assistant = 9 chars: overhead 3 + (3+4) + (3+9) = 22, plus text length
    for (let i = 0; i < 100; i++) t.add(qa("", "x".repeat(i)), loc(i + 1));
    const r = t.finish();
    expect(r.total).toBe(100 * 22 + 4950);
    expect(r.assistantTokens).toBe(4950);
    expect(r.p5).toBe(26.95);
    expect(r.p50).toBe(71.5);
    expect(r.p95).toBe(116.05);
    expect(r.max).toBe(121);
    expect(r.histogram[0].count).toBe(100);
    expect(r.histogram.reduce((a, h) => a + h.count, 0)).toBe(100);
    expect(r.epochs).toBe(2);
    expect(r.epochsSource).toBe("option");
    expect(r.estimatedCost).toBe(Math.round(((2 * 7150 * 25) / 1e6) * 1e4) / 1e4);
  });

  it("model limits and epoch heuristic", () => {
    expect(modelTokenLimit("gpt-4o-mini-2024-07-18")).toBe(65_536);
    expect(modelTokenLimit("gpt-4.1-nano")).toBe(65_536);
    expect(modelTokenLimit("gpt-3.5-turbo-0125")).toBe(16_385);
    expect(modelTokenLimit("llama-3")).toBeUndefined();
    expect(new TokenAnalysis({ model: "gpt-4o" }).finish()).toMatchObject({ limit: 65_536, limitSource: "model" });
    expect(defaultEpochs(1)).toBe(25);
    expect(defaultEpochs(10)).toBe(10);
    expect(defaultEpochs(33)).toBe(4);
    expect(defaultEpochs(34)).toBe(3);
    expect(defaultEpochs(8333)).toBe(3);
    expect(defaultEpochs(8334)).toBe(2);
    expect(defaultEpochs(30_000)).toBe(1);
    const t = new TokenAnalysis({ countTokens: (s) => s.length, exact: true });
    t.add(qa("a", "b"), loc(1));
    expect(t.finish()).toMatchObject({ epochs: 25, epochsSource: "default" });
  });
});
