import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TokenAnalysis } from "../../src/engine/analysis/tokens.js";
import { KNOWN_ROLE_TOKENS } from "../../src/engine/analysis/example-text.js";
import type { TokenOptions } from "../../src/engine/analysis/token-options.js";
import type { TokenPartial } from "../../src/engine/analysis/token-partial.js";
import { STRATA, stratumOf } from "../../src/engine/analysis/token-strata.js";
import { loadCounter } from "../../src/engine/analysis/token-count.js";
import { mulberry32 } from "../../src/engine/analysis/stats.js";
import { fromJson, toJson } from "../../src/engine/shards.js";
import type { Finding } from "../../src/engine/model.js";
import { ROOT } from "../helpers/paths.js";
import type { Conversation, Message, RecordLoc } from "../../src/engine/model.js";

const msg = (role: string, text: string): Message => ({ role, text, images: 0, toolCalls: 0 });
const qa = (q: string, a: string): Conversation => ({ messages: [msg("user", q), msg("assistant", a)], hasTools: false });
const loc = (line: number): RecordLoc => ({ file: 0, line, offset: 0, length: 0 });
const words = (s: string) => (s.length === 0 ? 0 : s.split(/\s+/).filter(Boolean).length);

/** Varied conversations: lengths 1..~300 words, some long ones for limit checks. */
function corpus(n: number): Conversation[] {
  const out: Conversation[] = [];
  for (let i = 0; i < n; i++) {
    const q = Array.from({ length: 3 + (i % 11) }, (_, k) => `q${k}`).join(" ");
    const len = (i * 37) % 97 + (i % 50 === 7 ? 400 : 0);
    const a = Array.from({ length: len }, (_, k) => (k % 3 === 0 ? "wörd" : `w${k}`)).join(" ");
    out.push(qa(q, a));
  }
  return out;
}

/** Runs each chunk in a fresh instance (seed = chunk index), merges the partials in order into a fresh total. */
function chunked(convs: Conversation[], cuts: number[], opts: TokenOptions, clone = false) {
  const bounds = [0, ...cuts, convs.length];
  const partials: TokenPartial[] = [];
  for (let c = 0; c + 1 < bounds.length; c++) {
    const t = new TokenAnalysis({ ...opts, seed: c });
    for (let i = bounds[c]; i < bounds[c + 1]; i++) t.add(convs[i], loc(i + 1));
    partials.push(clone ? structuredClone(t.toPartial()) : t.toPartial());
  }
  // the same counter: finish() tokenizes the fallback text of strata with no sampled example
  const total = new TokenAnalysis({ ...opts });
  for (const p of partials) total.merge(p);
  return total.finish();
}

function single(convs: Conversation[], opts: TokenOptions) {
  const t = new TokenAnalysis({ ...opts, seed: 0 });
  convs.forEach((c, i) => t.add(c, loc(i + 1)));
  return t;
}

