// Distinct n-grams and windowed distinct-2 of the assistant word stream (diversity.ts feeds it each message's word
// hashes from text-scan.ts; words and the rest of the figures: diversity.ts's header).
//  - distinct-n (n = 1, 2, 3): distinct n-grams / total n-grams. Distinct counts are exact (64-bit hash pairs)
//    up to `exactCap` (65,536) distinct n-grams, then HyperLogLog p=14 (relative std. error ~0.81%);
//    `method` says which (`hllFromStart`: HyperLogLog from the first word; the engine sets it for runs over 32 MiB).
//    Totals are always exact.
//  - windowed distinct-2: the assistant word stream of each chunk is cut into consecutive windows of
//    `windowSize` (10,000) words (windows restart at every chunk boundary); mean over counted windows of distinct
//    bigrams / bigrams inside the window (bigrams compared by 32-bit hash: about one collision per 100 windows,
//    a 1e-4 change in that window's value). A full window counts when it holds a bigram. A chunk's trailing partial
//    window counts (when it holds a bigram) only if it holds >= half a window; otherwise it is remembered as a
//    "short tail". If the whole run has no counted window, the largest short tail (most words; the earliest
//    chunk's on ties) is counted as the only window when it holds a bigram. With a single chunk this is the
//    classic rule: the last partial window counts if it holds >= half a window or it is the only window.
// Chunked runs: distinct-n sets are united (ngram-sketch.ts DistinctCounter.merge: exact sets insert all items,
// switching to HyperLogLog past `exactCap`; HLL + HLL = register max; exact + HLL = exact items added to the HLL);
// windowed distinct-2 (full windows: sum/count/min/max add; largest short tail kept).
import { DistinctCounter, type DistinctPartial, hllRank14, WindowSet32 } from "./ngram-sketch.js";
import { fmix32 } from "./hash.js";
import { ratio, round } from "./stats.js";

/** A distinct-n figure of the report (DiversityResult.distinct1/2/3). */
export interface DistinctN {
  distinct: number;
  total: number;
  /** distinct / total (0 when there are no n-grams). */
  ratio: number;
  method: "exact" | "hll";
  /** Relative standard error of `distinct`: 0 for exact, ~0.0081 for HyperLogLog p=14. */
  standardError: number;
}

/** Counted windows (the chunk's trailing window already folded in when it holds >= half a window). */
export interface WindowState {
  size: number;
  sum: number;
  count: number;
  min: number;
  max: number;
  /** Largest short (< half a window) trailing window: words, bigrams, distinct bigrams (0 words = none). */
  tailWords: number;
  tailBigrams: number;
  tailDistinct: number;
}

/** What a chunk's partial holds of the n-grams (DiversityPartial extends it). */
export interface NgramsPartial {
  d1: DistinctPartial;
  d2: DistinctPartial;
  d3: DistinctPartial;
  t1: number;
  t2: number;
  t3: number;
  /** Counted windows (the chunk's trailing window already folded in when it holds >= half a window). */
  window: WindowState;
}

const HLL_ERROR = round(1.04 / Math.sqrt(1 << 14), 4);

/** Second hash of the bigram (i - 1, i) from the words' second hashes (as ngrams() makes it). */
function bigram2(b: Int32Array, i: number): number {
  return fmix32((Math.imul(b[i - 1] ^ 0x3, 0x9e3779b1) + b[i]) | 0) | 0;
}

export class WordNgrams {
  readonly windowSize: number;
  private readonly fastHll: boolean;
  readonly d1: DistinctCounter;
  readonly d2: DistinctCounter;
  readonly d3: DistinctCounter;
  t1 = 0;
  t2 = 0;
  t3 = 0;
  // windowed distinct-2
  private win: WindowSet32;
  private winWords = 0;
  private winBigrams = 0;
  private winSum = 0;
  private winCount = 0;
  private winMin = Infinity;
  private winMax = -Infinity;
  private tailWords = 0;
  private tailBigrams = 0;
  private tailDistinct = 0;
  /** Repeated word pairs of the current message: the window set's size when it started (0 after a window closed), and
   * the pairs it added to windows that closed since. */
  private winMark = 0;
  private msgFresh = 0;

  /** `cap`, `hll`: DistinctCounter's; `fastHll`: ngramsHll() once the counters are HyperLogLog. */
  constructor(windowSize: number, cap: number, hll: boolean, fastHll: boolean) {
    this.windowSize = windowSize;
    this.win = new WindowSet32(Math.min(this.windowSize, 1024)); // grows to a window's size (small chunks stay small)
    this.fastHll = fastHll;
    this.d1 = new DistinctCounter(cap, hll);
    this.d2 = new DistinctCounter(cap, hll);
    this.d3 = new DistinctCounter(cap, hll);
  }

