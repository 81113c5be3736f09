// Chunked runs of the diversity and composition analyses: a chunk's partial merged into a fresh instance
// finishes exactly like the chunk itself; partials survive structuredClone; splitting the same records into
// several chunks is deterministic and close to the one-chunk result.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Conversation } from "../../src/engine/model.js";
import { DiversityAnalysis, type DiversityOptions } from "../../src/engine/analysis/diversity.js";
import type { DiversityResult } from "../../src/engine/analysis/diversity-result.js";
import { CompositionAnalysis, type CompositionResult } from "../../src/engine/analysis/composition.js";
import { DistinctCounter, HyperLogLog } from "../../src/engine/analysis/ngram-sketch.js";
import { QuantileSketch, TopK } from "../../src/engine/analysis/stats.js";

import { GEN } from "../helpers/paths.js";
let records: Conversation[] = [];

function toConv(line: string): Conversation | null {
  let rec: { messages?: Array<{ role?: unknown; content?: unknown }> };
  try {
    rec = JSON.parse(line) as typeof rec;
  } catch {
    return null;
  }
  if (!Array.isArray(rec?.messages) || rec.messages.length === 0) return null;
  const messages = [];
  for (const m of rec.messages) {
    if (typeof m?.role !== "string" || typeof m.content !== "string") return null;
    messages.push({ role: m.role, text: m.content, images: 0, toolCalls: 0 });
  }
  return { messages, hasTools: false };
}

beforeAll(() => {
  const out = path.join(os.tmpdir(), `merge-quality-${process.pid}.jsonl`);
  execFileSync(process.execPath, [GEN, "--examples", "2000", "--out", out, "--seed", "4"]);
  records = fs
    .readFileSync(out, "utf8")
    .split("\n")
    .map(toConv)
    .filter((c): c is Conversation => c !== null);
  fs.rmSync(out, { force: true });
});

/** Splits `recs` into `n` contiguous chunks (sizes as equal as possible). */
function split<T>(recs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < n; i++) out.push(recs.slice(Math.floor((i * recs.length) / n), Math.floor(((i + 1) * recs.length) / n)));
  return out;
}

function divChunked(recs: Conversation[], n: number, opts: DiversityOptions = {}, clone = true): DiversityResult {
  const total = new DiversityAnalysis(opts);
  for (const chunk of split(recs, n)) {
    const d = new DiversityAnalysis(opts);
    for (const c of chunk) d.add(c);
    total.merge(clone ? structuredClone(d.toPartial()) : d.toPartial());
  }
  return total.finish();
}

function compChunked(recs: Conversation[], n: number): CompositionResult {
  const total = new CompositionAnalysis();
  for (const chunk of split(recs, n)) {
    const c = new CompositionAnalysis();
    for (const r of chunk) c.add(r);
    total.merge(structuredClone(c.toPartial()));
  }
  return total.finish();
}

describe("one chunk: merge into a fresh instance == the chunk itself", () => {
  const variants: Array<[string, DiversityOptions]> = [
    ["defaults", {}],
    ["HLL, sampled compression, small windows", { exactCap: 2_000, compressionSampleBytes: 50_000, windowSize: 777 }],
    ["only a short window", { windowSize: 10_000_000 }],
  ];
  for (const [name, opts] of variants) {
    it(`diversity (${name})`, () => {
      const d = new DiversityAnalysis(opts);
      for (const c of records) d.add(c);
      const p = d.toPartial();
      const direct = d.finish();
      const total = new DiversityAnalysis(opts);
      total.merge(structuredClone(p));
      expect(total.finish()).toEqual(direct);
      // toPartial/finish do not disturb the chunk
      expect(d.finish()).toEqual(direct);
      if (opts.exactCap) expect(direct.distinct2.method).toBe("hll");
      if (opts.compressionSampleBytes) expect(direct.compression.sampled).toBe(true);
    });
  }
  it("composition", () => {
    const c = new CompositionAnalysis();
    for (const r of records) c.add(r);
    const total = new CompositionAnalysis();
    total.merge(structuredClone(c.toPartial()));
    expect(total.finish()).toEqual(c.finish());
  });
  it("partials are plain data (JSON-compatible apart from typed arrays and ±Infinity)", () => {
    const d = new DiversityAnalysis();
    const c = new CompositionAnalysis();
    for (const r of records.slice(0, 50)) {
      d.add(r);
      c.add(r);
    }
    for (const p of [d.toPartial(), c.toPartial()]) expect(structuredClone(p)).toEqual(p);
  });
});