describe("TokenAnalysis partials", () => {
  const convs = corpus(1000);

  it("one chunk: fresh.merge(chunk.toPartial()).finish() deep-equals chunk.finish()", () => {
    const cases: TokenOptions[] = [
      { countTokens: words, exact: true, maxTokens: 300, pricePerMillion: 3 },
      { countTokens: words, sampleBytes: 20_000, maxTokens: 300 },
      { countTokens: words, sampleBytes: 20_000, expectedBytes: 400_000 },
      { countTokens: words, sampleBytes: 20_000, quantileCap: 100 }, // reservoir in the chunk
      { countTokens: words, sampleBytes: 0, maxTokens: 200 },
    ];
    for (const opts of cases) {
      const chunk = single(convs, opts);
      // the same counter: with nothing sampled (sampleBytes 0) finish() tokenizes the fallback text
      const fresh = new TokenAnalysis({ ...opts });
      fresh.merge(structuredClone(chunk.toPartial()));
      const a = fresh.finish();
      const b = chunk.finish();
      expect(a).toEqual(b);
      expect(b.exact).toBe(opts.exact === true);
    }
  });

  it("exact runs: several chunks give the one-chunk result", () => {
    const opts: TokenOptions = { countTokens: words, exact: true, maxTokens: 300, pricePerMillion: 2.5 };
    const one = single(convs, opts).finish();
    expect(one.tooLong).toBeGreaterThan(0);
    expect(one.quantilesExact).toBe(true);
    expect(chunked(convs, [1, 333, 334, 700], opts)).toEqual(one);
    expect(chunked(convs, [500], opts, true)).toEqual(one);
    expect(chunked(convs, [0, 0, 1000], opts)).toEqual(one); // empty chunks are harmless
  });

  it("exact runs past the quantile cap: totals identical, quantiles from a deterministic thinned sample", () => {
    const opts: TokenOptions = { countTokens: words, exact: true, quantileCap: 200 };
    const one = single(convs, opts).finish();
    const a = chunked(convs, [150, 420, 800], opts);
    const b = chunked(convs, [150, 420, 800], opts, true);
    expect(a).toEqual(b);
    expect(a.quantilesExact).toBe(false);
    expect(one.quantilesExact).toBe(false);
    for (const k of ["examples", "total", "assistantTokens", "mean", "max", "billedTokens", "tokenizedRecords", "exact", "tokensPerByte"] as const) {
      expect(a[k]).toEqual(one[k]);
    }
    expect(a.histogram.reduce((s, h) => s + h.count, 0)).toBeGreaterThan(990);
    // the fully exact reference
    const ref = single(convs, { countTokens: words, exact: true }).finish();
    expect(Math.abs(a.p50 - ref.p50)).toBeLessThan(ref.p50 * 0.1);
    expect(Math.abs(a.p95 - ref.p95)).toBeLessThan(ref.p95 * 0.1);
  });

  it("sampled runs: merged result is deterministic and close to exact", () => {
    const opts: TokenOptions = { countTokens: words, sampleBytes: 30_000, expectedBytes: 600_000, maxTokens: 300 };
    const a = chunked(convs, [250, 500, 750], opts);
    const b = chunked(convs, [250, 500, 750], opts, true);
    expect(a).toEqual(b);
    const ref = single(convs, { ...opts, exact: true }).finish();
    expect(a.exact).toBe(false);
    expect(a.examples).toBe(1000);
    expect(a.tooLong).toBe(ref.tooLong); // limit checks are exact in every chunk
    expect(Math.abs(a.total - ref.total) / ref.total).toBeLessThan(0.05);
    expect(a.relativeError).toBeGreaterThan(0);
    // seeds differ per chunk: a different chunking samples different examples
    const c = chunked(convs, [100, 900], opts);
    expect(c.examples).toBe(1000);
  });

  it("seed changes the sample; default seed is seed 0", () => {
    const opts: TokenOptions = { countTokens: words, sampleBytes: 20_000, expectedBytes: 400_000 };
    const d = new TokenAnalysis(opts);
    convs.forEach((c, i) => d.add(c, loc(i + 1)));
    expect(d.finish()).toEqual(single(convs, opts).finish());
    const s1 = new TokenAnalysis({ ...opts, seed: 1 });
    convs.forEach((c, i) => s1.add(c, loc(i + 1)));
    expect(s1.toPartial().sT).not.toEqual(single(convs, opts).toPartial().sT);
  });

  it("partials are plain data that survive structuredClone", () => {
    const t = single(convs.slice(0, 50), { countTokens: words, sampleBytes: 500 });
    const p = t.toPartial();
    const q = structuredClone(p);
    expect(q).toEqual(p);
    expect(q.qExact).toBeInstanceOf(Int32Array);
    expect(q.qExact.length).toBe(50);
    for (const v of Object.values(p)) {
      expect(typeof v === "number" || typeof v === "string" || v === null || ArrayBuffer.isView(v) || Array.isArray(v)).toBe(true);
    }
    // the partial is a copy: later adds do not change it
    t.add(convs[60], loc(61));
    expect(p.examples).toBe(50);
  });

  it("merge does not change `last` and rejects incompatible partials", () => {
    const t = new TokenAnalysis({ countTokens: words, exact: true });
    t.add(qa("a b", "c d e"), loc(1));
    const last = { ...t.last };
    const other = single(convs.slice(0, 10), { countTokens: words, exact: true });
    t.merge(other.toPartial());
    expect(t.last).toEqual(last);
    expect(t.finish().examples).toBe(11);
    expect(() => new TokenAnalysis({ countTokens: words, maxTokens: 10 }).merge(other.toPartial())).toThrow(/limit/);
    expect(() => new TokenAnalysis({ countTokens: words, encoding: "cl100k_base" }).merge(other.toPartial())).toThrow(/encoding/);
  });

  it("real o200k counter: chunks merged equal the one-chunk run", async () => {
    const countTokens = await loadCounter("o200k_base");
    const texts = ["hello world", "Grüße aus Köln! 🚀", "def f(x):\n    return x * 2", "", "The quick brown fox jumps over the lazy dog."];
    const small = texts.flatMap((q, i) => texts.map((a, j) => qa(q, `${a} ${i}-${j}`)));
    const opts: TokenOptions = { countTokens, exact: true, model: "gpt-4o-mini" };
    const one = single(small, opts).finish();
    expect(one.total).toBeGreaterThan(small.length * 15);
    expect(chunked(small, [3, 11, 20], opts, true)).toEqual(one);
    const sampled: TokenOptions = { countTokens, sampleBytes: 100, expectedBytes: 600 };
    const chunk = single(small, sampled);
    const fresh = new TokenAnalysis({ ...sampled });
    fresh.merge(structuredClone(chunk.toPartial()));
    expect(fresh.finish()).toEqual(chunk.finish());
  });
});