  /** Adds the words [from, from + n) of one message (n > 0; `a`, `b`: the words' two hashes); returns how many of its
   * word pairs were new in their window. */
  addMessage(a: Int32Array, b: Int32Array, from: number, n: number): number {
    this.t1 += n;
    if (n >= 2) this.t2 += n - 1;
    if (n >= 3) this.t3 += n - 2;
    const r1 = this.d1.registers;
    const r2 = this.d2.registers;
    const r3 = this.d3.registers;
    this.winMark = this.win.size;
    this.msgFresh = 0;
    if (r1 && r2 && r3 && this.fastHll) this.ngramsHll(a, b, from, from + n, r1, r2, r3);
    else this.ngrams(a, b, from, from + n);
    return this.msgFresh + this.win.size - this.winMark;
  }

  /** ngrams() once all three counters are in HyperLogLog mode: the registers are updated here, and the second
   * hash of an n-gram (which HyperLogLog reads only when the low 18 bits of the first are 0) is made only then,
   * from the words' second hashes. The same registers as ngrams(), with half the hashing. */
  private ngramsHll(a: Int32Array, b: Int32Array, from: number, end: number, r1: Uint8Array, r2: Uint8Array, r3: Uint8Array): void {
    const win = this.win;
    const ws = this.windowSize;
    let winWords = this.winWords;
    let winBigrams = this.winBigrams;
    let p1 = 0;
    let q1 = 0;
    for (let i = from; i < end; i++) {
      const x1 = a[i];
      let k = x1 >>> 18;
      let rank = (x1 & 0x3ffff) !== 0 ? Math.clz32(x1 << 14) + 1 : hllRank14(x1, b[i]);
      if (rank > r1[k]) r1[k] = rank;
      if (winWords === ws) {
        this.winBigrams = winBigrams;
        this.closeWindow();
        winWords = 0;
        winBigrams = 0;
      }
      winWords++;
      if (i > from) {
        const g1 = fmix32((Math.imul(p1 ^ 0x2, 0x9e3779b1) + x1) | 0) | 0;
        k = g1 >>> 18;
        rank = (g1 & 0x3ffff) !== 0 ? Math.clz32(g1 << 14) + 1 : hllRank14(g1, bigram2(b, i));
        if (rank > r2[k]) r2[k] = rank;
        if (winWords > 1) {
          win.add(g1);
          winBigrams++;
        }
        if (i > from + 1) {
          const t1 = fmix32((Math.imul(q1 ^ 0x5, 0x9e3779b1) + x1) | 0) | 0;
          k = t1 >>> 18;
          rank = (t1 & 0x3ffff) !== 0 ? Math.clz32(t1 << 14) + 1 : hllRank14(t1, fmix32((Math.imul(bigram2(b, i - 1) ^ 0x7, 0x9e3779b1) + b[i]) | 0) | 0);
          if (rank > r3[k]) r3[k] = rank;
        }
        q1 = g1;
      }
      p1 = x1;
    }
    this.winWords = winWords;
    this.winBigrams = winBigrams;
  }

  /** Distinct 1/2/3-grams and the window of words [from, end) of one message (hot loop: state in locals). */
  private ngrams(a: Int32Array, b: Int32Array, from: number, end: number): void {
    const d1 = this.d1;
    const d2 = this.d2;
    const d3 = this.d3;
    const win = this.win;
    const ws = this.windowSize;
    let winWords = this.winWords;
    let winBigrams = this.winBigrams;
    let p1 = 0;
    let p2 = 0;
    let q1 = 0;
    let q2 = 0;
    for (let i = from; i < end; i++) {
      const x1 = a[i];
      const x2 = b[i];
      d1.add(x1, x2);
      if (winWords === ws) {
        this.winBigrams = winBigrams;
        this.closeWindow();
        winWords = 0;
        winBigrams = 0;
      }
      winWords++;
      if (i > from) {
        // bigram (i-1, i); the trigram (i-2, i-1, i) = bigram (i-2, i-1) combined with word i
        // (int32 throughout: uint32 values above 2^31 would be boxed when passed to the sets)
        const g1 = fmix32((Math.imul(p1 ^ 0x2, 0x9e3779b1) + x1) | 0) | 0;
        const g2 = fmix32((Math.imul(p2 ^ 0x3, 0x9e3779b1) + x2) | 0) | 0;
        d2.add(g1, g2);
        if (winWords > 1) {
          win.add(g1);
          winBigrams++;
        }
        if (i > from + 1) d3.add(fmix32((Math.imul(q1 ^ 0x5, 0x9e3779b1) + x1) | 0) | 0, fmix32((Math.imul(q2 ^ 0x7, 0x9e3779b1) + x2) | 0) | 0);
        q1 = g1;
        q2 = g2;
      }
      p1 = x1;
      p2 = x2;
    }
    this.winWords = winWords;
    this.winBigrams = winBigrams;
  }

