// Small numeric helpers shared by the analysis passes: rounding, a bounded quantile sketch, fixed-bucket
// histograms, a bounded top-k counter (Misra-Gries) and a deterministic PRNG.
//
//   round(x, digits = 4): number
//   quantileOf(sorted, q): number                    linear interpolation (type 7, as numpy's default)
//   new QuantileSketch(cap = 100_000)                 exact up to `cap` values, then a uniform reservoir sample
//     .add(v) .count .min .max .sum .mean .exact .quantile(q) .summary()
//   new TopK<P>(cap = 10_000)                         Misra-Gries heavy hitters, exact while distinct keys <= cap
//     .add(key, payload?) .top(n) .exact .maxError .distinctTracked
//   bucketIndex(edges, v) / bucketLabels(edges)       fixed histogram buckets [e0,e1), [e1,e2) ... [eLast, inf)
//   mulberry32(seed): () => number                    deterministic uniform [0, 1)
//
// Partials (chunked / parallel runs; plain structured-clone-able data, merged in chunk order):
//   QuantileSketch.toPartial() / .merge(p)
//     count/sum add, min/max combine (all exact). Kept values: concatenated (this instance's first) while the
//     merged count <= cap. Beyond the cap both sides are thinned to a proportional share of `cap` values:
//     this side keeps round(cap * countThis / countTotal), the incoming side the rest, each chosen by a
//     systematic stride over its kept values (value j of keep taken at index floor((j + 0.5) * kept / keep)).
//     Deterministic; a fresh sketch merged with one partial holds exactly that partial's values.
//   TopK.toPartial() / .merge(p)
//     Misra-Gries summary merge: counts add (an existing key keeps its first payload), then, if more than
//     `cap` keys are tracked, the (cap+1)-th largest count t is subtracted from every counter, counters <= 0
//     are dropped and maxError grows by t. maxError and total add. Deterministic for a given merge order.