describe("TokenAnalysis in chunk mode (defer: true): chunks never tokenize, the merge does", () => {
  const convs = corpus(1000);
  // a few examples with a role outside KNOWN_ROLE_TOKENS (its overhead needs the vocabulary)
  convs[17] = { messages: [msg("narrator", "once upon a time"), ...convs[17].messages], hasTools: false };
  convs[600] = { messages: [...convs[600].messages, msg("critic", "too long by far")], hasTools: false };
  const unknownRoleTokens = (s: string) => (s === "narrator" ? 2 : s === "critic" ? 3 : words(s));

  /** `own`: the chunks that tokenize their pending examples themselves (resolveOwnPending) before handing over. */
  function deferred(cuts: number[], opts: TokenOptions, own: number[] = []) {
    const bounds = [0, ...cuts, convs.length];
    const total = new TokenAnalysis({ ...opts, countTokens: unknownRoleTokens });
    const findings: Finding[] = [];
    for (let c = 0; c + 1 < bounds.length; c++) {
      const t = new TokenAnalysis({ ...opts, countTokens: () => { throw new Error("a chunk tokenized"); }, seed: c, defer: true });
      for (let i = bounds[c]; i < bounds[c + 1]; i++) expect(t.add(convs[i], loc(i + 1 - bounds[c]))).toEqual([]);
      if (own.includes(c)) {
        expect(t.pendingBytes).toBeGreaterThan(0);
        findings.push(...t.resolveOwnPending(unknownRoleTokens).findings.map((f) => ({ ...f, line: f.line + bounds[c] })));
        expect(t.pendingBytes).toBe(0);
      }
      const r = total.merge(structuredClone(t.toPartial()));
      findings.push(...r.findings.map((f) => ({ ...f, line: f.line + bounds[c] })));
    }
    return { result: total.finish(), findings };
  }
  function direct(cuts: number[], opts: TokenOptions) {
    const bounds = [0, ...cuts, convs.length];
    const total = new TokenAnalysis({ ...opts, countTokens: unknownRoleTokens });
    const findings: Finding[] = [];
    for (let c = 0; c + 1 < bounds.length; c++) {
      const t = new TokenAnalysis({ ...opts, countTokens: unknownRoleTokens, seed: c });
      for (let i = bounds[c]; i < bounds[c + 1]; i++) findings.push(...t.add(convs[i], loc(i + 1)));
      total.merge(t.toPartial());
    }
    return { result: total.finish(), findings };
  }

  it("gives the same result and too-long findings as tokenizing in the chunks", () => {
    const cases: TokenOptions[] = [
      { exact: true, maxTokens: 300, pricePerMillion: 3 },
      { sampleBytes: 20_000, maxTokens: 300 },
      { sampleBytes: 20_000, expectedBytes: 400_000 },
      { sampleBytes: 20_000, quantileCap: 100 }, // reservoir in the chunks
      { sampleBytes: 0, maxTokens: 200 },
    ];
    for (const opts of cases) {
      for (const cuts of [[], [333, 700]]) {
        const a = deferred(cuts, opts);
        const b = direct(cuts, opts);
        expect(a.result).toEqual(b.result);
        expect(a.findings).toEqual(b.findings);
        // a chunk that tokenizes its own pending examples gives the same figures
        const c = deferred(cuts, opts, [0, cuts.length]);
        expect(c.result).toEqual(b.result);
        expect(c.findings).toEqual(b.findings);
      }
    }
    expect(direct([], { maxTokens: 200, sampleBytes: 0 }).findings.length).toBeGreaterThan(0);
  });

  it("finish() on an instance with pending examples throws (they need a vocabulary)", () => {
    const t = new TokenAnalysis({ defer: true, exact: true });
    t.add(convs[0], loc(1));
    expect(() => t.finish()).toThrow(/deferred/);
  });

  it("KNOWN_ROLE_TOKENS match both vocabularies", async () => {
    for (const enc of ["o200k_base", "cl100k_base"] as const) {
      const count = await loadCounter(enc);
      for (const [role, n] of Object.entries(KNOWN_ROLE_TOKENS)) expect(count(role), `${enc} ${role}`).toBe(n);
    }
  });
});

