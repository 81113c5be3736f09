// MinHash densification: the first-probe table gives what probing gives; wide verification keys.
import { describe, expect, it } from "vitest";
import { BINS, ShingleHasher, sketch } from "../../src/engine/analysis/near-sketch.js";
import { fmix32, GrowableF64, GrowableU32 } from "../../src/engine/analysis/hash.js";
import type { Conversation } from "../../src/engine/model.js";

/** The densification by probing, as it was written before the first-probe table. */
function reference(shingles: Uint32Array, n: number): Uint32Array {
  const bins = new Uint32Array(BINS).fill(0xffffffff);
  const filled = new Uint8Array(BINS);
  for (let i = 0; i < n; i++) {
    const x = shingles[i];
    const b = x >>> 25;
    const v = fmix32(x ^ 0x5bd1e995);
    filled[b] = 1;
    if (v < bins[b]) bins[b] = v;
  }
  for (let i = 0; i < BINS; i++) {
    if (filled[i]) continue;
    let j = -1;
    for (let attempt = 1; attempt < 4096; attempt++) {
      const c = fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b)) & (BINS - 1);
      if (filled[c]) {
        j = c;
        break;
      }
    }
    if (j < 0) for (j = 0; !filled[j]; j++);
    bins[i] = bins[j];
  }
  return bins;
}

describe("sketch", () => {
  it("gives the probing result for every number of filled bins (sparse table and dense probing)", () => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    const bins = new Uint32Array(BINS);
    const filled = new Uint8Array(BINS);
    for (let trial = 0; trial < 3000; trial++) {
      const n = 1 + ((trial * 7) % 400);
      const sh = new Uint32Array(n);
      for (let i = 0; i < n; i++) sh[i] = next();
      sketch(sh, n, bins, filled);
      expect(bins).toEqual(reference(sh, n));
    }
  });
});

describe("wide shingles (verification keys)", () => {
  const conv = (text: string): Conversation => ({ messages: [{ role: "user", text, images: 0, toolCalls: 0 }], hasTools: false });
  it("one key per shingle, its top 32 bits the shingle hash", () => {
    const h = new ShingleHasher(5);
    for (const text of ["q1 a1", "one two three four five six seven", ""]) {
      const narrow = new GrowableU32(16);
      const n = h.shingles(conv(text), narrow);
      const again = new GrowableU32(16);
      const wide = new GrowableF64(16);
      expect(h.wideShingles(conv(text), again, wide)).toBe(n);
      expect(wide.length).toBe(n);
      for (let i = 0; i < n; i++) {
        expect(Math.floor(wide.data[i] / 0x200000)).toBe(narrow.data[i]);
        expect(Number.isSafeInteger(wide.data[i])).toBe(true);
      }
    }
  });
});