  private closeWindow(): void {
    this.msgFresh += this.win.size - this.winMark;
    this.winMark = 0;
    if (this.winBigrams > 0) {
      const s = this.win.size / this.winBigrams;
      this.winSum += s;
      this.winCount++;
      if (s < this.winMin) this.winMin = s;
      if (s > this.winMax) this.winMax = s;
    }
    this.win.clear();
    this.winWords = 0;
    this.winBigrams = 0;
  }

  /** Counted windows and the largest short tail, with the open window folded in as a chunk's trailing window
   * (does not modify the instance). */
  windowState(): WindowState {
    const w: WindowState = {
      size: this.windowSize,
      sum: this.winSum,
      count: this.winCount,
      min: this.winMin,
      max: this.winMax,
      tailWords: this.tailWords,
      tailBigrams: this.tailBigrams,
      tailDistinct: this.tailDistinct,
    };
    if (this.winWords > 0) {
      if (this.winWords * 2 >= this.windowSize) {
        if (this.winBigrams > 0) {
          const s = this.win.size / this.winBigrams;
          w.sum += s;
          w.count++;
          if (s < w.min) w.min = s;
          if (s > w.max) w.max = s;
        }
      } else if (this.winWords > w.tailWords) {
        w.tailWords = this.winWords;
        w.tailBigrams = this.winBigrams;
        w.tailDistinct = this.win.size;
      }
    }
    return w;
  }

  /** This instance's own words form the first chunk of a merge: its trailing window is closed the same way. */
  closeOwnWindow(): void {
    if (this.winWords === 0) return;
    const w = this.windowState();
    this.win.clear();
    this.winWords = 0;
    this.winBigrams = 0;
    this.setWindow(w);
  }

  toPartial(): NgramsPartial {
    return { d1: this.d1.toPartial(), d2: this.d2.toPartial(), d3: this.d3.toPartial(), t1: this.t1, t2: this.t2, t3: this.t3, window: this.windowState() };
  }

  /** Folds a later chunk's n-grams in; `figuresOnly`: the distinct sets are not merged (their counts are not reported). */
  merge(p: NgramsPartial, figuresOnly: boolean): void {
    if (!figuresOnly) {
      this.d1.merge(p.d1);
      this.d2.merge(p.d2);
      this.d3.merge(p.d3);
    }
    this.t1 += p.t1;
    this.t2 += p.t2;
    this.t3 += p.t3;

    const w = p.window;
    this.winSum += w.sum;
    this.winCount += w.count;
    if (w.min < this.winMin) this.winMin = w.min;
    if (w.max > this.winMax) this.winMax = w.max;
    if (w.tailWords > this.tailWords) {
      this.tailWords = w.tailWords;
      this.tailBigrams = w.tailBigrams;
      this.tailDistinct = w.tailDistinct;
    }
  }

  private setWindow(w: WindowState): void {
    this.winSum = w.sum;
    this.winCount = w.count;
    this.winMin = w.min;
    this.winMax = w.max;
    this.tailWords = w.tailWords;
    this.tailBigrams = w.tailBigrams;
    this.tailDistinct = w.tailDistinct;
  }

  distinctN(c: DistinctCounter, total: number): DistinctN {
    const distinct = c.estimate();
    return {
      distinct,
      total,
      ratio: ratio(Math.min(distinct, total), total),
      method: c.method,
      standardError: c.method === "exact" ? 0 : HLL_ERROR,
    };
  }

  /** The windows with the trailing partial window folded in, then the "only window" rule for the largest short tail. */
  finishWindows(): WindowState {
    const w = this.windowState();
    if (w.count === 0 && w.tailBigrams > 0) {
      const s = w.tailDistinct / w.tailBigrams;
      w.sum = s;
      w.count = 1;
      w.min = s;
      w.max = s;
    }
    return w;
  }
}