describe("TokenAnalysis strata in partials (chunked, deferred, sharded runs)", () => {
  const PARAGRAPHS = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "scripts", "paragraphs.json"), "utf8")) as Record<string, string>;
  /** Examples in 5 strata: ASCII, Latin, mixed, two-byte and three-byte scripts, in seeded order and lengths; one
   * long combining-marks example (the only one of its stratum) at `outlierAt`. */
  function mixed(n: number, outlierAt: number): Conversation[] {
    const rnd = mulberry32(11);
    const keys = ["en", "code", "fr", "de", "pl", "vi", "emoji", "ru", "el", "ar", "ja", "hi"];
    const out: Conversation[] = [];
    for (let i = 0; i < n; i++) {
      const k = keys[Math.floor(rnd() * keys.length)];
      const text = PARAGRAPHS[k].slice(0, 50 + Math.floor(rnd() * 400));
      out.push(qa(`${k} ${i}`, text));
    }
    out[outlierAt] = qa("accents", "a\u0301 ".repeat(20_000));
    return out;
  }
  // characters, not words: scripts without spaces get a different ratio; the outlier's ratio is 8x the others'.
  // Role names are one token, as in the real vocabularies (chunks assume so: KNOWN_ROLE_TOKENS).
  const chars = (s: string) => (s === "user" || s === "assistant" ? 1 : s.includes("\u0301") ? 2 * s.length : Math.ceil(s.length / 4));
  const convs = mixed(1200, 700);
  const bytes = convs.reduce((s, c) => s + c.messages.reduce((t, m) => t + Buffer.byteLength(m.text), 0), 0);
  const cases: TokenOptions[] = [
    { countTokens: chars, sampleBytes: 20_000, expectedBytes: bytes }, // the outlier is not drawn: fallback
    { countTokens: chars, sampleBytes: 20_000 },
    { countTokens: chars, sampleBytes: 60_000, expectedBytes: bytes, maxTokens: 90, quantileCap: 300 },
    { countTokens: chars, sampleBytes: 0 }, // nothing drawn: every stratum from its fallback text
    { countTokens: chars, exact: true },
  ];

  it("the test data spans every stratum; the outlier, unsampled, is measured apart from its stratum's sample", () => {
    const seen = new Set(convs.map((c) => stratumOf(c.messages.reduce((t, m) => t + Buffer.byteLength(m.text), 0), c.messages.reduce((t, m) => t + m.text.length, 0))));
    expect(seen.size).toBe(STRATA);
    const r = single(convs, cases[0]).finish();
    expect(r.strata.map((x) => x.basis)).toEqual(["sample", "sample", "sample", "sample", "sample"]);
    expect(r.strata.map((x) => x.measuredRecords)).toEqual([4, 4, 4, 4, 4]);
    expect(r.strata[2].sampledRecords).toBeGreaterThan(0);
    // the outlier (80 KB of "á " at 2 tokens per 4 bytes) is most of the mixed stratum's estimated bytes
    expect(r.strata[2].tokensPerByte).toBeGreaterThan(0.4);
    const none = single(convs, cases[3]).finish();
    expect(none.sampledRecords).toBe(0);
    expect(none.strata.map((x) => x.basis)).toEqual(["largest", "largest", "largest", "largest", "largest"]);
  });

  it("one chunk: fresh.merge(chunk.toPartial()).finish() deep-equals chunk.finish(), also through the shards' JSON", () => {
    for (const opts of cases) {
      const chunk = single(convs, opts);
      const b = chunk.finish();
      const fresh = new TokenAnalysis({ ...opts });
      fresh.merge(structuredClone(chunk.toPartial()));
      expect(fresh.finish()).toEqual(b);
      const viaJson = new TokenAnalysis({ ...opts });
      viaJson.merge(fromJson<TokenPartial>(toJson(chunk.toPartial())));
      expect(viaJson.finish()).toEqual(b);
    }
  });

  it("chunked: deterministic for a chunk order, deferred chunks equal tokenizing ones, JSON partials equal clones", () => {
    for (const opts of cases) {
      const cuts = [300, 650, 701, 1000]; // the outlier alone in a chunk
      const bounds = [0, ...cuts, convs.length];
      const partials = (defer: boolean) =>
        bounds.slice(1).map((end, c) => {
          const t = new TokenAnalysis({ ...opts, seed: c, defer, countTokens: defer ? undefined : opts.countTokens });
          for (let i = bounds[c]; i < end; i++) t.add(convs[i], loc(i + 1 - bounds[c]));
          return t.toPartial();
        });
      const merged = (ps: TokenPartial[]) => {
        const total = new TokenAnalysis({ ...opts });
        for (const p of ps) total.merge(p);
        return total.finish();
      };
      const direct = merged(partials(false).map((p) => structuredClone(p)));
      expect(merged(partials(false))).toEqual(direct);
      expect(merged(partials(true).map((p) => structuredClone(p)))).toEqual(direct);
      expect(merged(partials(true).map((p) => fromJson<TokenPartial>(toJson(p))))).toEqual(direct);
      expect(direct.examples).toBe(convs.length);
      expect(direct.strata.reduce((s, x) => s + x.bytes, 0)).toBe(bytes);
    }
  });

  it("per-file figures: exact tokens + estimateOf(overhead, bytes per stratum) of every example add up to the total", () => {
    for (const opts of cases) {
      const t = new TokenAnalysis({ ...opts });
      let exact = 0;
      let overhead = 0;
      const perStratum = new Array<number>(STRATA).fill(0);
      convs.forEach((c, i) => {
        t.add(c, loc(i + 1));
        if (t.last.exact >= 0) exact += t.last.exact;
        else {
          overhead += t.last.overhead;
          perStratum[t.last.stratum] += t.last.bytes;
        }
      });
      const r = t.finish();
      expect(Math.abs(exact + t.estimateOf(overhead, perStratum) - r.total)).toBeLessThanOrEqual(0.5);
    }
  });

  it("the estimate is within its bound of the exact total in at least 18 of 20 seeds (with and without a limit)", () => {
    const exact = single(convs, { countTokens: chars, exact: true }).finish().total;
    for (const opts of [cases[0], cases[2]]) {
      let inside = 0;
      for (let seed = 0; seed < 20; seed++) {
        const t = new TokenAnalysis({ ...opts, seed });
        convs.forEach((c, i) => t.add(c, loc(i + 1)));
        const r = t.finish();
        if (Math.abs(r.total - exact) <= r.relativeError * r.total) inside++;
      }
      expect(inside, JSON.stringify(opts)).toBeGreaterThanOrEqual(18);
    }
  });
});
