// The per-record location store: 12 bytes per record in uint32 pages, files as runs, and offsets and lengths past
// 4 GiB kept exactly (a file of several GB).
import { describe, expect, it } from "vitest";
import { RecordStore } from "../../src/engine/analysis/record-store.js";
import { PAGE } from "../../src/engine/analysis/hash.js";
import { FeatureBatch } from "../../src/engine/analysis/duplicates.js";
import type { RecordLoc } from "../../src/engine/model.js";

describe("RecordStore", () => {
  it("gives back every location pushed, across pages, files and offsets past 4 GiB", () => {
    const store = new RecordStore();
    const locs: RecordLoc[] = [];
    const n = PAGE * 2 + 123;
    for (let i = 0; i < n; i++) {
      // files in runs (0, 1, 2, then 0 again: a run's file may repeat), offsets crossing 2^32 and 2^40 on the way
      const file = i < 1000 ? 0 : i < PAGE ? 1 : i < PAGE + 5 ? 2 : 0;
      const offset = i < PAGE ? i * 97 : 2 ** 32 - 50 + (i - PAGE) * 2 ** 24;
      const length = i === n - 1 ? 2 ** 32 + 7 : 90 + (i % 13);
      locs.push({ file, line: i + 1, offset, length });
    }
    for (const l of locs) expect(store.push(l)).toBe(store.count - 1);
    expect(store.count).toBe(n);
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) {
      const l = store.loc(i);
      const e = locs[i];
      if (l.file !== e.file || l.line !== e.line || l.offset !== e.offset || l.length !== e.length || store.file(i) !== e.file || store.line(i) !== e.line) wrong.push(i);
    }
    expect(wrong).toEqual([]);
    expect(store.loc(n - 1)).toEqual(locs[n - 1]);
  });
});

describe("FeatureBatch.recycle", () => {
  it("a batch made after a recycled partial holds exactly what is pushed to it, not the old contents", () => {
    const opts = { caseInsensitive: false, shingleSize: 5, near: true };
    const bands = (x: number) => Uint32Array.from({ length: 16 }, (_, b) => x * 31 + b);
    const f = (x: number, withBands: boolean) => ({ exact1: x, exact2: x + 1, hasAnswer: x % 2 === 0, prompt1: x + 2, prompt2: x + 3, answer1: x + 4, answer2: x + 5, bands: withBands ? bands(x) : null });
    const first = new FeatureBatch(opts);
    for (let i = 0; i < 5000; i++) first.push(f(i, true), { file: 0, line: i + 1, offset: i * 100, length: 99 });
    FeatureBatch.recycle(first.toPartial());
    const second = new FeatureBatch(opts);
    for (let i = 0; i < 3; i++) second.push(f(1e6 + i, i !== 1), { file: 1, line: i + 1, offset: i * 7, length: 6 });
    const p = second.toPartial();
    expect(p.n).toBe(3);
    expect(p.keys.length).toBe(18);
    expect(p.bands.length).toBe(32);
    const back = FeatureBatch.fromPartial(p);
    for (let i = 0; i < 3; i++) {
      expect(back.features(i)).toEqual(f(1e6 + i, i !== 1));
      expect(back.loc(i)).toEqual({ file: 1, line: i + 1, offset: i * 7, length: 6 });
    }
    FeatureBatch.recycle(null);
  });
});