/** Round to `digits` decimals (default 4); non-finite values become 0 so results stay JSON-serialisable. */
export function round(x: number, digits = 4): number {
  if (!Number.isFinite(x)) return 0;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Share a/b rounded, 0 when b is 0. */
export function ratio(a: number, b: number, digits = 4): number {
  return b > 0 ? round(a / b, digits) : 0;
}

/** Quantile of an ascending-sorted array with linear interpolation between closest ranks (numpy "linear"). */
export function quantileOf(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Deterministic 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Summary {
  count: number;
  min: number;
  mean: number;
  median: number;
  p95: number;
  max: number;
  /** true: median/p95 from every value; false: from a uniform reservoir sample of `cap` values. */
  exact: boolean;
}

export interface QuantilePartial {
  cap: number;
  count: number;
  min: number;
  max: number;
  sum: number;
  /** The kept values (all values when count <= cap), in the sketch's order. */
  values: Float64Array;
}

/** Picks `keep` of the first `n` values of `src` by a systematic stride (all of them when keep >= n). */
function strideSample(src: Float64Array, n: number, keep: number): Float64Array {
  if (keep >= n) return src.slice(0, n);
  const out = new Float64Array(keep);
  for (let j = 0; j < keep; j++) out[j] = src[Math.floor(((j + 0.5) * n) / keep)];
  return out;
}

/** Exact quantiles up to `cap` values, then Algorithm-R reservoir sampling (seeded, deterministic).
 * count/min/max/sum/mean are always exact. */
export class QuantileSketch {
  private values: Float64Array;
  private n = 0;
  private rnd: () => number;
  count = 0;
  min = Infinity;
  max = -Infinity;
  sum = 0;
  constructor(private readonly cap = 100_000, seed = 0x9e3779b9) {
    this.values = new Float64Array(Math.min(cap, 1024));
    this.rnd = mulberry32(seed);
  }
  add(v: number): void {
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (this.n < this.cap) {
      if (this.n === this.values.length) {
        const bigger = new Float64Array(Math.min(this.cap, this.values.length * 2));
        bigger.set(this.values);
        this.values = bigger;
      }
      this.values[this.n++] = v;
    } else {
      const j = Math.floor(this.rnd() * this.count);
      if (j < this.cap) this.values[j] = v;
    }
  }
  get exact(): boolean {
    return this.count <= this.cap;
  }
  toPartial(): QuantilePartial {
    return { cap: this.cap, count: this.count, min: this.min, max: this.max, sum: this.sum, values: this.values.slice(0, this.n) };
  }
  /** Folds a later chunk's partial into this sketch (see the file header). */
  merge(p: QuantilePartial): void {
    const total = this.count + p.count;
    const pn = p.values.length;
    let merged: Float64Array;
    if (this.n + pn <= this.cap && (total <= this.cap || this.count === 0 || p.count === 0)) {
      merged = new Float64Array(Math.max(this.n + pn, Math.min(this.cap, 1024)));
      merged.set(this.values.subarray(0, this.n));
      merged.set(p.values, this.n);
      this.n += pn;
    } else {
      const keepThis = Math.min(this.n, Math.round((this.cap * this.count) / total));
      const keepOther = Math.min(pn, this.cap - keepThis);
      const a = strideSample(this.values, this.n, keepThis);
      const b = strideSample(p.values, pn, keepOther);
      merged = new Float64Array(Math.max(a.length + b.length, Math.min(this.cap, 1024)));
      merged.set(a);
      merged.set(b, a.length);
      this.n = a.length + b.length;
    }
    this.values = merged;
    this.count = total;
    this.sum += p.sum;
    if (p.min < this.min) this.min = p.min;
    if (p.max > this.max) this.max = p.max;
  }
  get mean(): number {
    return this.count ? this.sum / this.count : 0;
  }
  /** Sorted copy of the kept values (all values when exact). */
  sorted(): Float64Array {
    return this.values.slice(0, this.n).sort();
  }
  quantile(q: number): number {
    return quantileOf(this.sorted(), q);
  }
  summary(digits = 2): Summary {
    const s = this.sorted();
    return {
      count: this.count,
      min: this.count ? round(this.min, digits) : 0,
      mean: round(this.mean, digits),
      median: round(quantileOf(s, 0.5), digits),
      p95: round(quantileOf(s, 0.95), digits),
      max: this.count ? round(this.max, digits) : 0,
      exact: this.exact,
    };
  }
}

export interface TopEntry<P, K extends string | number = string> {
  key: K;
  count: number;
  payload?: P;
}

export interface TopKPartial<P = undefined, K extends string | number = string> {
  cap: number;
  keys: K[];
  counts: number[];
  payloads: (P | undefined)[];
  maxError: number;
  total: number;
}

/** Misra-Gries frequent items with at most `cap` counters. While fewer than `cap` distinct keys were seen the
 * counts are exact; afterwards each count is a lower bound, short of the truth by at most `maxError`.
 * Keys are strings or numbers (e.g. a 53-bit hash, with the text it stands for as the payload). */
export class TopK<P = undefined, K extends string | number = string> {
  private counts = new Map<K, { count: number; payload?: P }>();
  /** Total decrement rounds applied to every counter (0 = exact). */
  maxError = 0;
  total = 0;
  /** `tieByPayload`: top() breaks count ties by payload (a string, or the string the function makes of it) rather
   * than by key. */
  constructor(
    private readonly cap = 10_000,
    private readonly tieByPayload: boolean | ((payload: P | undefined) => string) = false,
  ) {}
  add(key: K, payload?: P): void {
    if (this.counted(key)) this.counts.set(key, { count: 1, payload });
  }
  /** add(), with the payload made only when the key gets a counter; `touch` sees the payload of a key counted again. */
  addWith(key: K, makePayload: () => P, touch?: (payload: P) => void): void {
    if (this.counted(key, touch)) this.counts.set(key, { count: 1, payload: makePayload() });
  }
  /** Counts one occurrence of `key`; true when the key is new and has room for a counter (the caller adds it). */
  private counted(key: K, touch?: (payload: P) => void): boolean {
    this.total++;
    const e = this.counts.get(key);
    if (e) {
      e.count++;
      if (touch && e.payload !== undefined) touch(e.payload);
      return false;
    }
    if (this.counts.size < this.cap) return true;
    // Decrement every counter (the new key's single count cancels too); amortised O(1) per add.
    this.maxError++;
    for (const [k, v] of this.counts) {
      if (--v.count === 0) this.counts.delete(k);
    }
    return false;
  }
  get exact(): boolean {
    return this.maxError === 0;
  }
  toPartial(): TopKPartial<P, K> {
    const keys: K[] = [];
    const counts: number[] = [];
    const payloads: (P | undefined)[] = [];
    for (const [k, v] of this.counts) {
      keys.push(k);
      counts.push(v.count);
      payloads.push(v.payload);
    }
    return { cap: this.cap, keys, counts, payloads, maxError: this.maxError, total: this.total };
  }
  /** Misra-Gries merge of a later chunk's partial (see the file header). `combine(mine, theirs)`: folds a later
   * chunk's payload of a key this instance has into its own (default: the first payload is kept as it is). */
  merge(p: TopKPartial<P, K>, combine?: (mine: P, theirs: P) => void): void {
    this.total += p.total;
    this.maxError += p.maxError;
    for (let i = 0; i < p.keys.length; i++) {
      const e = this.counts.get(p.keys[i]);
      if (e) {
        e.count += p.counts[i];
        const theirs = p.payloads[i];
        if (combine && e.payload !== undefined && theirs !== undefined) combine(e.payload, theirs);
      } else this.counts.set(p.keys[i], { count: p.counts[i], payload: p.payloads[i] });
    }
    if (this.counts.size > this.cap) {
      const sorted = [...this.counts.values()].map((v) => v.count).sort((a, b) => b - a);
      const t = sorted[this.cap];
      this.maxError += t;
      for (const [k, v] of this.counts) {
        v.count -= t;
        if (v.count <= 0) this.counts.delete(k);
      }
    }
  }
  get distinctTracked(): number {
    return this.counts.size;
  }
  /** Top `n` by count, ties broken by key (ascending) for determinism. */
  top(n: number): TopEntry<P, K>[] {
    const all = [...this.counts].map(([key, v]) => ({ key, count: v.count, payload: v.payload }));
    const byPayload = this.tieByPayload;
    const tie = (x: TopEntry<P, K>) => (typeof byPayload === "function" ? byPayload(x.payload) : byPayload ? String(x.payload) : x.key);
    all.sort((a, b) => {
      if (a.count !== b.count) return b.count - a.count;
      const x = tie(a);
      const y = tie(b);
      return x < y ? -1 : x > y ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
    return all.slice(0, n);
  }
}

/** Index of the bucket holding v for ascending edges: bucket i is [edges[i], edges[i+1]), the last is open. */
export function bucketIndex(edges: readonly number[], v: number): number {
  let i = 0;
  while (i + 1 < edges.length && v >= edges[i + 1]) i++;
  return i;
}

/** Labels "a-b" (inclusive integer ranges) and "last+" for integer-valued buckets. */
export function bucketLabels(edges: readonly number[]): string[] {
  return edges.map((e, i) => (i + 1 < edges.length ? `${e}-${edges[i + 1] - 1}` : `${e}+`));
}
