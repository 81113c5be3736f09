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

export interface TopEntry<P> {
  key: string;
  count: number;
  payload?: P;
}

/** Misra-Gries frequent items with at most `cap` counters. While fewer than `cap` distinct keys were seen the
 * counts are exact; afterwards each count is a lower bound, short of the truth by at most `maxError`. */
export class TopK<P = undefined> {
  private counts = new Map<string, { count: number; payload?: P }>();
  /** Total decrement rounds applied to every counter (0 = exact). */
  maxError = 0;
  total = 0;
  constructor(private readonly cap = 10_000) {}
  add(key: string, payload?: P): void {
    this.total++;
    const e = this.counts.get(key);
    if (e) {
      e.count++;
      return;
    }
    if (this.counts.size < this.cap) {
      this.counts.set(key, { count: 1, payload });
      return;
    }
    // Decrement every counter (the new key's single count cancels too); amortised O(1) per add.
    this.maxError++;
    for (const [k, v] of this.counts) {
      if (--v.count === 0) this.counts.delete(k);
    }
  }
  get exact(): boolean {
    return this.maxError === 0;
  }
  get distinctTracked(): number {
    return this.counts.size;
  }
  /** Top `n` by count, ties broken by key (ascending) for determinism. */
  top(n: number): TopEntry<P>[] {
    const all = [...this.counts].map(([key, v]) => ({ key, count: v.count, payload: v.payload }));
    all.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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