describe("several chunks", () => {
  it("diversity: deterministic, countable figures identical, windowed distinct-2 within 0.05", () => {
    const one = divChunked(records, 1);
    for (const n of [2, 5]) {
      const a = divChunked(records, n);
      const b = divChunked(records, n, {}, false);
      expect(a).toEqual(b);
      for (const k of ["records", "assistantMessages", "assistantWords", "distinct1", "distinct2", "distinct3",
        "openings", "boilerplate", "systemPrompts", "userPrompts", "lengthUniqueness", "turnBalance"] as const) {
        expect(a[k], k).toEqual(one[k]);
      }
      expect(a.compression.totalBytes).toBe(one.compression.totalBytes);
      expect(a.compression.sampleBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(Math.abs(a.windowedDistinct2.mean! - one.windowedDistinct2.mean!)).toBeLessThan(0.05);
      expect(a.windowedDistinct2.windows).toBeGreaterThanOrEqual(one.windowedDistinct2.windows - n);
    }
  });
  it("diversity with HLL and a sampled compression: distinct-n still identical (union of sketches)", () => {
    const opts = { exactCap: 2_000, compressionSampleBytes: 50_000, windowSize: 777 };
    const one = divChunked(records, 1, opts);
    const five = divChunked(records, 5, opts);
    expect(divChunked(records, 5, opts)).toEqual(five);
    for (const k of ["distinct1", "distinct2", "distinct3", "userPrompts", "systemPrompts"] as const) expect(five[k], k).toEqual(one[k]);
    expect(five.distinct3.method).toBe("hll");
    expect(five.compression.sampled).toBe(true);
    expect(five.compression.sampleBytes).toBeLessThanOrEqual(50_000);
    expect(Math.abs(five.compression.ratio - one.compression.ratio)).toBeLessThan(0.1 * one.compression.ratio);
  });
  it("composition: identical for 1, 2 and 5 chunks", () => {
    const one = compChunked(records, 1);
    const direct = new CompositionAnalysis();
    for (const r of records) direct.add(r);
    expect(one).toEqual(direct.finish());
    expect(compChunked(records, 2)).toEqual(one);
    expect(compChunked(records, 5)).toEqual(one);
  });
  it("add() after merge() throws", () => {
    const d = new DiversityAnalysis();
    d.merge(new DiversityAnalysis().toPartial());
    expect(() => d.add(records[0])).toThrow();
    const c = new CompositionAnalysis();
    c.merge(new CompositionAnalysis().toPartial());
    expect(() => c.add(records[0])).toThrow();
  });
});

const qa = (a: string): Conversation => ({
  messages: [
    { role: "user", text: "q", images: 0, toolCalls: 0 },
    { role: "assistant", text: a, images: 0, toolCalls: 0 },
  ],
  hasTools: false,
});

describe("windowed distinct-2 across chunk boundaries", () => {
  function chunks(texts: string[][], windowSize: number): DiversityResult {
    const total = new DiversityAnalysis({ windowSize });
    for (const t of texts) {
      const d = new DiversityAnalysis({ windowSize });
      for (const x of t) d.add(qa(x));
      total.merge(d.toPartial());
    }
    return total.finish();
  }
  it("windows restart at each chunk; a trailing window >= half a window counts", () => {
    // window 4: chunk 1 "a b a b a b" -> [a b a b] 2/3 + tail [a b] (2 words >= 2) 1/1; chunk 2 "c d c" -> tail 3 words 2/2
    const r = chunks([["a b a b a b"], ["c d c"]], 4);
    expect(r.windowedDistinct2).toMatchObject({ windows: 3, min: 0.6667, max: 1 });
  });
  it("short tails are dropped when some window counts", () => {
    const r = chunks([["a b a b a b a b"], ["c"]], 8);
    expect(r.windowedDistinct2).toMatchObject({ windows: 1, mean: 0.2857 });
  });
  it("no counted window: the largest short tail (earliest on ties) is the only window", () => {
    // window 100: tails of 3, 5, 5 words
    const r = chunks([["a b a"], ["x y x y x"], ["p q r s t"]], 100);
    expect(r.windowedDistinct2).toEqual({ mean: 0.5, min: 0.5, max: 0.5, windowSize: 100, windows: 1 });
  });
  it("no bigram anywhere: null", () => {
    const r = chunks([["a"], ["b"]], 100);
    expect(r.windowedDistinct2.mean).toBeNull();
  });
});

describe("sketch partials", () => {
  const pair = (i: number): [number, number] => [Math.imul(i + 1, 0x9e3779b1) >>> 0, Math.imul(i + 7, 0x85ebca6b) >>> 0];
  it("DistinctCounter: exact + exact, switch past the cap, exact + HLL, HLL + HLL all equal the one-pass count", () => {
    const one = new DistinctCounter(1000);
    for (let i = 0; i < 3000; i++) one.add(...pair(i % 2500));
    const parts = [0, 1, 2].map((k) => {
      const c = new DistinctCounter(1000);
      // chunk 0: 900 items (exact), chunk 1: 1500 items (HLL), chunk 2: 600 items overlapping (exact)
      const [from, to] = [[0, 900], [900, 2400], [1900, 2500]][k];
      for (let i = from; i < to; i++) c.add(...pair(i));
      return structuredClone(c.toPartial());
    });
    expect(parts[0].pairs).toBeDefined();
    expect(parts[1].registers).toBeDefined();
    for (const order of [[0, 1, 2], [0, 2, 1], [1, 0, 2]]) {
      const m = new DistinctCounter(1000);
      for (const k of order) m.merge(parts[k]);
      expect(m.method).toBe("hll");
      expect(m.estimate()).toBe(one.estimate());
    }
    const exactOnly = new DistinctCounter(1000);
    exactOnly.merge(parts[0]);
    exactOnly.merge(parts[2]);
    const same = new DistinctCounter(1000);
    for (let i = 0; i < 900; i++) same.add(...pair(i));
    for (let i = 1900; i < 2500; i++) same.add(...pair(i));
    expect([exactOnly.method, exactOnly.estimate()]).toEqual(["hll", same.estimate()]);
    expect(Math.abs(exactOnly.estimate() - 1500)).toBeLessThan(150);
    const under = new DistinctCounter(2000);
    under.merge(parts[0]);
    under.merge(parts[2]);
    expect([under.method, under.estimate()]).toEqual(["exact", 1500]);
  });
  it("HyperLogLog.merge is the register max", () => {
    const a = new HyperLogLog(10);
    const b = new HyperLogLog(10);
    const u = new HyperLogLog(10);
    for (let i = 0; i < 5000; i++) {
      (i % 3 ? a : b).add(...pair(i));
      u.add(...pair(i));
    }
    a.merge(b.registers);
    expect(a.registers).toEqual(u.registers);
  });
  it("TopK: exact merge under the cap, Misra-Gries prune above it", () => {
    const a = new TopK<string>(3);
    const b = new TopK<string>(3);
    for (const k of ["x", "x", "y"]) a.add(k, "a:" + k);
    for (const k of ["x", "z", "z"]) b.add(k, "b:" + k);
    const m = new TopK<string>(3);
    m.merge(structuredClone(a.toPartial()));
    m.merge(structuredClone(b.toPartial()));
    expect(m.top(5)).toEqual([
      { key: "x", count: 3, payload: "a:x" },
      { key: "z", count: 2, payload: "b:z" },
      { key: "y", count: 1, payload: "a:y" },
    ]);
    expect(m.exact).toBe(true);
    const c = new TopK<string>(3);
    c.add("w");
    m.merge(c.toPartial()); // 4 keys > cap 3: subtract the 4th largest count (1)
    expect(m.top(5).map((e) => [e.key, e.count])).toEqual([["x", 2], ["z", 1]]);
    expect([m.exact, m.maxError, m.total]).toEqual([false, 1, 7]);
  });
  it("QuantileSketch: concatenation under the cap, proportional systematic thinning above it", () => {
    const a = new QuantileSketch(100);
    const b = new QuantileSketch(100);
    for (let i = 0; i < 60; i++) a.add(i);
    for (let i = 60; i < 90; i++) b.add(i);
    const m = new QuantileSketch(100);
    m.merge(structuredClone(a.toPartial()));
    m.merge(structuredClone(b.toPartial()));
    const one = new QuantileSketch(100);
    for (let i = 0; i < 90; i++) one.add(i);
    expect(m.summary()).toEqual(one.summary());
    const c = new QuantileSketch(100);
    for (let i = 90; i < 390; i++) c.add(i); // reservoir of 100 out of 300
    m.merge(c.toPartial());
    expect(m.count).toBe(390);
    expect([m.min, m.max, m.mean]).toEqual([0, 389, 194.5]);
    expect(m.exact).toBe(false);
    const s = m.sorted();
    expect(s.length).toBe(100);
    expect(s.filter((v) => v < 90).length).toBe(23); // round(100 * 90 / 390)
    expect(Math.abs(m.quantile(0.5) - 194.5)).toBeLessThan(40);
  });
});

describe("compression sample: chunks keep their share of the budget", () => {
  it("chunks sampling with compressionBudget(share) merge into the same compression figures as chunks with the whole budget", async () => {
    const { compressionBudget } = await import("../../src/engine/analysis/chunk-analysis.js");
    expect(compressionBudget(100, 100)).toBe(4 * 1024 * 1024);
    expect(compressionBudget(32 << 20, 272 << 20)).toBe(Math.round((4 * 1024 * 1024 * 32) / 272));
    expect(compressionBudget(1, 1e9)).toBe(64 * 1024);
    const budget = 200_000; // small, so that the records (~2 MB of assistant text) are sampled
    for (const n of [2, 5, 9]) {
      const whole = divChunked(records, n, { compressionSampleBytes: budget });
      const total = new DiversityAnalysis({ compressionSampleBytes: budget });
      for (const chunk of split(records, n)) {
        const d = new DiversityAnalysis({ compressionSampleBytes: Math.round(budget / n) });
        for (const c of chunk) d.add(c);
        total.merge(structuredClone(d.toPartial()));
      }
      const shared = total.finish();
      expect(shared.compression.sampled).toBe(true);
      expect(shared.compression).toEqual(whole.compression);
    }
  });
});

describe("compression sample: many chunks whose first messages alone exceed the budget", () => {
  // A folder of small files is many chunks; each keeps its first message (index 0), which no sampling step removes.
  // This looped forever before: found with two files whose first answers held 4 MB + 1 kB.
  const texts = Array.from({ length: 60 }, (_, i) => `answer ${i} `.repeat(40 + ((i * 7) % 13)) + (i % 10 === 3 ? "" : `#${i}`));
  texts[13] = texts[3]; // identical texts share a hash: kept or dropped together
  texts[23] = texts[3];
  const partial = (group: string[]) => {
    const d = new DiversityAnalysis({ compressionSampleBytes: 3_000 });
    for (const t of group) d.add(qa(t));
    return structuredClone(d.toPartial());
  };
  const singles = texts.map((t) => partial([t]));

  it("terminates, keeps at most the budget, and gives the same sample for every grouping of the merges", () => {
    const flat = new DiversityAnalysis({ compressionSampleBytes: 3_000 });
    for (const p of singles) flat.merge(p);
    const one = flat.finish().compression;
    expect(one.sampled).toBe(true);
    expect(one.sampleBytes).toBeLessThanOrEqual(3_000);
    expect(one.sampleBytes).toBeGreaterThan(1_500);
    expect(one.sampleEvery).toBeGreaterThan(1);
    expect(one.totalBytes).toBe(texts.reduce((s, t) => s + Buffer.byteLength(t) + 1, 0));

    // shards: groups of chunks merged first, then the groups merged in order
    for (const size of [2, 7, 30]) {
      const total = new DiversityAnalysis({ compressionSampleBytes: 3_000 });
      for (let i = 0; i < singles.length; i += size) {
        const shard = new DiversityAnalysis({ compressionSampleBytes: 3_000 });
        for (const p of singles.slice(i, i + size)) shard.merge(structuredClone(p));
        total.merge(structuredClone(shard.toPartial()));
      }
      expect(total.finish().compression).toEqual(one);
    }
  });

  it("two files whose first answers together pass a 4 MiB budget finish", () => {
    const total = new DiversityAnalysis();
    total.merge(partial(["x".repeat(4 * 1024 * 1024)]));
    total.merge(partial(["y".repeat(1024)]));
    const c = total.finish().compression;
    expect(c.sampleBytes).toBeGreaterThan(0);
    expect(c.sampled).toBe(true);
  });

  it("chunks with later messages as well: only first messages survive, and the result still does not depend on grouping", () => {
    const chunks = Array.from({ length: 40 }, (_, i) => texts.slice(i % 20, (i % 20) + 3));
    const parts = chunks.map(partial);
    const flat = new DiversityAnalysis({ compressionSampleBytes: 3_000 });
    for (const p of parts) flat.merge(structuredClone(p));
    const one = flat.finish().compression;
    const total = new DiversityAnalysis({ compressionSampleBytes: 3_000 });
    for (let i = 0; i < parts.length; i += 9) {
      const shard = new DiversityAnalysis({ compressionSampleBytes: 3_000 });
      for (const p of parts.slice(i, i + 9)) shard.merge(structuredClone(p));
      total.merge(structuredClone(shard.toPartial()));
    }
    expect(total.finish().compression).toEqual(one);
    expect(one.sampleBytes).toBeLessThanOrEqual(3_000);
  });
});
